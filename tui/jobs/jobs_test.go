package jobs

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/muesli/termenv"

	"gigdesk/store"
	"gigdesk/store/testdb"
	"gigdesk/tui/common"
	"gigdesk/tui/i18n"
	"gigdesk/tui/tuitest"
)

// now is Saturday 2026-11-28 14:00 at the station.
var now = time.Date(2026, 11, 28, 14, 0, 0, 0, store.Shanghai)

type harness struct {
	t      *testing.T
	c      *common.Common
	m      common.Screen
	status string
	gotoTo common.GotoMsg
	keys   int // keystrokes other than figures
}

func newHarness(t *testing.T, lang i18n.Lang) *harness {
	t.Helper()
	lipgloss.SetColorProfile(termenv.Ascii)
	s, err := store.Open(testdb.New(t, "t.db"), store.WithLocalDir(t.TempDir()), store.WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	head, err := s.Setup(t.Context(), "后街零工市场", "王芳")
	if err != nil {
		t.Fatal(err)
	}
	rec, err := s.Catalog(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	st, err := s.Settings(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	cat := i18n.New(lang)
	c := &common.Common{Ctx: t.Context(), Store: s, Cat: cat, Styles: common.DefaultStyles(), Keys: common.DefaultKeyMap(cat.T),
		Now: func() time.Time { return now }, Staff: head, Settings: st, Records: rec, Width: 80, Height: 24}
	h := &harness{t: t, c: c, m: New(c)}
	h.m.SetSize(80, 19)
	h.run(h.m.Init())
	return h
}

// run executes a command and feeds its answers back, as the program loop would.
func (h *harness) run(cmd tea.Cmd) { tuitest.Run(cmd, h.handle) }

func (h *harness) handle(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case common.StatusMsg:
		h.status = msg.Text
	case common.GotoMsg:
		h.gotoTo = msg
	case lookupMsg, askedMsg, savedMsg, listMsg, editLoadedMsg, revealedMsg, closedMsg, common.ChangedMsg:
		var cmd tea.Cmd
		h.m, cmd = h.m.Update(msg)
		return cmd
	}
	return nil
}

func (h *harness) send(msg tea.KeyMsg) {
	var cmd tea.Cmd
	h.m, cmd = h.m.Update(msg)
	h.run(cmd)
}

// press sends keys that count as keystrokes.
func (h *harness) press(keys ...tea.KeyType) {
	for _, k := range keys {
		h.keys++
		h.send(tea.KeyMsg{Type: k})
	}
}

// letters types text that counts one keystroke per character (pinyin initials, n, y…).
func (h *harness) letters(s string) {
	for _, r := range s {
		h.keys++
		h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
}

// figures types digits and the like, which the keystroke budget does not count.
func (h *harness) figures(s string) {
	for _, r := range s {
		h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
}

// words sends text as an input method does: one message.
func (h *harness) words(s string) { h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}) }

func (h *harness) view() string { return ansi.Strip(h.m.View()) }

func (h *harness) form() *form { return h.m.(*Model).form }

func (h *harness) want(parts ...string) {
	h.t.Helper()
	v := h.view()
	for _, p := range parts {
		if !strings.Contains(v, p) {
			h.t.Fatalf("screen lacks %q:\n%s", p, v)
		}
	}
}

// takeNewEmployerJob fills the whole form for a caller the station does not know.
// takeEnglishJob takes a phone job from a new resident, Zhang, in the English form: plumbing,
// one worker, tomorrow 9:00 for 4 hours at ¥300 a day.
func (h *harness) takeEnglishJob() {
	h.letters("n")
	h.figures("13800138000")
	h.press(tea.KeyEnter, tea.KeyEnter)
	h.words("Zhang")
	h.press(tea.KeyEnter, tea.KeyEnter, tea.KeyEnter, tea.KeyEnter)
	h.letters("sd")
	h.press(tea.KeyEnter)
	h.figures("1")
	h.press(tea.KeyEnter)
	h.words("tomorrow 9:00")
	h.press(tea.KeyEnter)
	h.words("4h")
	h.press(tea.KeyEnter, tea.KeyEnter, tea.KeyEnter)
	h.figures("300")
	h.press(tea.KeyCtrlS)
	if !strings.HasPrefix(h.status, "No place given") { // asked once; a second Ctrl+S saves without a place
		h.t.Fatalf("saving without a place: status %q", h.status)
	}
	h.press(tea.KeyCtrlS)
}

func (h *harness) takeNewEmployerJob() {
	h.fillNewEmployerJob()
	h.press(tea.KeyCtrlS)
}

// fillNewEmployerJob types the whole form for a caller the station does not know, up to the save.
func (h *harness) fillNewEmployerJob() {
	h.letters("n")
	h.figures("13800138000")
	h.press(tea.KeyEnter) // phone → looked up: unknown
	h.want("新雇主")
	h.press(tea.KeyEnter) // kind: resident
	h.words("张阿姨")
	h.press(tea.KeyEnter)
	h.press(tea.KeyEnter) // contact
	h.words("后街12号")
	h.press(tea.KeyEnter)
	h.letters("hj")
	h.press(tea.KeyEnter) // community chosen, on to the trade
	h.letters("sd")
	h.press(tea.KeyEnter) // trade 水电 chosen
	h.figures("2")
	h.press(tea.KeyEnter)
	h.words("明天")
	h.figures("9:00")
	h.press(tea.KeyEnter)
	h.figures("4")
	h.words("小时")
	h.press(tea.KeyEnter)
	h.press(tea.KeyEnter) // work address: the employer's
	h.press(tea.KeyEnter) // work community: the employer's
	h.figures("300")
}

func TestNewEmployerJobByPhone(t *testing.T) {
	h := newHarness(t, i18n.Zh)
	h.want("今天还没有需求")
	h.takeNewEmployerJob()
	if h.form() != nil {
		t.Fatalf("form still open after save (status %q):\n%s", h.status, h.view())
	}
	h.want("需求编号 1", "明天 09:00", "水电", "居民·后街社区", "138****8000")
	if strings.Contains(h.view(), "13800138000") {
		t.Fatal("the list shows the full phone")
	}
	e, err := h.c.Store.EmployerByPhone(t.Context(), "13800138000")
	if err != nil || e.Name != "张阿姨" || e.CommunityID != 100 || e.Address != "后街12号" {
		t.Fatalf("employer: %+v %v", e, err)
	}
	j, err := h.c.Store.Job(t.Context(), 1)
	if err != nil || j.TradeID != 1 || j.Headcount != 2 || j.Duration != 4*time.Hour || j.PayFen != 30000 ||
		j.Address != "后街12号" || j.CommunityID != 100 || !j.StartsAt.Equal(time.Date(2026, 11, 29, 9, 0, 0, 0, store.Shanghai)) {
		t.Fatalf("job: %+v %v", j, err)
	}
	// Enter opens the job on the Match screen
	h.press(tea.KeyEnter)
	if h.gotoTo.Page != common.PageMatch || h.gotoTo.Job != 1 {
		t.Fatalf("Enter asked for %+v", h.gotoTo)
	}
}

// TestReturningEmployerKeystrokes: the usual job of a known caller within 10 keystrokes
// besides the figures (phone, time, head-count, pay).
func TestReturningEmployerKeystrokes(t *testing.T) {
	h := newHarness(t, i18n.Zh)
	h.takeNewEmployerJob()
	h.keys = 0

	h.letters("n")
	h.figures("13800138000")
	h.press(tea.KeyEnter)
	h.want("老雇主：张阿姨", "明天 09:00")
	if f := h.form(); f.focus != fWhen {
		t.Fatalf("focus on %d, want the start time", f.focus)
	}
	h.press(tea.KeyCtrlS)
	if h.form() != nil {
		t.Fatalf("usual job not saved (%q):\n%s", h.status, h.view())
	}
	t.Logf("usual job tomorrow at the usual hour: %d keystrokes besides the phone", h.keys)
	if h.keys > 10 {
		t.Fatalf("%d keystrokes", h.keys)
	}

	// the day after tomorrow at 8:00 for 3 people: still within the budget
	h.keys = 0
	h.letters("n")
	h.figures("13800138000")
	h.press(tea.KeyEnter)
	h.press(tea.KeyCtrlU) // clear the start shown
	h.letters("ht")
	h.figures("8:00")
	h.press(tea.KeyShiftTab, tea.KeyCtrlU) // to head-count, clear it
	h.figures("3")
	h.press(tea.KeyCtrlS)
	if h.form() != nil {
		t.Fatalf("changed usual job not saved (%q):\n%s", h.status, h.view())
	}
	t.Logf("usual job on another day with another head-count: %d keystrokes besides the figures", h.keys)
	if h.keys > 10 {
		t.Fatalf("%d keystrokes", h.keys)
	}
	j, err := h.c.Store.Job(t.Context(), 3)
	if err != nil {
		t.Fatalf("job 3: %v", err)
	}
	if j.Headcount != 3 || j.TradeID != 1 || j.PayFen != 30000 || !j.StartsAt.Equal(time.Date(2026, 11, 30, 8, 0, 0, 0, store.Shanghai)) {
		t.Fatalf("job 3: %+v", j)
	}
}

func TestUnpaidWagesFlagShownWhileTaking(t *testing.T) {
	h := newHarness(t, i18n.Zh)
	h.takeNewEmployerJob()
	w, err := h.c.Store.CreateWorker(t.Context(), h.c.Staff.ID, store.Worker{Name: "李四", Phone: "13900139000", BirthYear: 1980,
		Trades: []store.WorkerTrade{{TradeID: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.c.Store.Dispatch(t.Context(), h.c.Staff.ID, store.DispatchInput{JobID: 1, WorkerID: w.ID}); err != nil {
		t.Fatal(err)
	}
	if _, err := h.c.Store.Dispute(t.Context(), h.c.Staff.ID, 1, "工钱少给了"); err != nil {
		t.Fatal(err)
	}
	// with an open complaint too the warnings no longer fit beside the name at 80 columns:
	// they move to a line of their own instead of being cut off
	if _, err := h.c.Store.OpenCase(t.Context(), h.c.Staff.ID, store.RightsCase{Kind: store.CaseUnpaid, OpenedBy: store.ByWorker,
		WorkerID: w.ID, EmployerID: 1, Summary: "工钱没给"}); err != nil {
		t.Fatal(err)
	}
	h.letters("n")
	h.figures("13800138000")
	h.press(tea.KeyEnter)
	h.want("老雇主", "欠薪记录：未付 0 次，纠纷 1 次", "欠薪投诉未结 1 件")
	for _, l := range strings.Split(h.view(), "\n") {
		if lipgloss.Width(l) > 80 {
			t.Fatalf("a line wider than the screen: %q", l)
		}
	}
}

func TestBadInputStaysAtTheField(t *testing.T) {
	h := newHarness(t, i18n.Zh)
	h.letters("n")
	h.press(tea.KeyCtrlS) // everything empty
	h.want("请输入手机号码", "请输入姓名", "请选择工种", "请填写人数", "请填写开工时间", "请填写工期")
	if h.form().errs[fPay] != "请输入金额。" {
		t.Fatalf("pay message %q", h.form().errs[fPay])
	}
	if h.form() == nil {
		t.Fatal("an empty form closed")
	}
	h.words(strings.Repeat("1", 10000)) // a paste into the phone
	if n := len(h.form().inputs[fPhone].Value()); n > limits[fPhone] {
		t.Fatalf("phone kept %d characters", n)
	}
	h.press(tea.KeyCtrlU)
	h.words("1380013800０") // full-width last digit
	h.press(tea.KeyTab, tea.KeyTab)
	h.words("张\x1b[31m阿姨😀")
	h.press(tea.KeyTab, tea.KeyTab, tea.KeyTab, tea.KeyTab, tea.KeyTab)
	h.figures("0")
	h.press(tea.KeyTab)
	h.words("2月30日 9点")
	h.press(tea.KeyTab)
	h.words("半天")
	h.press(tea.KeyTab, tea.KeyTab, tea.KeyTab)
	h.figures("1000000000")
	h.press(tea.KeyCtrlS)
	// the escape's ESC is dropped as typed; what is left is refused with a reason at the field
	h.want("姓名中不能含有数字", "招工人数须在1至500人之间", "没有这一天")
	if h.form().errs[fPay] != "单个用工报酬不能超过10万元。" {
		t.Fatalf("pay message %q", h.form().errs[fPay])
	}
	f := h.form()
	if f.inputs[fWhen].Value() != "2月30日 9点" || f.inputs[fPay].Value() != "1000000000" {
		t.Fatal("the form lost what was typed")
	}
	// head-count 10,000, pay 0, a start in the past
	f.inputs[fHead].SetValue("10000")
	f.inputs[fPay].SetValue("0")
	f.inputs[fWhen].SetValue("今天9:00")
	h.press(tea.KeyCtrlS)
	h.want("招工人数须在1至500人之间", "开工时间已经过去了")
	if h.form().errs[fPay] != "报酬不能为零。" {
		t.Fatalf("pay message %q", h.form().errs[fPay])
	}
	var n int
	tables, err := h.c.Store.TableCounts(t.Context())
	if err != nil {
		t.Fatalf("table counts: %v", err)
	}
	n = int(tables["jobs"] + tables["employers"])
	if n != 0 {
		t.Fatalf("bad input saved %d rows", n)
	}
}

func TestBelowMinimumWageWarns(t *testing.T) {
	h := newHarness(t, i18n.Zh)
	h.letters("n")
	f := h.form()
	f.inputs[fDur].SetValue("8小时")
	f.inputs[fPay].SetValue("80")
	f.focus = fPay
	h.want("低于本站最低小时工资", "¥10.00", "¥21.00")
}

func TestCancelExpireReveal(t *testing.T) {
	h := newHarness(t, i18n.En)
	h.takeEnglishJob()
	h.want("Job number 1", "138****8000")
	h.m.(*Model).list.tab = tabUpcoming
	h.letters("r")
	h.want("13800138000")
	entries, err := h.c.Store.Audit(t.Context(), store.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range entries {
		if e.Action == "reveal:phone" && e.Entity == "employer" {
			found = true
		}
	}
	if !found {
		t.Fatal("reveal not audited")
	}
	h.letters("c")
	h.press(tea.KeyEnter)
	if !strings.Contains(h.status, "needs a reason") {
		t.Fatalf("cancel without reason: %q", h.status)
	}
	h.words("employer found someone")
	h.press(tea.KeyEnter)
	h.want("cancelled")
	j, err := h.c.Store.Job(t.Context(), 1)
	if err != nil {
		t.Fatalf("job 1: %v", err)
	}
	if j.Status != store.JobCancelled || j.StatusReason != "employer found someone" {
		t.Fatalf("job: %+v", j)
	}
	h.letters("x")
	if !strings.Contains(h.status, "closed") {
		t.Fatalf("expiring a cancelled job: %q", h.status)
	}
}

func TestFormGolden(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.Zh, i18n.En} {
		t.Run(string(lang), func(t *testing.T) {
			h := newHarness(t, lang)
			h.letters("n")
			h.figures("13800138000")
			h.press(tea.KeyEnter)
			v := h.view()
			for _, l := range strings.Split(v, "\n") {
				if w := ansi.StringWidth(l); w > 80 {
					t.Errorf("line %d cells wide: %q", w, l)
				}
			}
			if n := strings.Count(v, "\n") + 1; n > 19 {
				t.Errorf("%d lines, the body has 19", n)
			}
			golden.RequireEqual(t, []byte(v))
		})
	}
}

// A night job as a caller says it: 今晚11点50 until 到早上6点. Both read, and the end (on the next
// day) is shown whole at 80 columns, under the field when it does not fit beside it.
func TestNightJobAsSaid(t *testing.T) {
	h := newHarness(t, i18n.Zh)
	h.letters("n")
	h.figures("13800138000")
	h.press(tea.KeyEnter)
	for range fWhen - fPhone - 1 {
		h.press(tea.KeyTab)
	}
	if h.form().focus != fWhen {
		t.Fatalf("at field %d, not the start", h.form().focus)
	}
	h.words("今晚11点50")
	h.press(tea.KeyTab)
	h.words("到早上6点")
	h.want("今天 23:50", "6小时10分", "至次日06:00")
	for _, l := range strings.Split(h.view(), "\n") {
		if lipgloss.Width(l) > 80 {
			t.Fatalf("a line wider than the screen: %q", l)
		}
	}
}

// At 80 columns the list shows a job's pay whole (short form) and, when the place and the
// time do not fit on one line, the time on a line of its own instead of cut off.
func TestListFitsNarrowScreens(t *testing.T) {
	h := newHarness(t, i18n.En)
	h.takeEnglishJob()
	h.m.(*Model).list.tab = tabUpcoming
	h.run(h.m.(*Model).list.load())
	h.want("¥300/day")
	h.m.SetSize(44, 19)
	v := h.view()
	if !strings.Contains(v, "When: tomorrow 09:00–13:00") {
		t.Fatalf("the time was cut at 44 columns:\n%s", v)
	}
	lines := strings.Split(v, "\n")
	if len(lines) > 19 {
		t.Fatalf("%d lines in a body of 19:\n%s", len(lines), v)
	}
	for _, l := range lines {
		if lipgloss.Width(l) > 44 {
			t.Fatalf("a line wider than the screen: %q", l)
		}
	}
}
