package valid

import "testing"

func TestMaskName(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"张", "张"},
		{"张三", "张*"},
		{"张三丰", "张*丰"},
		{"欧阳修远", "欧**远"},
		{"阿依·买买提", "阿****提"},
		{"Li Lei", "L****i"},
	} {
		if got := MaskName(c.in); got != c.want {
			t.Errorf("MaskName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
