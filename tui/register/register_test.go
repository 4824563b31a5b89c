package register

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"gigdesk/store"
	"gigdesk/tui/common"
	"gigdesk/tui/i18n"
	"gigdesk/tui/tuitest"
)

var testNow = time.Date(2026, 11, 28, 14, 30, 0, 0, store.Shanghai)

func testCommon(t *testing.T, lang i18n.Lang) *common.Common {
	t.Helper()
	c := tuitest.Station(t, lang, testNow)
	head, err := c.Store.Setup(context.Background(), "后街零工市场", "李站长")
	if err != nil {
		t.Fatal(err)
	}
	c.Staff, c.Width, c.Height = head, 80, 24
	return c
}

// driver sends messages to the screen and runs the commands they return, as the program would
// (ticks of the debounce are delivered at once).
type driver struct {
	t    *testing.T
	m    common.Screen
	keys int // key messages sent, as a person presses them
	last []tea.Msg
}

func newDriver(t *testing.T, c *common.Common, w, h int) *driver {
	d := &driver{t: t, m: New(c)}
	d.m.SetSize(w, h-5)
	d.run(d.m.Init())
	return d
}

func (d *driver) send(msg tea.Msg) {
	d.t.Helper()
	var cmd tea.Cmd
	d.m, cmd = d.m.Update(msg)
	d.run(cmd)
}

// run executes cmd and feeds back every message it yields, as the program loop would; status
// lines and page switches are kept for the test to read.
func (d *driver) run(cmd tea.Cmd) {
	tuitest.Run(cmd, func(msg tea.Msg) tea.Cmd {
		switch msg.(type) {
		case common.StatusMsg, common.GotoMsg:
			d.last = append(d.last, msg)
			return nil
		}
		var next tea.Cmd
		d.m, next = d.m.Update(msg)
		return next
	})
}

func (d *driver) key(k tea.KeyType) {
	d.t.Helper()
	d.keys++
	d.send(tea.KeyMsg{Type: k})
}

func (d *driver) runes(s string) {
	d.t.Helper()
	d.keys += len([]rune(s))
	d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)})
}

// paste sends text as one bracketed paste.
func (d *driver) paste(s string) {
	d.t.Helper()
	d.keys++
	d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s), Paste: true})
}

func (d *driver) view() string { return ansi.Strip(d.m.View()) }

func (d *driver) status() string {
	for i := len(d.last) - 1; i >= 0; i-- {
		if s, ok := d.last[i].(common.StatusMsg); ok {
			return s.Text
		}
	}
	return ""
}

func (d *driver) mustSee(want ...string) {
	d.t.Helper()
	v := d.view()
	for _, w := range want {
		if !strings.Contains(v, w) {
			d.t.Fatalf("screen lacks %q:\n%s", w, v)
		}
	}
}

func countWorkers(t *testing.T, c *common.Common) int64 {
	t.Helper()
	n, err := c.Store.TableCounts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n["workers"]
}

func TestTypicalWalkInRegistration(t *testing.T) {
	c := testCommon(t, i18n.Zh)
	d := newDriver(t, c, 80, 24)
	d.send(tea.KeyMsg{Type: tea.KeyCtrlN})
	d.keys = 1
	d.mustSee("新登记零工", "姓名", "手机", "工种")
	d.runes("张三丰")
	d.key(tea.KeyEnter)
	d.runes("13800138000")
	d.key(tea.KeyEnter)
	d.runes("sd")
	d.mustSee("水电")
	d.key(tea.KeyEnter) // picks 水电
	d.runes("5")        // 5 years
	d.key(tea.KeyEnter) // on to the community
	d.runes("hj")
	d.key(tea.KeyEnter) // picks 后街社区
	d.key(tea.KeyCtrlS)
	d.mustSee("登记成功", "张三丰", "138****8000", "水电", "后街社区")
	ws, err := c.Store.SearchWorkers(context.Background(), "zsf", 5)
	if err != nil || len(ws) != 1 {
		t.Fatalf("saved worker not found: %v %v", ws, err)
	}
	w := ws[0]
	if w.Phone != "13800138000" || len(w.Trades) != 1 || w.Trades[0].TradeID != 1 || w.Trades[0].Years != 5 || w.CommunityID != 100 || w.Channel != store.ByCounter {
		t.Fatalf("saved = %+v", w)
	}
	d.mustSee("工号", "请告诉对方：工号 1")
	t.Logf("typical walk-in registration: %d keystrokes (Ctrl+N, 3 name characters, Enter, 11 digits, Enter, sd, Enter, 5, Enter, hj, Enter, Ctrl+S)", d.keys)
	if d.keys > 30 {
		t.Fatalf("a typical registration took %d keystrokes", d.keys)
	}
	// sign in from the card, then the list of today shows them
	d.send(tea.KeyMsg{Type: tea.KeyCtrlG})
	if !strings.Contains(d.status(), "已签到") {
		t.Fatalf("status after sign-in = %q", d.status())
	}
	d.key(tea.KeyEnter)
	d.mustSee("今日签到 1 人，在站 1 人", "张三丰", "138****8000", "在站")
}
