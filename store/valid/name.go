package valid

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// MaxNameRunes is the longest name accepted, in characters.
const MaxNameRunes = 30

const middleDot = '·'

// Name checks a person's name: Chinese characters, Latin letters, the middle dot of
// minority and foreign names, and ' or - inside Latin names. It returns the name
// trimmed, NFC-normalised, with spaces kept only between Latin words.
func Name(s string) (string, *Problem) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", problem(FieldName, KeyNameEmpty, "no name given")
	}
	if utf8.RuneCountInString(s) > 4*MaxNameRunes {
		return "", problem(FieldName, KeyNameLong, "a name has at most %d characters", MaxNameRunes)
	}
	in := []rune(norm.NFC.String(s))
	var key string
	for i, r := range in {
		r = foldName(r)
		in[i] = r
		if k := nameRuneKey(r, in, i); k != "" && (key == "" || nameKeyRank[k] < nameKeyRank[key]) {
			key = k
		}
	}
	if key != "" {
		return "", problem(FieldName, key, "%s", nameDetails[key])
	}
	out := make([]rune, 0, len(in))
	for i, r := range in {
		if r != ' ' {
			out = append(out, r)
			continue
		}
		// Keep one space between Latin words; drop the rest (张 三 → 张三, 阿依 · 买买提 → 阿依·买买提).
		if len(out) > 0 && isLatinPart(out[len(out)-1]) && i+1 < len(in) && isLatinPart(in[i+1]) {
			out = append(out, ' ')
		}
	}
	for i, r := range out {
		if !namePunctOK(out, i, r) {
			return "", problem(FieldName, KeyNamePunct, "%s", nameDetails[KeyNamePunct])
		}
	}
	if len(out) == 0 {
		return "", problem(FieldName, KeyNameEmpty, "no name given")
	}
	if len(out) > MaxNameRunes {
		return "", problem(FieldName, KeyNameLong, "a name has at most %d characters, got %d", MaxNameRunes, len(out))
	}
	return string(out), nil
}

// nameKeyRank orders the reasons so that the most telling one is reported.
var nameKeyRank = map[string]int{KeyNameControl: 0, KeyNameDigit: 1, KeyNameSymbol: 2, KeyNameChars: 3}

var nameDetails = map[string]string{
	KeyNameControl: "a name may not hold control characters or escape sequences",
	KeyNameDigit:   "a name may not hold digits",
	KeyNameSymbol:  "a name may not hold emoji, punctuation or other symbols",
	KeyNameChars:   "a name is written in Chinese characters or Latin letters",
	KeyNamePunct:   "·, ' and - only go between two letters",
}

// foldName maps look-alikes staff paste to the one form names are stored in.
func foldName(r rune) rune {
	r = foldWidth(r)
	switch r {
	case '･', '•', '‧', '・', '∙', '⋅':
		return middleDot
	case '’', 'ʼ', '‘':
		return '\''
	case '‐', '‑', '–':
		return '-'
	}
	if unicode.IsSpace(r) && r > 0x7F && !unicode.IsControl(r) {
		return ' ' // no-break and other wide spaces
	}
	return r
}

// nameRuneKey says what is wrong with rune r at position i of a name, or "".
func nameRuneKey(r rune, name []rune, i int) string {
	switch {
	case r == ' ' || r == middleDot || r == '\'' || r == '-':
		return ""
	case isIdeograph(r), isLatinLetter(r):
		return ""
	case unicode.Is(unicode.Mn, r):
		if i > 0 && isLatinPart(name[i-1]) {
			return "" // a combining accent NFC could not fold into its letter
		}
		if i > 0 && !isLatinPart(name[i-1]) && !isIdeograph(name[i-1]) {
			return KeyNameSymbol // variation selector after an emoji
		}
		return KeyNameChars
	case r == utf8.RuneError:
		return KeyNameChars
	case unicode.IsControl(r), unicode.Is(unicode.Cf, r), unicode.In(r, unicode.Zl, unicode.Zp):
		return KeyNameControl
	case unicode.IsNumber(r):
		return KeyNameDigit
	case unicode.IsSymbol(r), unicode.IsPunct(r):
		return KeyNameSymbol
	}
	return KeyNameChars
}

func namePunctOK(name []rune, i int, r rune) bool {
	var before, after rune
	if i > 0 {
		before = name[i-1]
	}
	if i+1 < len(name) {
		after = name[i+1]
	}
	switch r {
	case middleDot:
		return isLetter(before) && isLetter(after)
	case '\'', '-':
		return isLatinPart(before) && isLatinLetter(after)
	}
	return true
}

func isLetter(r rune) bool { return isIdeograph(r) || isLatinPart(r) }

// isLatinPart is a Latin letter or a combining mark that follows one.
func isLatinPart(r rune) bool { return isLatinLetter(r) || unicode.Is(unicode.Mn, r) }

func isLatinLetter(r rune) bool { return unicode.IsLetter(r) && unicode.Is(unicode.Latin, r) }

// isIdeograph is a CJK unified or compatibility ideograph (all extensions) or 〇.
func isIdeograph(r rune) bool {
	switch {
	case r == '〇':
		return true
	case r >= 0x3400 && r <= 0x4DBF, r >= 0x4E00 && r <= 0x9FFF, r >= 0xF900 && r <= 0xFAFF:
		return true
	case r >= 0x20000 && r <= 0x323AF:
		return true
	}
	return false
}
