package match

import (
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"gigdesk/tui/common"
	"gigdesk/tui/i18n"
)

// TestMatchGoldens keeps the Match screen's views at 80x24 in both languages: the ranked
// candidates with one call noted, the jobs for a walk-in, the day plan, and today's dispatches
// after a check-in. Regenerate with -update.
func TestMatchGoldens(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.Zh, i18n.En} {
		t.Run(string(lang), func(t *testing.T) {
			d := newDesk(t, lang, 80, 24)
			d.keys("w", "李四", "enter", "enter")
			d.want("李*", "1")
			t.Run("walkin", func(t *testing.T) { golden.RequireEqual(t, []byte(d.screen())) })

			d.keys("esc", "esc", "p")
			for range 10 {
				d.keys("backspace")
			}
			d.keys("2026-11-27", "enter")
			d.want("2026-11-27", "张*丰")
			t.Run("plan", func(t *testing.T) { golden.RequireEqual(t, []byte(d.screen())) })

			d.keys("esc")
			d.send(common.GotoMsg{Page: common.PageMatch, Job: d.job.ID})
			d.want("张*丰", "李*")
			d.keys("n") // no answer from the first
			t.Run("candidates", func(t *testing.T) { golden.RequireEqual(t, []byte(d.screen())) })

			d.keys("a", "enter", "y", "enter", "enter", "t", "i")
			if d.isErr {
				t.Fatalf("dispatch: %s", d.status)
			}
			d.want("张*丰")
			t.Run("dispatches", func(t *testing.T) { golden.RequireEqual(t, []byte(d.screen())) })
		})
	}
}
