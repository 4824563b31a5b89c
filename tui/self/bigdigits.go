package self

import "strings"

// Big digits, three rows high, for the number being typed: read from a step away.
var bigDigit = map[rune][3]string{
	'0': {"█▀█", "█ █", "▀▀▀"},
	'1': {" ▀█", "  █", "  ▀"},
	'2': {"▀▀█", "█▀▀", "▀▀▀"},
	'3': {"▀▀█", " ▀█", "▀▀▀"},
	'4': {"█ █", "▀▀█", "  ▀"},
	'5': {"█▀▀", "▀▀█", "▀▀▀"},
	'6': {"█▀▀", "█▀█", "▀▀▀"},
	'7': {"▀▀█", "  █", "  ▀"},
	'8': {"█▀█", "█▀█", "▀▀▀"},
	'9': {"█▀█", "▀▀█", "▀▀▀"},
	'*': {"   ", "▐█▌", "   "}, // a PIN digit typed
	'_': {"   ", "   ", "▀▀▀"}, // a place still to type
	' ': {" ", " ", " "},
}

// big draws s (digits, '*', '_' and spaces) in three lines.
func big(s string) []string {
	var rows [3]strings.Builder
	for i, r := range s {
		g, ok := bigDigit[r]
		if !ok {
			continue
		}
		for k := range rows {
			if i > 0 {
				rows[k].WriteByte(' ')
			}
			rows[k].WriteString(g[k])
		}
	}
	return []string{rows[0].String(), rows[1].String(), rows[2].String()}
}

// phoneShape is a phone number being typed, as big() draws it: 138 0013 8000, the places
// still to type as '_'.
func phoneShape(digits string) string {
	s := digits + strings.Repeat("_", max(11-len(digits), 0))
	return s[:3] + " " + s[3:7] + " " + s[7:11]
}

// pinShape is a PIN being typed: a mark for each digit, never the digit.
func pinShape(digits string) string {
	return strings.Repeat("*", len(digits)) + strings.Repeat("_", max(4-len(digits), 0))
}
