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

// MaskName hides a name's middle for lists anyone may glance at: 张三丰 → 张*丰, 张三 → 张*,
// 阿依·买买提 → 阿****提. The first and (from three characters) the last are kept.
func MaskName(name string) string {
	rs := []rune(name)
	switch len(rs) {
	case 0, 1:
		return name
	case 2:
		return string(rs[0]) + "*"
	}
	return string(rs[0]) + strings.Repeat("*", len(rs)-2) + string(rs[len(rs)-1])
}
