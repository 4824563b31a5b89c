package valid

import "strings"

// MaskPhone hides the middle of a phone number: 13800138000 → 138****8000.
func MaskPhone(p string) string { return mask(p) }

// MaskID hides the middle of an ID number: first 3 and last 4 shown, length kept.
func MaskID(id string) string { return mask(id) }

// mask keeps the first 3 and last 4 characters when at least one is left to hide;
// anything shorter is hidden whole, since a short value shown would be shown in full.
func mask(s string) string {
	rs := []rune(s)
	if len(rs) < 8 {
		return strings.Repeat("*", len(rs))
	}
	return string(rs[:3]) + strings.Repeat("*", len(rs)-7) + string(rs[len(rs)-4:])
}
