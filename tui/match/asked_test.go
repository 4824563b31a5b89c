package match

import (
	"strings"
	"testing"

	"gigdesk/tui/common"
	"gigdesk/tui/i18n"
)

// A worker who asks for the job at the self-service terminal carries the flag with the time,
// in Chinese and English, once the board's watcher says the database changed; the selection
// stays on the worker the dispatcher was on.
func TestAskedFlagAppearsOnStationChange(t *testing.T) {
	for _, tc := range []struct {
		lang i18n.Lang
		flag string
	}{{i18n.Zh, "本人报名 09:00"}, {i18n.En, "asked 09:00"}} {
		d := newDesk(t, tc.lang, 120, 30)
		d.send(common.GotoMsg{Page: common.PageMatch, Job: d.job.ID})
		if strings.Contains(d.screen(), tc.flag) {
			t.Fatalf("flag before anyone asked:\n%s", d.screen())
		}
		d.keys("down") // on the second candidate
		before, _ := d.m.(*Model).job.selected()
		if _, err := d.s.AskForJob(d.c.Ctx, d.ws[2].ID, d.job.ID); err != nil {
			t.Fatal(err)
		}
		d.send(common.StationChangedMsg{})
		d.want(tc.flag)
		var flagged string
		for _, l := range strings.Split(d.screen(), "\n") {
			if strings.Contains(l, tc.flag) {
				flagged = l
			}
		}
		if !strings.Contains(flagged, "王*") {
			t.Fatalf("flag on the wrong line %q", flagged)
		}
		if c, _ := d.m.(*Model).job.selected(); c.WorkerID != before.WorkerID {
			t.Fatalf("selection moved to worker %d", c.WorkerID)
		}
		if err := d.s.WithdrawRequest(d.c.Ctx, d.ws[2].ID, d.job.ID); err != nil {
			t.Fatal(err)
		}
		d.send(common.StationChangedMsg{})
		if strings.Contains(d.screen(), tc.flag) {
			t.Fatalf("flag kept after the request was withdrawn:\n%s", d.screen())
		}
	}
}
