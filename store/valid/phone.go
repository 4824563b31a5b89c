package valid

import (
	"strings"
	"unicode"
)

// Phone checks a mainland mobile number and returns it as 11 ASCII digits.
func Phone(s string) (string, *Problem) {
	var b strings.Builder
	for _, r := range strings.TrimSpace(s) {
		r = foldWidth(r)
		switch {
		case unicode.IsSpace(r), r == '-', r == '.', r == '(', r == ')', r >= 0x2010 && r <= 0x2015:
			continue // separators people type or paste: 138-0013-8000, (+86) 138 0013 8000
		}
		b.WriteRune(r)
	}
	p := b.String()
	if p == "" {
		return "", problem(FieldPhone, KeyPhoneEmpty, "no phone number given")
	}
	switch {
	case strings.HasPrefix(p, "+86"):
		p = p[3:]
	case strings.HasPrefix(p, "+"):
		return "", problem(FieldPhone, KeyPhonePrefix, "only mainland mobile numbers (+86) are accepted")
	case strings.HasPrefix(p, "0086") && len(p) == 15 && allDigits(p):
		p = p[4:]
	case strings.HasPrefix(p, "86") && len(p) == 13 && allDigits(p):
		p = p[2:]
	}
	if !allDigits(p) {
		return "", problem(FieldPhone, KeyPhoneChars, "a phone number has only digits")
	}
	if len(p) != 11 {
		return "", problem(FieldPhone, KeyPhoneLength, "a mobile number has 11 digits, got %d", len(p))
	}
	if p[0] != '1' || p[1] < '3' {
		return "", problem(FieldPhone, KeyPhonePrefix, "a mobile number starts with 13 to 19")
	}
	return p, nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
