package match

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"gigdesk/store"
	"gigdesk/tui/common"
	"gigdesk/tui/i18n"
	"gigdesk/tui/tuitest"
)

var testNow = time.Date(2026, 11, 27, 9, 0, 0, 0, store.Shanghai)

func init() { lipgloss.SetColorProfile(termenv.Ascii) }

// desk is the Match screen on a real temp database, driven by keys.
type desk struct {
	t      *testing.T
	s      *store.Store
	c      *common.Common
	m      common.Screen
	status string
	isErr  bool
	job    store.Job
	ws     []store.Worker
}

func newDesk(t *testing.T, lang i18n.Lang, w, h int) *desk {
	t.Helper()
	c := tuitest.Station(t, lang, testNow)
	s, ctx := c.Store, c.Ctx
	head, err := s.Setup(ctx, "后街零工驿站", "王站长")
	if err != nil {
		t.Fatal(err)
	}
	job := tuitest.PostJob(t, s, head.ID, testNow, 2)
	d := &desk{t: t, s: s, job: job}
	for i, p := range []struct {
		name      string
		trade     int64
		community int64
	}{{"张三丰", 1, 100}, {"李四", 1, 101}, {"王五", 1, 130}, {"赵六", 6, 100}, {"孙八", 3, 100}} {
		w, err := s.CreateWorker(ctx, head.ID, store.Worker{Name: p.name, BirthYear: 1980, Phone: fmt.Sprintf("1380000%04d", i+1),
			CommunityID: p.community, Trades: []store.WorkerTrade{{TradeID: p.trade, Years: 5}}})
		if err != nil {
			t.Fatal(err)
		}
		d.ws = append(d.ws, w)
	}
	st, err := s.Settings(ctx) // after Setup: the slip prints the station's name
	if err != nil {
		t.Fatalf("settings: %v", err)
	}
	c.Staff, c.Settings, c.Width, c.Height = head, st, w, h
	d.c = c
	d.m = New(d.c)
	d.m.SetSize(w, h-5)
	return d
}

// dispatches is what the store holds for f; a store that cannot answer fails the test.
func (d *desk) dispatches(f store.DispatchFilter) []store.Dispatch {
	d.t.Helper()
	ds, err := d.s.Dispatches(context.Background(), f)
	if err != nil {
		d.t.Fatalf("dispatches: %v", err)
	}
	return ds
}

// cases is the rights cases the store holds for f; a store that cannot answer fails the test.
func (d *desk) cases(f store.CaseFilter) []store.RightsCase {
	d.t.Helper()
	cs, err := d.s.RightsCases(context.Background(), f)
	if err != nil {
		d.t.Fatalf("rights cases: %v", err)
	}
	return cs
}

// run executes a command and feeds every message back, as Bubble Tea would.
func (d *desk) run(cmd tea.Cmd) {
	d.t.Helper()
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			d.run(c)
		}
	case common.StatusMsg:
		d.status, d.isErr = msg.Text, msg.Error
	default:
		d.send(msg)
	}
}

func (d *desk) send(msg tea.Msg) {
	d.t.Helper()
	var cmd tea.Cmd
	d.m, cmd = d.m.Update(msg)
	d.run(cmd)
}

func (d *desk) keys(ks ...string) {
	for _, k := range ks {
		switch k {
		case "enter":
			d.send(tea.KeyMsg{Type: tea.KeyEnter})
		case "esc":
			d.send(tea.KeyMsg{Type: tea.KeyEsc})
		case "down":
			d.send(tea.KeyMsg{Type: tea.KeyDown})
		case "up":
			d.send(tea.KeyMsg{Type: tea.KeyUp})
		case "ctrl+p":
			d.send(tea.KeyMsg{Type: tea.KeyCtrlP})
		case "backspace":
			d.send(tea.KeyMsg{Type: tea.KeyBackspace})
		default:
			d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)})
		}
	}
}

func (d *desk) screen() string { return ansi.Strip(d.m.View()) }

func (d *desk) want(parts ...string) {
	d.t.Helper()
	scr := d.screen()
	for _, p := range parts {
		if !strings.Contains(scr, p) {
			d.t.Fatalf("screen lacks %q:\n%s\nstatus: %s", p, scr, d.status)
		}
	}
}

func (d *desk) jobNow() store.Job {
	j, err := d.s.Job(context.Background(), d.job.ID)
	if err != nil {
		d.t.Fatal(err)
	}
	return j
}

func TestCallDispatchCheckInDonePaid(t *testing.T) {
	d := newDesk(t, i18n.Zh, 80, 24)
	d.send(common.GotoMsg{Page: common.PageMatch, Job: d.job.ID})
	// 张三丰 (same community) first, 赵六 (a related trade, same community) second, 李四 (same
	// sub-district) third; the carpenter is not listed
	d.want("需求1 水电", "已派 0/2 人", "张*丰", "同社区", "李*", "工种 4/4")
	if strings.Contains(d.screen(), "孙*") {
		t.Fatal("a carpenter is listed for a plumbing job")
	}
	lines := strings.Split(d.screen(), "\n")
	for i, l := range lines {
		if w := lipgloss.Width(l); w > 80 {
			t.Fatalf("line %d is %d cells wide: %q", i, w, l)
		}
	}
	if len(lines) > 19 {
		t.Fatalf("body is %d lines, more than 24-5", len(lines))
	}

	// first candidate: no answer; second declines; back to the first, who accepts
	d.keys("n")
	d.want("张*丰?")
	d.keys("down", "x")
	d.want("拒绝原因")
	d.keys("太远了", "enter")
	if strings.Contains(d.screen(), "赵*") {
		t.Fatalf("a worker who declined is still a candidate:\n%s", d.screen())
	}
	d.keys("up", "d") // dispatch before accepting is refused
	if !d.isErr || !strings.Contains(d.status, "先记录对方接受") {
		t.Fatalf("dispatch before accept: %q", d.status)
	}
	d.keys("a")
	d.want("约定工资", "250.00")
	// bad pay keeps the prompt and what was typed
	d.keys("backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "-5", "enter")
	if !d.isErr {
		t.Fatal("negative pay accepted")
	}
	d.want("约定工资", "： -5")
	for range 6 {
		d.keys("backspace")
	}
	d.keys("260", "enter")
	d.want("已投保意外险吗")
	d.keys("y")
	d.want("保险公司（可空")
	d.keys("enter") // no insurer given
	d.want("保单号（可空")
	d.keys("enter")
	if d.isErr || !strings.Contains(d.status, "已派工") {
		t.Fatalf("dispatch: %q", d.status)
	}
	if j := d.jobNow(); j.Filled != 1 || j.Status != store.JobPartly {
		t.Fatalf("job after dispatch: %d %s", j.Filled, j.Status)
	}
	d.want("已派 1/2 人", "部分派出")
	if strings.Contains(d.screen(), "张*丰") {
		t.Fatal("the dispatched worker is still a candidate")
	}

	// today's dispatches: check in, done, paid (the agreed pay by default), rate
	d.keys("t")
	d.want("今天开工或今天派出的派工（1）", "张*丰", "已派工", "¥260.00")
	d.keys("i")
	d.want("已到岗")
	if j := d.jobNow(); j.Status != store.JobInProgress {
		t.Fatalf("job after check-in: %s", j.Status)
	}
	d.keys("e")
	d.want("已完工", "未付")
	d.keys("f")
	d.want("待跟进", "张*丰")
	d.keys("m")
	d.want("实付工资", "260.00")
	for range 6 {
		d.keys("backspace")
	}
	d.keys("9999999", "enter")
	if !d.isErr || !strings.Contains(d.status, "远超") {
		t.Fatalf("absurd pay: %q", d.status)
	}
	for range 7 {
		d.keys("backspace")
	}
	d.keys("260", "enter")
	if d.isErr {
		t.Fatalf("pay: %q", d.status)
	}
	d.want("待跟进：未付工资或纠纷未解决（0）")
	d.keys("t")
	d.want("已付¥260.00")
	d.keys("r", "5 4", "enter")
	d.want("评5/4")
	ds := d.dispatches(store.DispatchFilter{})
	if len(ds) != 1 || !ds[0].Paid || ds[0].PaidFen != 26000 || !ds[0].Insured || ds[0].WorkerRating != 5 {
		t.Fatalf("dispatch record: %+v", ds)
	}

	// the slip, saved with one key, path in the footer
	d.keys("ctrl+p")
	if !strings.Contains(d.status, "派工单已保存") {
		t.Fatalf("slip: %q", d.status)
	}
	path := strings.TrimSpace(strings.SplitN(d.status, "：", 2)[1])
	body, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"后街零工驿站", "派 工 单", "13800000001", "13912345678", "¥260.00/天", "已投保", "王站长", "零工签字", "雇主签字"} {
		if !strings.Contains(string(body), want) {
			t.Errorf("slip lacks %q:\n%s", want, body)
		}
	}
}

func TestRefusalsLeaveEverythingAsItWas(t *testing.T) {
	d := newDesk(t, i18n.En, 80, 24)
	ctx := context.Background()
	// 张三丰 is paused after the list was loaded: dispatching him is refused with a clear message
	d.send(common.GotoMsg{Page: common.PageMatch, Job: d.job.ID})
	if err := d.s.SetWorkerStatus(ctx, d.c.Staff.ID, d.ws[0].ID, store.Paused, "ill"); err != nil {
		t.Fatal(err)
	}
	d.keys("a", "enter", "n")
	if !d.isErr || !strings.Contains(d.status, "paused") {
		t.Fatalf("paused worker: %q", d.status)
	}
	if j := d.jobNow(); j.Filled != 0 {
		t.Fatalf("refused dispatch changed the job: %+v", j)
	}
	d.want("Job 1 Plumbing", "0 of 2 dispatched")
	// a cancelled job refuses everyone
	d.send(common.ChangedMsg{})
	if err := d.s.CloseJob(ctx, d.c.Staff.ID, d.job.ID, store.JobCancelled, "no longer needed"); err != nil {
		t.Fatal(err)
	}
	d.keys("a", "enter", "y", "enter", "enter")
	if !d.isErr || !strings.Contains(d.status, "cancelled") {
		t.Fatalf("cancelled job: %q", d.status)
	}
	ds := d.dispatches(store.DispatchFilter{})
	if len(ds) != 0 {
		t.Fatalf("dispatches after refusals: %+v", ds)
	}
}

func TestWalkInAndDayPlan(t *testing.T) {
	d := newDesk(t, i18n.Zh, 120, 30)
	d.keys("w")
	d.want("找零工")
	d.keys("李四")
	d.keys("enter") // close the search, keep the list
	d.want("李*")
	d.keys("enter")
	d.want("零工2 李* 的合适需求", "需求1 水电")
	d.keys("d", "enter", "n")
	if d.isErr {
		t.Fatalf("walk-in dispatch: %q", d.status)
	}
	if j := d.jobNow(); j.Filled != 1 {
		t.Fatalf("walk-in dispatch did not fill: %+v", j)
	}
	// the plan for today proposes the one place left to the best remaining plumber
	d.keys("esc", "esc", "p")
	d.want("派工日期")
	for range 10 {
		d.keys("backspace")
	}
	d.keys("2026-11-27", "enter")
	d.want("一键派工 2026-11-27", "1 个空缺，建议派 1 人")
	d.keys("c")
	d.want("另选一人")
	d.keys("esc", "a")
	if d.isErr {
		t.Fatalf("plan accept: %q", d.status)
	}
	d.want("已派工")
	if j := d.jobNow(); j.Filled != 2 || j.Status != store.JobFilled {
		t.Fatalf("job after plan: %+v", j)
	}
}

// TestRevealShowsTheNameToCall: names are masked on the candidate list until the dispatcher
// presses v to call; then the name and the phone show in full, each reveal audited.
func TestRevealShowsTheNameToCall(t *testing.T) {
	d := newDesk(t, i18n.Zh, 80, 24)
	d.send(common.GotoMsg{Page: common.PageMatch, Job: d.job.ID})
	d.want("张*丰")
	if strings.Contains(d.screen(), "张三丰") {
		t.Fatalf("the name is shown before it was revealed:\n%s", d.screen())
	}
	d.keys("v")
	d.want("张三丰", "13800000001")
	for _, field := range []string{"reveal:name", "reveal:phone"} {
		a, err := d.s.Audit(context.Background(), store.AuditFilter{Action: field})
		if err != nil || len(a) != 1 || a[0].Entity != "worker" {
			t.Fatalf("audit of %s: %+v %v", field, a, err)
		}
	}
}

// TestSlowCallSaveKeepsTheNextQuestion: the accepted call's save answering after the clerk
// has moved on to "insured?" and the insurer no longer closes the question on screen.
func TestSlowCallSaveKeepsTheNextQuestion(t *testing.T) {
	d := newDesk(t, i18n.Zh, 80, 24)
	d.send(common.GotoMsg{Page: common.PageMatch, Job: d.job.ID})
	var held tea.Cmd
	d.m, held = d.m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("a")}) // the call's save, not run yet
	d.want("约定工资")
	d.keys("enter", "y")
	d.want("保险公司")
	d.run(held) // the slow save of the accepted call answers now
	d.want("保险公司")
	d.keys("enter", "enter")
	if !strings.Contains(d.status, "已派工") {
		t.Fatalf("not dispatched: %q\n%s", d.status, d.screen())
	}
}

// TestSlipFromTheCandidateList: Ctrl+P right after a dispatch on the candidate list saves its
// slip; before any dispatch it says why nothing was printed.
func TestSlipFromTheCandidateList(t *testing.T) {
	d := newDesk(t, i18n.Zh, 80, 24)
	d.send(common.GotoMsg{Page: common.PageMatch, Job: d.job.ID})
	d.keys("ctrl+p")
	if !d.isErr || !strings.Contains(d.status, "还没有在这里派工") {
		t.Fatalf("Ctrl+P before a dispatch: %q", d.status)
	}
	d.keys("a", "enter", "n")
	if !strings.Contains(d.status, "已派工") {
		t.Fatalf("not dispatched: %q", d.status)
	}
	d.keys("ctrl+p")
	if !strings.Contains(d.status, "派工单已保存") {
		t.Fatalf("Ctrl+P after the dispatch: %q", d.status)
	}
}
