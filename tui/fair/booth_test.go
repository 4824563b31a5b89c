package fair

import (
	"context"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/tui/i18n"
)

// TestIntentionAndOutcome: at the booth the clerk picks the position (Tab) and the attendee
// who agreed (typed part of the name or the phone's tail), Enter records it; later o lists the
// intentions and h marks one hired, x another not hired.
func TestIntentionAndOutcome(t *testing.T) {
	st := newStation(t, i18n.Zh)
	ctx := context.Background()
	ev, p1 := st.event(t)
	firms := must(st.s.Firms(ctx, ev.ID))(t)
	p2 := must(st.s.AddPosition(ctx, st.head, store.Position{FirmID: firms[0].ID, Title: "木工", TradeID: 3, Headcount: 4,
		PayUnit: store.PerMonth, PayMinFen: 700000}))(t)
	for _, w := range st.workers[:2] {
		must(st.s.SignInAttendee(ctx, st.head, ev.ID, w.ID))(t)
	}
	d := st.screen(t)
	enter(d)
	d.Type("b")
	wantOnScreen(t, d, "钢筋工", "张伟", "李娜")
	d.Type("张")
	enter(d)
	d.Press(tea.KeyTab) // the carpenter's place
	wantOnScreen(t, d, "木工")
	d.Type("5678") // 李娜's phone ends so
	enter(d)
	its := wantCount(t, "intentions", must(st.s.Intentions(ctx, ev.ID))(t), nil, 2)
	got := map[int64]int64{}
	for _, it := range its {
		got[it.PositionID] = it.AttendeeID
	}
	att := must(st.s.Attendees(ctx, ev.ID))(t)
	byWorker := map[int64]int64{}
	for _, a := range att {
		byWorker[a.WorkerID] = a.ID
	}
	if got[p1.ID] != byWorker[st.workers[0].ID] || got[p2.ID] != byWorker[st.workers[1].ID] {
		t.Fatalf("intentions %+v", its)
	}
	// the same again: refused in words
	d.Type("5678")
	enter(d)
	if text, bad := status(d); !bad || text != "这个意向已经登记过了。" {
		t.Fatalf("twice: %q %v", text, bad)
	}
	esc(d)
	wantOnScreen(t, d, "达成意向 2 人")

	d.Type("o")
	wantOnScreen(t, d, "张伟", "李娜")
	its = must(st.s.Intentions(ctx, ev.ID))(t)
	d.Type("h")
	d.Press(tea.KeyDown)
	d.Type("x")
	outcome := map[int64]store.Outcome{}
	for _, it := range must(st.s.Intentions(ctx, ev.ID))(t) {
		outcome[it.ID] = it.Outcome
	}
	if outcome[its[0].ID] != store.OutcomeHired || outcome[its[1].ID] != store.OutcomeNotHired {
		t.Fatalf("outcomes %+v (list %+v)", outcome, its)
	}
	wantOnScreen(t, d, "已录用", "未录用")
	// a click picks a row; u takes the outcome back to not known
	d.Send(tea.MouseMsg{X: 5, Y: 3, Button: tea.MouseButtonLeft, Action: tea.MouseActionRelease})
	d.Type("u")
	for _, it := range must(st.s.Intentions(ctx, ev.ID))(t) {
		if it.ID == its[0].ID && it.Outcome != store.OutcomePending {
			t.Fatalf("u left %+v", it)
		}
	}
}

// TestEventFormEscAndBadInput: a bad date is refused at its field in the clerk's language and
// saves nothing; Esc with a name typed asks first, and n keeps what was typed.
func TestEventFormEscAndBadInput(t *testing.T) {
	for _, tc := range []struct {
		lang          i18n.Lang
		date, discard string
	}{
		{i18n.Zh, "年-月-日", "放弃填写的内容？"},
		{i18n.En, "YYYY-MM-DD", "Discard what was typed?"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			st := newStation(t, tc.lang)
			ctx := context.Background()
			d := st.screen(t)
			d.Type("n")
			fill(d, "民营企业招聘月")
			enter(d)
			for range 10 {
				d.Press(tea.KeyBackspace)
			}
			d.Type("2026-13-45")
			ctrl(d, 's')
			wantOnScreen(t, d, tc.date)
			if m := d.M.(*Model); m.form == nil || m.form.err == "" || m.form.focus != 2 {
				t.Fatalf("the refusal is not at the date: %+v", m.form)
			}
			wantCount(t, "events", must(st.s.Events(ctx, "", ""))(t), nil, 0)
			esc(d)
			wantOnScreen(t, d, tc.discard)
			d.Type("n")
			wantOnScreen(t, d, "民营企业招聘月", "2026-13-45")
			esc(d)
			d.Type("y")
			if d.M.(*Model).form != nil {
				t.Fatal("y did not drop the form")
			}
			wantCount(t, "events", must(st.s.Events(ctx, "", ""))(t), nil, 0)
		})
	}
}
