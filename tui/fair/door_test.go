package fair

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/tui/common"
	"gigdesk/tui/i18n"
)

// TestDoorSignIn signs people in at the door as the queue comes: a registered worker by the
// whole phone, by its last four digits and by name (one Enter each), someone twice (refused,
// in words), a newcomer on the three-field form opened by a phone nobody has, and a click.
func TestDoorSignIn(t *testing.T) {
	st := newStation(t, i18n.Zh)
	ctx := context.Background()
	ev, _ := st.event(t)
	d := st.screen(t)
	enter(d)
	d.Type("d")
	wantOnScreen(t, d, "入场签到", "进场 0 人")

	d.Type("13800001234")
	wantOnScreen(t, d, "张伟", "138****1234")
	enter(d)
	wantOnScreen(t, d, "进场 1 人")
	if text, _ := status(d); text != "已入场：张伟（第 1 位）" {
		t.Fatalf("footer %q", text)
	}
	if v := d.View(); strings.Contains(v, "13800001234") {
		t.Fatalf("a whole phone on the door screen:\n%s", v)
	}
	d.Type("5678")
	enter(d)
	d.Type("王强")
	enter(d)
	att := wantCount(t, "attendees", must(st.s.Attendees(ctx, ev.ID))(t), nil, 3)
	if att[0].WorkerID != st.workers[2].ID || att[1].WorkerID != st.workers[1].ID || att[2].WorkerID != st.workers[0].ID {
		t.Fatalf("attendees %+v", att)
	}
	// the same person again: found, marked, refused
	d.Type("李娜")
	wantOnScreen(t, d, "已入场")
	enter(d)
	if text, bad := status(d); !bad || text != "这位求职者已经入场签到了。" {
		t.Fatalf("twice: %q %v", text, bad)
	}
	wantCount(t, "attendees", must(st.s.Attendees(ctx, ev.ID))(t), nil, 3)
	esc(d) // clears the box

	// a newcomer: the whole phone, Enter, then the name and the trades
	d.Type("13600002222")
	wantOnScreen(t, d, "没有找到 13600002222")
	enter(d)
	wantOnScreen(t, d, "新求职者", "13600002222")
	fill(d, "周小芳")
	enter(d) // the phone is filled
	d.Type("保洁")
	enter(d) // picks the trade
	d.Type("力工")
	enter(d)
	enter(d) // saves: the last field
	att = wantCount(t, "attendees", must(st.s.Attendees(ctx, ev.ID))(t), nil, 4)
	if a := att[0]; !a.Newcomer || a.Name != "周小芳" || a.Phone != "13600002222" {
		t.Fatalf("newcomer %+v", a)
	}
	ws := must(st.s.SearchWorkers(ctx, "13600002222", 5))(t)
	if len(ws) != 1 || len(ws[0].Trades) != 2 {
		t.Fatalf("the newcomer's worker record %+v", ws)
	}
	wantOnScreen(t, d, "进场 4 人", "周小芳", "新登记")

	// Ctrl+N with a name typed: the name fills the form, the phone is next
	d.Type("刘洋")
	ctrl(d, 'n')
	fill(d, "13600003333")
	d.Type("力工")
	enter(d)
	enter(d)
	wantCount(t, "attendees", must(st.s.Attendees(ctx, ev.ID))(t), nil, 5)

	// the mouse: of two found, a double click on the row signs that one in
	other := must(st.s.CreateWorker(ctx, st.head, store.Worker{Name: "张伟明", Phone: "13800004321",
		Trades: []store.WorkerTrade{{TradeID: 2}}, Channel: store.ByCounter}))(t)
	d.Type("张伟")
	m := d.M.(*Model)
	row := -1
	for i, w := range m.door.found {
		if w.ID == other.ID {
			row = i
		}
	}
	if len(m.door.found) != 2 || row < 0 {
		t.Fatalf("found %+v", m.door.found)
	}
	click := tea.MouseMsg{X: 10, Y: 5 + row, Button: tea.MouseButtonLeft, Action: tea.MouseActionRelease}
	d.Send(click)
	if m.door.cursor != row {
		t.Fatalf("a click on row %d put the cursor on %d", row, m.door.cursor)
	}
	wantCount(t, "attendees", must(st.s.Attendees(ctx, ev.ID))(t), nil, 5)
	d.Send(click)
	att = wantCount(t, "attendees", must(st.s.Attendees(ctx, ev.ID))(t), nil, 6)
	if att[0].WorkerID != other.ID {
		t.Fatalf("the double click signed in %+v", att[0])
	}
}

// A second desk signs people in at the same fair: the door's count and list here follow when
// the station's watcher hears the change, and what is typed in the box stays.
func TestDoorFollowsAnotherDesk(t *testing.T) {
	st := newStation(t, i18n.Zh)
	ctx := context.Background()
	ev, _ := st.event(t)
	d := st.screen(t)
	enter(d)
	d.Type("d")
	wantOnScreen(t, d, "进场 0 人")
	d.Type("王")
	if _, err := st.s.SignInAttendee(ctx, st.head, ev.ID, st.workers[1].ID); err != nil {
		t.Fatal(err)
	}
	d.Send(common.StationChangedMsg{})
	wantOnScreen(t, d, "进场 1 人")
	if v := d.M.(*Model).door.input.Value(); v != "王" {
		t.Fatalf("the box holds %q after the reload", v)
	}
}

// TestDoorBadInput: a newcomer's bad phone or missing trades say what is wrong in the clerk's
// language and save nothing; Esc half-way asks before dropping what was typed.
func TestDoorBadInput(t *testing.T) {
	for _, tc := range []struct {
		lang                         i18n.Lang
		phone, trades, discard, none string
	}{
		{i18n.Zh, "手机号码应为11位数字。", "请填写：想做的工种", "放弃填写的内容？", "没有找到 1360"},
		{i18n.En, "A mobile number has 11 digits.", "Please fill in: Wanted trades", "Discard what was typed?", "Nobody found for 1360"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			st := newStation(t, tc.lang)
			ctx := context.Background()
			ev, _ := st.event(t)
			workers := len(must(st.s.SearchWorkers(ctx, "1", 50))(t))
			d := st.screen(t)
			enter(d)
			d.Type("d")
			d.Type("1360")
			enter(d) // not a whole phone, nobody has it
			wantOnScreen(t, d, tc.none)
			if text, bad := status(d); !bad || !strings.Contains(text, tc.none) {
				t.Fatalf("footer %q", text)
			}
			ctrl(d, 'n')
			fill(d, "孙丽")
			d.Type("0")
			ctrl(d, 's')
			wantOnScreen(t, d, tc.trades)
			d.Type("力工")
			enter(d)
			ctrl(d, 's')
			wantOnScreen(t, d, tc.phone)
			if n := len(must(st.s.SearchWorkers(ctx, "1", 50))(t)); n != workers {
				t.Fatalf("a refused newcomer left a worker record: %d, was %d", n, workers)
			}
			wantCount(t, "attendees", must(st.s.Attendees(ctx, ev.ID))(t), nil, 0)
			// Esc half-way: asked; n goes on filling; y drops it
			esc(d)
			wantOnScreen(t, d, tc.discard)
			d.Type("n")
			wantOnScreen(t, d, "孙丽")
			esc(d)
			d.Type("y")
			if d.M.(*Model).form != nil {
				t.Fatal("y did not drop the form")
			}
			wantCount(t, "attendees", must(st.s.Attendees(ctx, ev.ID))(t), nil, 0)
			// an untouched form goes without asking
			ctrl(d, 'n')
			esc(d)
			if d.M.(*Model).form != nil || d.M.(*Model).view != viewDoor {
				t.Fatal("Esc on an empty form did not go back to the door")
			}
		})
	}
}
