package board

import (
	"fmt"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/tui/i18n"
)

// BenchmarkBoardFrame is one frame with n open jobs: Update on a key (a step down the list)
// and View. Only the visible rows are drawn, so the cost stays flat as n grows.
func BenchmarkBoardFrame(b *testing.B) {
	f := newFixture(b)
	c := newCommon(b, f.s, i18n.Zh)
	for _, n := range []int{1_000, 10_000, 100_000} {
		jobs := make([]store.Job, n)
		for i := range jobs {
			jobs[i] = store.Job{ID: int64(i + 1), TradeID: int64(i%14 + 1), CommunityID: int64(100 + i%13), Headcount: 1 + i%6,
				Filled: i % 2, StartsAt: boardNow.Add(time.Duration(i%4000) * time.Minute), Duration: 4 * time.Hour,
				PayFen: 18000, PayUnit: store.PerDay, Urgent: i%7 == 0, Status: store.JobOpen,
				CreatedAt: postedAt, UpdatedAt: postedAt}
		}
		m := New(c)
		m.SetSize(160, 43)
		m.Update(loadedMsg{id: m.reqID, rows: rowsOf(jobs, c.Records)})
		if len(m.shown) != n {
			b.Fatalf("%d shown, want %d", len(m.shown), n)
		}
		down, up := tea.KeyMsg{Type: tea.KeyDown}, tea.KeyMsg{Type: tea.KeyUp}
		b.Run(fmt.Sprintf("jobs=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				key := down
				if i/500%2 == 1 { // walk down and back so the cursor keeps scrolling
					key = up
				}
				i++
				m.Update(key)
				_ = m.View()
			}
		})
		b.Run(fmt.Sprintf("filter/jobs=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("u")}) // urgent only, then back
				_ = m.View()
			}
		})
	}
}
