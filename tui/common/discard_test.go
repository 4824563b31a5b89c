package common

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

func TestDiscard(t *testing.T) {
	key := func(s string) tea.KeyMsg {
		if s == "esc" {
			return tea.KeyMsg{Type: tea.KeyEsc}
		}
		return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}
	}
	for _, tc := range []struct {
		keys          []string
		leave, asking bool
	}{
		{[]string{"y"}, true, false},
		{[]string{"Y"}, true, false},
		{[]string{"n"}, false, false},
		{[]string{"esc"}, false, false},
		{[]string{"x"}, false, true}, // another key leaves the question open
		{[]string{"x", "y"}, true, false},
	} {
		var d Discard
		d.Ask()
		leave := false
		for _, k := range tc.keys {
			leave = d.Answer(key(k))
		}
		if leave != tc.leave || d.Asking() != tc.asking {
			t.Errorf("%v: leave %v asking %v, want %v %v", tc.keys, leave, d.Asking(), tc.leave, tc.asking)
		}
	}
}
