package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/tui/i18n"
)

// The help overlay lists F6 (Admin) for the station head and not for a clerk.
func TestHelpListsAdminForHeadOnly(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.Zh, i18n.En} {
		m, s := started(t, lang, "后街零工市场", "王芳")
		word := i18n.New(lang).T("key.admin")
		var tm tea.Model = m
		tm = press(t, tm, tea.KeyMsg{Type: tea.KeyF12})
		scr := screen(tm)
		if !strings.Contains(scr, "F6  "+word) {
			t.Fatalf("%s: head's help has no F6:\n%s", lang, scr)
		}
		tm = press(t, tm, esc)
		head := m.Common().Staff
		if _, err := s.AddStaff(t.Context(), head.ID, "李强", store.RoleStaff); err != nil {
			t.Fatal(err)
		}
		tm = press(t, tm, tea.KeyMsg{Type: tea.KeyF8}, runes("2"), runes("1357"), enter, runes("1357"), enter)
		if m.Common().Staff.Name != "李强" {
			t.Fatalf("clerk sign-in:\n%s", screen(tm))
		}
		tm = press(t, tm, tea.KeyMsg{Type: tea.KeyF12})
		if scr := screen(tm); strings.Contains(scr, "F6  "+word) || !strings.Contains(scr, "F8") {
			t.Fatalf("%s: clerk's help:\n%s", lang, scr)
		}
	}
}
