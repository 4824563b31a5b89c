package fair

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"gigdesk/store"
	"gigdesk/tui/common"
	"gigdesk/tui/i18n"
	"gigdesk/tui/tuitest"
)

func init() { tuitest.PlainTerminal() }

var testNow = time.Date(2026, 11, 28, 9, 30, 0, 0, store.Shanghai)

// station is a set-up station (the head 王芳 on duty), with a guide pay of ¥200 a day for
// general labour (trade 2), two firms on record and three registered workers.
type station struct {
	c              *common.Common
	s              *store.Store
	head           int64
	jianGong, wuye store.Employer
	workers        []store.Worker // 张伟 13800001234, 李娜 13900005678, 王强 13700009012
}

func newStation(t *testing.T, lang i18n.Lang) *station {
	t.Helper()
	c := tuitest.Station(t, lang, testNow)
	ctx := context.Background()
	head, err := c.Store.Setup(ctx, "后街零工市场", "王芳")
	if err != nil {
		t.Fatal(err)
	}
	c.Staff = head
	if c.Settings, err = c.Store.Settings(ctx); err != nil {
		t.Fatal(err)
	}
	st := &station{c: c, s: c.Store, head: head.ID}
	if err := st.s.SetGuidePay(ctx, head.ID, 2, store.PerDay, 20000); err != nil {
		t.Fatal(err)
	}
	st.jianGong = must(st.s.SaveEmployer(ctx, head.ID, store.Employer{Kind: store.Firm, Name: "重庆建工集团", Phone: "02368001234"}))(t)
	st.wuye = must(st.s.SaveEmployer(ctx, head.ID, store.Employer{Kind: store.Firm, Name: "渝州物业管理", Phone: "13500002468"}))(t)
	for _, w := range []struct{ name, phone string }{{"张伟", "13800001234"}, {"李娜", "13900005678"}, {"王强", "13700009012"}} {
		st.workers = append(st.workers, must(st.s.CreateWorker(ctx, head.ID, store.Worker{Name: w.name, Phone: w.phone,
			Trades: []store.WorkerTrade{{TradeID: 2}}, Channel: store.ByCounter}))(t))
	}
	return st
}

func must[T any](v T, err error) func(*testing.T) T {
	return func(t *testing.T) T {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}

// screen is the Job fairs screen at 80×19, keeping the footer's words.
func (st *station) screen(t *testing.T) *tuitest.Screen {
	t.Helper()
	return tuitest.NewScreen(t, New(st.c), 80, 19, func(msg tea.Msg) bool {
		_, ok := msg.(common.StatusMsg)
		return ok
	})
}

// event is a fair today, set up in the store, with one firm and one position.
func (st *station) event(t *testing.T) (store.Event, store.Position) {
	t.Helper()
	ctx := context.Background()
	ev := must(st.s.SaveEvent(ctx, st.head, store.Event{Name: "春风行动专场招聘会", Campaign: store.CampaignSpring, Day: st.s.Today()}))(t)
	f := must(st.s.AddFirm(ctx, st.head, ev.ID, store.Employer{ID: st.jianGong.ID}, "A1"))(t)
	p := must(st.s.AddPosition(ctx, st.head, store.Position{FirmID: f.ID, Title: "钢筋工", TradeID: 2, Headcount: 10,
		PayUnit: store.PerMonth, PayMinFen: 600000, PayMaxFen: 800000}))(t)
	return ev, p
}

// status is the footer's last words, and whether they were an error.
func status(d *tuitest.Screen) (string, bool) {
	for i := len(d.Kept) - 1; i >= 0; i-- {
		if s, ok := d.Kept[i].(common.StatusMsg); ok {
			return s.Text, s.Error
		}
	}
	return "", false
}

func enter(d *tuitest.Screen) { d.Press(tea.KeyEnter) }
func esc(d *tuitest.Screen)   { d.Press(tea.KeyEsc) }
func ctrl(d *tuitest.Screen, k rune) {
	d.Press(map[rune]tea.KeyType{'s': tea.KeyCtrlS, 'n': tea.KeyCtrlN}[k])
}

// fill types s into the focused field and moves on with Enter.
func fill(d *tuitest.Screen, s string) {
	if s != "" {
		d.Type(s)
	}
	enter(d)
}

func wantOnScreen(t *testing.T, d *tuitest.Screen, texts ...string) {
	t.Helper()
	v := d.View()
	for _, l := range strings.Split(v, "\n") {
		if lipgloss.Width(l) > 80 {
			t.Fatalf("a line wider than 80 cells:\n%s", v)
		}
	}
	for _, s := range texts {
		if !strings.Contains(v, s) {
			t.Fatalf("%q not on the screen:\n%s", s, v)
		}
	}
}

func wantCount[T any](t *testing.T, what string, list []T, err error, n int) []T {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != n {
		t.Fatalf("%d %s, want %d: %+v", len(list), what, n, list)
	}
	return list
}
