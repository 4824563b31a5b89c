package common

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
)

func TestWrap(t *testing.T) {
	tests := []struct {
		text  string
		width int
		want  []string
	}{
		{"短句。", 20, []string{"短句。"}},
		// the full stop would be alone: the character before it comes along
		{"期望工资不能超过10万元。", 22, []string{"期望工资不能超过10万", "元。"}},
		{"太长了：期望工资最多 12 个字符，没有填入。", 20, []string{"太长了：期望工资最多", "12 个字符，", "没有填入。"}},
		{"Too long: Exp. pay takes at most 12 characters", 20, []string{"Too long: Exp. pay", "takes at most 12", "characters"}},
		{"", 10, []string{""}},
	}
	for _, tt := range tests {
		got := Wrap(tt.text, tt.width)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Wrap(%q, %d) = %q, want %q", tt.text, tt.width, got, tt.want)
		}
		for _, l := range got {
			if lipgloss.Width(l) > tt.width {
				t.Errorf("Wrap(%q, %d): line %q is %d cells", tt.text, tt.width, l, lipgloss.Width(l))
			}
			if l != "" && strings.ContainsRune(noLineStart, []rune(l)[0]) {
				t.Errorf("Wrap(%q, %d): line %q starts with punctuation", tt.text, tt.width, l)
			}
		}
	}
}
