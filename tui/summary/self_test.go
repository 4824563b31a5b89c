package summary

import (
	"strings"
	"testing"

	"gigdesk/store"
	"gigdesk/tui/i18n"
)

// TestSelfServiceOnTheDay: a worker signs in at the terminal and asks for a job; the day's
// Summary lists the terminal's sign-ins and requests with the figures, the day before none.
func TestSelfServiceOnTheDay(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.Zh, i18n.En} {
		c := newCommon(t, lang)
		s, ctx := c.Store, c.Ctx
		open, err := s.OpenJobs(ctx, "2026-11-28", 10)
		if err != nil || len(open) == 0 {
			t.Fatalf("open jobs %v, %v", open, err)
		}
		w, err := s.CreateWorker(ctx, 1, store.Worker{Name: "自助测试", BirthYear: 1980, Phone: "13700009991", CommunityID: open[0].CommunityID,
			Trades: []store.WorkerTrade{{TradeID: open[0].TradeID, Years: 2}}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.SelfSignIn(ctx, w.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.AskForJob(ctx, w.ID, open[0].JobID); err != nil {
			t.Fatal(err)
		}
		m := start(t, c, 80, 24)
		var all strings.Builder
		for range 10 {
			all.WriteString(view(m) + "\n")
			m, _ = run(t, m, keyMsg("pgdown"))
		}
		for k, figure := range map[string]string{"report.fig.self_sign_ins": " 1 ", "report.fig.self_requests": " 1 ", "report.fig.self_dispatched": " 0 "} {
			found := false
			for _, l := range strings.Split(all.String(), "\n") {
				found = found || strings.Contains(l, c.Cat.T(k)) && strings.Contains(l, figure)
			}
			if !found {
				t.Errorf("%s: no line %q with its figure:\n%s", lang, c.Cat.T(k), all.String())
			}
		}
		m, _ = run(t, m, keyMsg("left"))
		if got := strings.Join(m.(*Model).lines, "\n"); strings.Contains(got, c.Cat.T("report.fig.self_requests")) {
			t.Errorf("%s: the day before shows self-service", lang)
		}
	}
}
