package self

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"gigdesk/store"
	"gigdesk/tui/i18n"
	"gigdesk/tui/tuitest"
)

var testNow = time.Date(2026, 11, 27, 9, 0, 0, 0, store.Shanghai)

// terminal is the self-service screen on a real station database, driven by keys and taps.
type terminal struct {
	t      *testing.T
	m      *Model
	s      *store.Store
	clock  *tuitest.Clock
	worker store.Worker
	job    store.Job
	head   int64
}

func newTerminal(t *testing.T, lang i18n.Lang, w, h int) *terminal {
	t.Helper()
	store.UseFastPINHashing()
	clock := tuitest.NewClock(testNow)
	c := tuitest.Station(t, lang, testNow)
	c.Now = clock.Now
	s, ctx := c.Store, context.Background()
	head, err := s.Setup(ctx, "后街零工驿站", "王站长")
	if err != nil {
		t.Fatal(err)
	}
	job := tuitest.PostJob(t, s, head.ID, testNow, 2)
	wk, err := s.CreateWorker(ctx, head.ID, store.Worker{Name: "张三丰", BirthYear: 1980, Phone: "13800138001", CommunityID: 100,
		Trades: []store.WorkerTrade{{TradeID: 1, Years: 5}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetSelfPIN(ctx, head.ID, wk.ID, "2468"); err != nil {
		t.Fatal(err)
	}
	d := &terminal{t: t, m: New(c), s: s, clock: clock, worker: wk, job: job, head: head.ID}
	d.send(tea.WindowSizeMsg{Width: w, Height: h})
	d.run(d.m.loadCatalog()) // Init without its 1 s tick: the tests tick by hand
	return d
}

func (d *terminal) run(cmd tea.Cmd) {
	tuitest.Run(cmd, func(msg tea.Msg) tea.Cmd {
		if _, ok := msg.(tickMsg); ok {
			return nil // the test moves the clock and ticks by hand
		}
		_, next := d.m.Update(msg)
		return next
	})
}

func (d *terminal) send(msgs ...tea.Msg) {
	d.t.Helper()
	for _, msg := range msgs {
		_, cmd := d.m.Update(msg)
		d.run(cmd)
	}
}

func (d *terminal) typeKeys(s string) { d.send(tuitest.Runes(s)) }

func (d *terminal) press(k tea.KeyType) { d.send(tea.KeyMsg{Type: k}) }

func (d *terminal) screen() string { return ansi.Strip(d.m.View()) }

func (d *terminal) want(parts ...string) {
	d.t.Helper()
	scr := d.screen()
	for _, p := range parts {
		if !strings.Contains(scr, p) {
			d.t.Fatalf("screen (step %s) lacks %q:\n%s", d.m.Step(), p, scr)
		}
	}
}

// tap clicks the middle of the first place the screen shows label, as a finger would.
func (d *terminal) tap(label string) {
	d.t.Helper()
	for y, line := range strings.Split(d.screen(), "\n") {
		if i := strings.Index(line, label); i >= 0 {
			x := lipgloss.Width(line[:i]) + lipgloss.Width(label)/2
			d.send(tea.MouseMsg{X: x, Y: y, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress},
				tea.MouseMsg{X: x, Y: y, Button: tea.MouseButtonLeft, Action: tea.MouseActionRelease})
			return
		}
	}
	d.t.Fatalf("no %q to tap on:\n%s", label, d.screen())
}

// tapDigits taps each digit of s on the keypad.
func (d *terminal) tapDigits(s string) {
	d.t.Helper()
	for _, r := range s {
		d.tapKeypad(string(r))
	}
}

// tapKeypad taps a keypad key: a line holding the digit alone between box sides.
func (d *terminal) tapKeypad(digit string) {
	d.t.Helper()
	for y, line := range strings.Split(d.screen(), "\n") {
		for _, cell := range strings.Split(line, "│") {
			if strings.TrimSpace(cell) == digit && strings.Contains(line, "│") {
				i := strings.Index(line, "│"+cell+"│")
				x := lipgloss.Width(line[:i]) + 1 + lipgloss.Width(cell)/2
				d.send(tea.MouseMsg{X: x, Y: y, Button: tea.MouseButtonLeft, Action: tea.MouseActionRelease})
				return
			}
		}
	}
	d.t.Fatalf("no key %q on:\n%s", digit, d.screen())
}

func (d *terminal) signInWithKeys() {
	d.t.Helper()
	d.typeKeys("13800138001")
	d.press(tea.KeyEnter)
	d.want("请输入4位自助密码")
	d.typeKeys("2468")
	d.want("你好，张*丰", "今日签到", "找活", "我的报名")
}

func TestSignInForTodayWithKeys(t *testing.T) {
	d := newTerminal(t, i18n.Zh, 80, 24)
	d.want("零工自助服务", "请输入你的手机号", "新登记")
	d.typeKeys("1380013")
	d.press(tea.KeyEnter)
	d.want("手机号是11位数字。")
	d.typeKeys("8001")
	d.press(tea.KeyEnter)
	d.want("请输入4位自助密码")
	if strings.Contains(d.screen(), "张") {
		t.Fatal("the name shows before the PIN")
	}
	d.typeKeys("2468")
	d.want("你好，张*丰")
	d.typeKeys("1")
	d.want("签到成功，09:00")
	if d.m.SignedIn() != 0 || strings.Contains(d.screen(), "张") {
		t.Fatalf("the worker is kept after the action:\n%s", d.screen())
	}
	here, err := d.s.SignedIn(context.Background(), d.s.Today())
	if err != nil || len(here) != 1 || here[0].WorkerID != d.worker.ID {
		t.Fatalf("signed in today: %+v, %v", here, err)
	}
	d.press(tea.KeyEnter) // the result read: back to the start
	d.want("请输入你的手机号")
	d.signInWithKeys()
	d.typeKeys("1")
	d.want("这位零工今天已经签到了。") // the counter's own rule and words
}

func TestAskAndWithdrawByTouch(t *testing.T) {
	d := newTerminal(t, i18n.Zh, 80, 24)
	d.tapDigits("13800138001")
	d.tap("确定")
	d.tapDigits("2468")
	d.want("你好，张*丰")
	d.tap("找活")
	d.want("适合你的活（今天和明天）", "水电 · 后街社区", "¥250.00/天", "你的工种：水电 · 同社区", "还缺2人")
	if strings.Contains(d.screen(), "李阿姨") || strings.Contains(d.screen(), "1391234") || strings.Contains(d.screen(), "后街12号") {
		t.Fatalf("the employer shows:\n%s", d.screen())
	}
	d.tap("水电 · 后街社区")
	d.want("我想去", "返回")
	d.tap("我想去")
	d.want("已报名，请等候电话")
	reqs, err := d.s.JobRequests(context.Background(), d.job.ID)
	if err != nil || len(reqs) != 1 {
		t.Fatalf("requests %v, %v", reqs, err)
	}
	d.tap("好的")
	d.want("请输入你的手机号")
	d.tapDigits("13800138001")
	d.tap("确定")
	d.tapDigits("2468")
	d.tap("我的报名")
	d.want("我的报名", "水电 · 后街社区", "已报名 09:00")
	d.tap("水电 · 后街社区")
	d.tap("撤回报名")
	d.want("已撤回报名")
	if reqs, _ := d.s.JobRequests(context.Background(), d.job.ID); len(reqs) != 0 {
		t.Fatalf("withdrawn request still stands: %v", reqs)
	}
}

func TestFiveWrongPINsLockSelfService(t *testing.T) {
	d := newTerminal(t, i18n.Zh, 80, 24)
	d.typeKeys("13800138001")
	d.press(tea.KeyEnter)
	for i := 4; i >= 1; i-- {
		d.typeKeys("1111")
		d.want("密码不对，还可以试 " + string(rune('0'+i)) + " 次。")
	}
	d.typeKeys("1111")
	d.want("密码错了5次，自助服务已锁定。请到柜台重设密码。", "请输入你的手机号")
	d.typeKeys("13800138001")
	d.press(tea.KeyEnter) // the right PIN is not even asked for now
	d.want("自助服务已锁定")
	if d.m.Step() != "phone" {
		t.Fatalf("step %s after a locked phone", d.m.Step())
	}
}

func TestIdleClearLeavesNothingPersonal(t *testing.T) {
	d := newTerminal(t, i18n.Zh, 80, 24)
	d.signInWithKeys()
	d.typeKeys("2")
	d.want("水电 · 后街社区")
	d.clock.Advance(IdleClear - time.Second)
	d.send(tickMsg{})
	d.want("水电 · 后街社区") // not yet
	d.clock.Advance(time.Second)
	d.send(tickMsg{})
	scr := d.screen()
	for _, p := range []string{"张", "138", "水电", "后街社区", "你好"} {
		if strings.Contains(scr, p) {
			t.Fatalf("%q left on the screen after the idle clear:\n%s", p, scr)
		}
	}
	d.want("请输入你的手机号", "已清屏")
	if d.m.SignedIn() != 0 || d.m.Step() != "phone" {
		t.Fatalf("session kept: worker %d step %s", d.m.SignedIn(), d.m.Step())
	}
	// half a phone number typed is cleared too
	d.typeKeys("138001")
	d.clock.Advance(IdleClear)
	d.send(tickMsg{})
	if strings.Contains(d.screen(), "█") && d.m.digits != "" {
		t.Fatalf("digits kept: %q", d.m.digits)
	}
}

func TestPreRegistration(t *testing.T) {
	d := newTerminal(t, i18n.Zh, 80, 24)
	d.tap("新登记")
	d.want("新登记（1/4）", "请输入你的姓名")
	d.press(tea.KeyEnter)
	d.want("姓名") // empty: the usual words for a missing name
	d.typeKeys("陈新")
	d.press(tea.KeyEnter)
	d.want("新登记（2/4）")
	d.typeKeys("13900001111")
	d.press(tea.KeyEnter)
	d.want("你会做哪些活？")
	d.tap("下一步")
	d.want("请至少选一个工种。")
	d.tap("泥水")
	d.want("✓ 泥水")
	d.tap("下一步")
	d.want("你住在哪个社区？", "后街社区")
	d.typeKeys("冶金")
	d.want("冶金三村社区")
	if strings.Contains(d.screen(), "│ 后街社区") {
		t.Fatal("filter did not narrow the communities")
	}
	d.tap("冶金三村社区")
	d.want("请核对：陈新 · 13900001111 · 泥水 · 冶金三村社区")
	d.tap("提交")
	d.want("已登记，请到柜台确认并设置自助密码")
	ws, err := d.s.SearchWorkers(context.Background(), "13900001111", 5)
	if err != nil || len(ws) != 1 || ws[0].Status != store.Paused {
		t.Fatalf("pre-registered %+v, %v", ws, err)
	}
	if st, _ := d.s.SelfStatus(context.Background(), ws[0].ID); !st.Unconfirmed {
		t.Fatal("not marked unconfirmed")
	}
	d.press(tea.KeyEnter)
	d.typeKeys("13900001111")
	d.press(tea.KeyEnter)
	d.want("你的登记还没有确认，请到柜台确认。")
}

func TestEnglishAndWide(t *testing.T) {
	d := newTerminal(t, i18n.En, 200, 50)
	d.want("Worker self-service", "Enter your mobile number", "Register")
	d.signInEn()
	d.typeKeys("2")
	d.want("Plumbing & electrical · 后街社区", "your trade: Plumbing & electrical · your community", "2 wanted")
	for i, l := range strings.Split(d.screen(), "\n") {
		if w := lipgloss.Width(l); w > 200 {
			t.Fatalf("line %d is %d cells wide", i, w)
		}
	}
	if n := len(strings.Split(d.m.View(), "\n")); n > 50 {
		t.Fatalf("%d lines on a 50-line screen", n)
	}
}

func (d *terminal) signInEn() {
	d.typeKeys("13800138001")
	d.press(tea.KeyEnter)
	d.want("Enter your 4-digit PIN")
	d.typeKeys("2468")
	d.want("Hello, 张*丰", "Sign in today", "Jobs for me", "My requests")
}

func TestFitsIn80x24(t *testing.T) {
	d := newTerminal(t, i18n.Zh, 80, 24)
	check := func(what string) {
		t.Helper()
		lines := strings.Split(d.m.View(), "\n")
		if len(lines) > 24 {
			t.Fatalf("%s: %d lines", what, len(lines))
		}
		for _, l := range lines {
			if lipgloss.Width(l) > 80 {
				t.Fatalf("%s: a line of %d cells: %q", what, lipgloss.Width(l), ansi.Strip(l))
			}
		}
		if !strings.Contains(d.screen(), "30秒无操作自动清屏") {
			t.Fatalf("%s: the last line is cut:\n%s", what, d.screen())
		}
	}
	check("phone")
	d.signInWithKeys()
	check("menu")
	d.typeKeys("2")
	check("jobs")
	d.typeKeys("1")
	check("job")
	d.press(tea.KeyEsc)
	d.press(tea.KeyEsc)
	d.typeKeys("0")
	d.tap("新登记")
	d.typeKeys("陈新")
	d.press(tea.KeyEnter)
	d.typeKeys("13900001111")
	d.press(tea.KeyEnter)
	check("trades")
	d.tap("泥水")
	d.tap("下一步")
	check("communities")
}
