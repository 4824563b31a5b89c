package tui

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/tui/common"
	"gigdesk/tui/i18n"
	"gigdesk/tui/tuitest"
)

// TestMatchFooterAt80 plays the dispatcher's keys at 80x24: the start screen lists its keys
// without a key split from its words; on a job the footer shows the call keys (a, d, v
// among them) instead of the global reminders; ? lists no key twice for the view shown.
func TestMatchFooterAt80(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.Zh, i18n.En} {
		t.Run(string(lang), func(t *testing.T) {
			m0, s := started(t, lang, "后街零工市场", "王芳")
			var m tea.Model = m0
			ctx := context.Background()
			head := m0.c.Staff.ID
			if _, err := s.CreateWorker(ctx, head, store.Worker{Name: "张三丰", BirthYear: 1970, Phone: "13800138000",
				CommunityID: 100, Trades: []store.WorkerTrade{{TradeID: 1, Years: 5}}}); err != nil {
				t.Fatal(err)
			}
			tuitest.PostJob(t, s, head, testNow, 1)
			m = drive(t, m, func() tea.Msg { return common.ChangedMsg{} })
			m = press(t, m, tea.KeyMsg{Type: tea.KeyF4})
			k := m0.c.Keys
			scr := screen(m)
			for _, b := range []string{k.MatchWalkIn.Help().Key + " " + k.MatchWalkIn.Help().Desc, k.MatchPlan.Help().Key + " " + k.MatchPlan.Help().Desc} {
				if !strings.Contains(scr, b) {
					t.Fatalf("the start screen splits or lacks %q:\n%s", b, scr)
				}
			}
			m = press(t, m, runes("1"), enter)
			time.Sleep(100 * time.Millisecond)
			m = drive(t, m, nil)
			lines := strings.Split(screen(m), "\n")
			footer := lines[len(lines)-1]
			for _, b := range []string{"a " + k.MatchAccept.Help().Desc, "d " + k.MatchDispatch.Help().Desc, "v " + k.MatchReveal.Help().Desc} {
				if !strings.Contains(footer, b) {
					t.Fatalf("footer %q lacks %q:\n%s", footer, b, screen(m))
				}
			}
			for _, g := range m0.screens[common.PageMatch].FullHelp() {
				seen := map[string]bool{}
				for _, b := range g {
					for _, key := range b.Keys() {
						if seen[key] {
							t.Fatalf("? lists %q twice in one group", key)
						}
						seen[key] = true
					}
				}
			}
		})
	}
}

// TestStatusBelongsToItsScreen: a status set on one screen is not shown on the next one, and
// goes after StatusFor.
func TestStatusBelongsToItsScreen(t *testing.T) {
	m0, _ := started(t, i18n.Zh, "后街零工市场", "王芳")
	var m tea.Model = m0
	m = press(t, m, tea.KeyMsg{Type: tea.KeyF2})
	m = drive(t, m, common.Status("有 2 项需要修改", true))
	if !strings.Contains(screen(m), "有 2 项需要修改") {
		t.Fatalf("the status is not shown where it was set:\n%s", screen(m))
	}
	m = press(t, m, tea.KeyMsg{Type: tea.KeyF4})
	if strings.Contains(screen(m), "有 2 项需要修改") {
		t.Fatalf("the Jobs status followed the clerk to Match:\n%s", screen(m))
	}
	m = press(t, m, tea.KeyMsg{Type: tea.KeyF2})
	if !strings.Contains(screen(m), "有 2 项需要修改") {
		t.Fatalf("back on Jobs within %v the status is gone:\n%s", StatusFor, screen(m))
	}
	m0.statusAt = m0.statusAt.Add(-StatusFor)
	if strings.Contains(screen(m), "有 2 项需要修改") {
		t.Fatalf("the status outlived %v:\n%s", StatusFor, screen(m))
	}
}

// TestF4OpensTheJobJustTaken: after a job is saved on the Jobs screen, F4 opens Match on it
// instead of the intro.
func TestF4OpensTheJobJustTaken(t *testing.T) {
	m0, s := started(t, i18n.Zh, "后街零工市场", "王芳")
	var m tea.Model = m0
	j := tuitest.PostJob(t, s, m0.c.Staff.ID, testNow, 1)
	m0.c.LastJob = j.ID // as the Jobs screen records it on saving
	m = press(t, m, tea.KeyMsg{Type: tea.KeyF4})
	time.Sleep(50 * time.Millisecond)
	m = drive(t, m, nil)
	if scr := screen(m); !strings.Contains(scr, "需求"+strconv.FormatInt(j.ID, 10)+" 水电") {
		t.Fatalf("F4 after saving a job does not open it:\n%s", scr)
	}
}

// TestJobsHelpExplainsItsMarks: ? on the Jobs screen says what ! and ⚠ in its list mean.
func TestJobsHelpExplainsItsMarks(t *testing.T) {
	m0, _ := started(t, i18n.En, "Back Street", "Wang")
	var m tea.Model = m0
	m = press(t, m, tea.KeyMsg{Type: tea.KeyF2}, tea.KeyMsg{Type: tea.KeyF12})
	if scr := screen(m); !strings.Contains(scr, "! urgent") || !strings.Contains(scr, "⚠ the employer has unpaid wages") {
		t.Fatalf("the Jobs help does not explain its marks:\n%s", scr)
	}
}
