package admin

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/tui/i18n"
)

// s at the kind question makes the counter the workers' self-service terminal.
func TestCountersAddASelfServiceTerminal(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.Zh, i18n.En} {
		m, s := opened(t, lang, true, 80, 24)
		keys(t, m, tea.KeyLeft)
		scr := keys(t, m, "+", deskKey, enter, tea.KeyCtrlU, "自助机", enter)
		if want := map[i18n.Lang]string{i18n.Zh: "s 自助机", i18n.En: "s self-service (workers)"}[lang]; !strings.Contains(scr, want) {
			t.Fatalf("%s: the kind question lacks %q:\n%s", lang, want, scr)
		}
		scr = keys(t, m, "s", enter)
		if want := map[i18n.Lang]string{i18n.Zh: "自助机 自助机", i18n.En: "self-service"}[lang]; !strings.Contains(scr, want) {
			t.Errorf("%s: the list lacks %q:\n%s", lang, want, scr)
		}
		list := must(s.Counters(context.Background()))(t, "Counters")
		if len(list) != 1 || list[0].Kind != store.CounterSelf || list[0].Name != "自助机" {
			t.Fatalf("%s: counters %+v", lang, list)
		}
	}
}
