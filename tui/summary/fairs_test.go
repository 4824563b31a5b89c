package summary

import (
	"strings"
	"testing"

	"gigdesk/tui/i18n"
)

// TestFairOnTheDay: the Summary of the demo's fair day shows the fair's four figures, in its
// lines and paged down to its report; the day before shows none.
func TestFairOnTheDay(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.Zh, i18n.En} {
		c := newCommon(t, lang)
		m := start(t, c, 80, 19)
		var all strings.Builder
		for range 30 {
			all.WriteString(view(m))
			m, _ = run(t, m, keyMsg("pgdown"))
		}
		title := c.Cat.T("report.section.fairs") + " · "
		for _, want := range []string{c.Cat.T("report.fig.fair_firms"), c.Cat.T("report.fig.fair_intentions"), title} {
			if !strings.Contains(all.String(), want) {
				t.Fatalf("%s: %q missing from the day's screens", lang, want)
			}
		}
		m, _ = run(t, m, keyMsg("left"))
		if got := strings.Join(m.(*Model).lines, "\n"); strings.Contains(got, title) || strings.Contains(got, c.Cat.T("report.fig.fair_firms")) {
			t.Fatalf("%s: the day before shows a fair", lang)
		}
	}
}
