package admin

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/tui/i18n"
)

// TestSettingsArrowsSwitchUntilTyping: on the station settings ←/→ switch sections and the
// screen does not capture keys (so ? reaches the help) until something is typed into a field;
// then the arrows move in the field, and Tab gives them back.
func TestSettingsArrowsSwitchUntilTyping(t *testing.T) {
	m, _ := opened(t, i18n.Zh, true, 80, 19)
	run(t, m, m.Next()) // staff → settings
	if m.sec != secSettings {
		t.Fatalf("section %d, want the settings", m.sec)
	}
	if m.Capturing() {
		t.Fatal("the settings capture keys before anything is typed: ? cannot open the help")
	}
	keys(t, m, tea.KeyRight)
	if m.sec != secSettings+1 {
		t.Fatalf("→ on the settings did not move on (section %d)", m.sec)
	}
	keys(t, m, tea.KeyLeft)
	if m.sec != secSettings {
		t.Fatalf("← did not come back (section %d)", m.sec)
	}
	scr := keys(t, m, tea.KeyEnd, "二站")
	if !strings.Contains(scr, "后街零工市场二站") || !m.Capturing() {
		t.Fatalf("typing into the name:\n%s", scr)
	}
	keys(t, m, tea.KeyLeft, "x")
	if m.sec != secSettings || !strings.Contains(keys(t, m), "后街零工市场二x站") {
		t.Fatalf("← while typing left the field:\n%s", keys(t, m))
	}
	keys(t, m, tab, tea.KeyRight)
	if m.sec != secSettings+1 || !m.Dirty() {
		t.Fatalf("after Tab → should switch and keep the unsaved name (section %d, dirty %v)", m.sec, m.Dirty())
	}
}
