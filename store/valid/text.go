package valid

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

const esc = 0x1B

// Text cleans free text (address, notes, requirements) for one line of a terminal
// screen: it drops escape sequences and control characters, turns line breaks and
// tabs into spaces, collapses runs of spaces and trims. max is the most characters
// allowed (0 or less: no limit). field is copied into the Problem.
func Text(field string, s string, max int) (string, *Problem) {
	s = StripControls(s)
	if max > 0 && len(s) > max { // bytes ≥ runes: only count when it could be too long
		if n := utf8.RuneCountInString(s); n > max {
			return "", problem(field, KeyTextLong, "at most %d characters, got %d", max, n)
		}
	}
	return s, nil
}

// StripControls removes ANSI escape sequences, C0/C1 controls and invisible format
// characters (bidi overrides, zero-width space, BOM) that could disturb a terminal
// or hide text; whitespace runs become one space; the result is trimmed and NFC.
func StripControls(s string) string {
	s = norm.NFC.String(strings.ToValidUTF8(s, ""))
	var b strings.Builder
	b.Grow(len(s))
	space := false
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == esc || r == 0x9B || r == 0x9D || r == 0x90 || r == 0x98 || r == 0x9E || r == 0x9F:
			i = skipEscape(rs, i)
			continue
		case unicode.IsSpace(r):
			space = true
			continue
		case unicode.IsControl(r):
			continue
		case unicode.Is(unicode.Cf, r) && r != 0x200C && r != 0x200D: // keep ZWNJ/ZWJ: they join emoji
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// Typing is StripControls for a field still being typed into: one space at the end stays
// when there is text before it, so the next word can follow ("Wang " and then "Wei").
func Typing(s string) string {
	clean := StripControls(s)
	if last, _ := utf8.DecodeLastRuneInString(s); clean != "" && (last == ' ' || last == '\u3000') {
		return clean + " "
	}
	return clean
}

// KeyText is what one key press or paste may put into a field: escape sequences and controls
// go, but the spaces a person typed between words stay (StripControls alone would drop a
// lone space key). The field's whole value is then cleaned with Typing.
func KeyText(s string) string {
	parts := strings.Split(s, " ")
	for i, w := range parts {
		parts[i] = StripControls(w)
	}
	return strings.Join(parts, " ")
}

// skipEscape returns the index of the last rune of the escape sequence starting at i.
func skipEscape(rs []rune, i int) int {
	r := rs[i]
	kind := r // C1 introducers stand for ESC + a letter
	if r == esc {
		if i+1 >= len(rs) {
			return i
		}
		i++
		switch rs[i] {
		case '[':
			kind = 0x9B
		case ']':
			kind = 0x9D
		case 'P':
			kind = 0x90
		case 'X':
			kind = 0x98
		case '^':
			kind = 0x9E
		case '_':
			kind = 0x9F
		default:
			// ESC, intermediates 0x20–0x2F, one final byte (ESC ( B, ESC 7, ESC c …).
			for i < len(rs) && rs[i] >= 0x20 && rs[i] <= 0x2F {
				i++
			}
			if i >= len(rs) {
				return len(rs) - 1
			}
			return i
		}
	}
	switch kind {
	case 0x9B: // CSI: parameters 0x30–0x3F, intermediates 0x20–0x2F, final 0x40–0x7E
		for i+1 < len(rs) {
			i++
			if rs[i] >= 0x40 && rs[i] <= 0x7E {
				return i
			}
			if rs[i] < 0x20 || rs[i] > 0x7E {
				return i - 1 // broken sequence: let the caller see this rune
			}
		}
		return i
	default: // OSC, DCS, SOS, PM, APC: up to BEL, ST (ESC \ or 0x9C)
		for i+1 < len(rs) {
			i++
			switch rs[i] {
			case 0x07, 0x9C:
				return i
			case esc:
				if i+1 < len(rs) && rs[i+1] == '\\' {
					return i + 1
				}
				return i - 1 // a new escape sequence starts here
			}
		}
		return i
	}
}

// PickQuery is what a picker filters by: StripControls, full-width ASCII folded to ASCII,
// spaces dropped and lower case (" Ｓ d " → "sd").
func PickQuery(s string) string {
	var b strings.Builder
	for _, r := range StripControls(s) {
		r = foldWidth(r)
		if unicode.IsSpace(r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}
