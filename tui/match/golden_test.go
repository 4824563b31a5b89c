package match

import (
	"context"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"

	"github.com/charmbracelet/x/exp/golden"

	"gigdesk/store"
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

// TestMatchWideCandidates keeps the candidate list at 160x40 in both languages: a worker with
// two trades in a long-named community shows them whole (at 80 columns they are cut), and
// the reason column still has room. Regenerate with -update.
func TestMatchWideCandidates(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.Zh, i18n.En} {
		t.Run(string(lang), func(t *testing.T) {
			for _, size := range []struct{ w, h int }{{80, 24}, {160, 40}} {
				d := newDesk(t, lang, size.w, size.h)
				w := d.ws[0] // 张三丰
				w.CommunityID = 102
				w.Trades = []store.WorkerTrade{{TradeID: 1, Years: 5}, {TradeID: 13, Years: 1}}
				if _, err := d.s.UpdateWorker(context.Background(), 0, w); err != nil {
					t.Fatal(err)
				}
				d.send(common.GotoMsg{Page: common.PageMatch, Job: d.job.ID})
				d.want("张*丰", "李*")
				trades := d.c.Cat.TradeName(d.c.Records, 1) + "/" + d.c.Cat.TradeName(d.c.Records, 13)
				var row string
				for _, l := range strings.Split(d.screen(), "\n") {
					if strings.Contains(l, "张*丰") {
						row = l
						break
					}
				}
				if lipgloss.Width(row) > size.w {
					t.Errorf("at %d columns the row is wider than the screen: %q", size.w, row)
				}
				if size.w == 80 {
					continue
				}
				// wide, the community is whole; the trades, the longest text, give way to the reason
				if !strings.Contains(row, "石坪桥正街社区") || !strings.Contains(row, d.c.Cat.TradeName(d.c.Records, 1)) {
					t.Errorf("at %d columns the trades %q and the community are not shown: %q", size.w, trades, row)
				}
				// 张三丰 now lives in another community of the job's sub-district: the reason says so
				if why := d.c.T("match.why.subdistrict"); !strings.Contains(row, why) {
					t.Errorf("the reason %q is cut from the wide row: %q", why, row)
				}
				t.Run("candidates", func(t *testing.T) { golden.RequireEqual(t, []byte(d.screen())) })
			}
		})
	}
}
