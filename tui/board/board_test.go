package board

import (
	"context"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"gigdesk/store"
	"gigdesk/tui/common"
	"gigdesk/tui/i18n"
	"gigdesk/tui/tuitest"
)

func init() { tuitest.PlainTerminal() }

// boardNow is a Saturday afternoon; the jobs were posted two hours earlier.
var (
	boardNow = time.Date(2026, 11, 28, 14, 30, 0, 0, store.Shanghai)
	postedAt = boardNow.Add(-2 * time.Hour)
	testTime = tuitest.NewClock(postedAt)
)

func clock() time.Time { return testTime.Now() }

func setClock(t time.Time) { testTime.Set(t) }

// fixture is a station with five open jobs and one cancelled one.
type fixture struct {
	s                      *store.Store
	path                   string
	head                   int64
	plumb, labour, carpent int64 // today 16:00 (urgent), tomorrow 09:00 ×6, today 16:00
	moving, loading        int64 // next Saturday, tomorrow 10:00
}

var phoneSeq int

func post(t testing.TB, s *store.Store, head int64, kind store.EmployerKind, j store.Job) int64 {
	t.Helper()
	phoneSeq++
	e := store.Employer{Kind: kind, Name: "李秀英", Phone: fmt.Sprintf("1390023%04d", phoneSeq), Address: "后街社区7栋1单元", CommunityID: j.CommunityID}
	if kind != store.Resident {
		e.Name = "渝州搬家服务部"
	}
	if j.Headcount == 0 {
		j.Headcount = 1
	}
	j.Duration, j.PayFen, j.PayUnit = 4*time.Hour, 18000, store.PerDay
	_, j, err := s.CreateJob(context.Background(), head, e, j)
	if err != nil {
		t.Fatal(err)
	}
	return j.ID
}

func at(days, h, m int) time.Time {
	y, mo, d := boardNow.Date()
	return time.Date(y, mo, d+days, h, m, 0, 0, store.Shanghai)
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	setClock(postedAt)
	s, path := tuitest.OpenStore(t, clock)
	ctx := context.Background()
	head, err := s.Setup(ctx, "后街零工市场", "王芳")
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{s: s, path: path, head: head.ID}
	f.plumb = post(t, s, head.ID, store.Resident, store.Job{TradeID: 1, CommunityID: 100, StartsAt: at(0, 16, 0), Urgent: true})
	f.labour = post(t, s, head.ID, store.Firm, store.Job{TradeID: 2, CommunityID: 112, StartsAt: at(1, 9, 0), Headcount: 6})
	f.carpent = post(t, s, head.ID, store.Resident, store.Job{TradeID: 3, CommunityID: 101, StartsAt: at(0, 16, 0)})
	f.moving = post(t, s, head.ID, store.Shop, store.Job{TradeID: 10, CommunityID: 112, StartsAt: at(7, 8, 30)})
	f.loading = post(t, s, head.ID, store.Shop, store.Job{TradeID: 8, CommunityID: 100, StartsAt: at(1, 10, 0)})
	gone := post(t, s, head.ID, store.Resident, store.Job{TradeID: 1, CommunityID: 100, StartsAt: at(0, 17, 0)})
	if err := s.CloseJob(ctx, head.ID, gone, store.JobCancelled, "雇主自己修好了"); err != nil {
		t.Fatal(err)
	}
	setClock(boardNow)
	return f
}

func newCommon(t testing.TB, s *store.Store, lang i18n.Lang) *common.Common {
	t.Helper()
	c := tuitest.Shared(t, s, lang, clock)
	st, err := s.Settings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	c.Settings, c.Width, c.Height = st, 80, 24
	return c
}

// loaded is a board of w×h that has run its first load.
func loaded(t *testing.T, c *common.Common, w, h int) *Model {
	t.Helper()
	m := New(c)
	m.SetSize(w, h)
	m.Update(m.openWatcher())
	t.Cleanup(func() {
		if m.watcher != nil {
			m.watcher.Close()
		}
	})
	m.Update(m.load()())
	if !m.loaded {
		t.Fatalf("board did not load: %s", m.err)
	}
	return m
}

func keys(m *Model, ks ...string) {
	for _, k := range ks {
		var msg tea.KeyMsg
		switch k {
		case "enter":
			msg = tea.KeyMsg{Type: tea.KeyEnter}
		case "esc":
			msg = tea.KeyMsg{Type: tea.KeyEsc}
		case "down":
			msg = tea.KeyMsg{Type: tea.KeyDown}
		case "up":
			msg = tea.KeyMsg{Type: tea.KeyUp}
		case "end":
			msg = tea.KeyMsg{Type: tea.KeyEnd}
		default:
			msg = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
		}
		m.Update(msg)
	}
}

func shownIDs(m *Model) []int64 {
	var ids []int64
	for _, i := range m.shown {
		ids = append(ids, m.all[i].job.ID)
	}
	return ids
}

func sameIDs(a, b []int64) bool { return fmt.Sprint(a) == fmt.Sprint(b) }

func TestBoardOrderAndColumns(t *testing.T) {
	f := newFixture(t)
	m := loaded(t, newCommon(t, f.s, i18n.Zh), 80, 19)
	want := []int64{f.plumb, f.carpent, f.labour, f.loading, f.moving}
	if got := shownIDs(m); !sameIDs(got, want) {
		t.Fatalf("order = %v, want %v (start time, urgent first at the same time)", got, want)
	}
	v := ansi.Strip(m.View())
	for _, s := range []string{"5 个需求，还缺 10 人", "水电", "后街社区", "今天 16:00", "¥180.00/天", "0/6", "2小时", "急", "明天 09:00", "12-05 周六 08:30"} {
		if !strings.Contains(v, s) {
			t.Errorf("board lacks %q:\n%s", s, v)
		}
	}
	if strings.Contains(v, "● #") {
		t.Errorf("jobs posted two hours ago are marked as just changed:\n%s", v)
	}
	for i, l := range strings.Split(v, "\n") {
		if w := lipgloss.Width(l); w > 80 {
			t.Errorf("line %d is %d cells wide: %q", i, w, l)
		}
	}
	for _, secret := range []string{"李秀英", "1390023", "7栋"} {
		if strings.Contains(v, secret) {
			t.Errorf("the board shows personal data %q", secret)
		}
	}
}

func TestBoardFilters(t *testing.T) {
	f := newFixture(t)
	m := loaded(t, newCommon(t, f.s, i18n.Zh), 100, 19)
	for _, tc := range []struct {
		keys []string
		want []int64
		text string
	}{
		{[]string{"d"}, []int64{f.plumb, f.carpent}, "日期:今天"},
		{[]string{"d", "d"}, []int64{f.labour, f.loading}, "日期:明天"},
		{[]string{"d", "d", "d"}, []int64{f.plumb, f.carpent, f.labour, f.loading}, "日期:本周"},
		{[]string{"d", "d", "d", "d"}, []int64{f.plumb, f.carpent, f.labour, f.loading, f.moving}, "日期:全部"},
		{[]string{"D"}, []int64{f.plumb, f.carpent, f.labour, f.loading}, "日期:本周"},
		{[]string{"u"}, []int64{f.plumb}, "只看急招:是"},
		{[]string{"t"}, []int64{f.plumb}, "工种:水电"},
		{[]string{"t", "t"}, []int64{f.labour}, "工种:力工"},
		{[]string{"T"}, nil, "没有符合筛选条件的需求"},
		{[]string{"s"}, []int64{f.labour, f.moving}, "街道:杨家坪街道"},
		{[]string{"s", "d"}, []int64{}, "没有符合筛选条件的需求"},
		{[]string{"/", "hj", "enter"}, []int64{f.plumb, f.loading}, "/ hj"},
		{[]string{"/", "yjp"}, []int64{f.labour, f.moving}, ""},
		{[]string{"/", "石坪桥"}, []int64{f.plumb, f.carpent, f.loading}, ""},
		{[]string{"/", "搬家"}, []int64{f.moving}, ""},
		{[]string{"/", "bj"}, []int64{f.moving}, ""},
		{[]string{"/", fmt.Sprintf("#%d", f.loading)}, []int64{f.loading}, ""},
		{[]string{"/", "nonesuch"}, []int64{}, "没有符合筛选条件的需求"},
		{[]string{"/", "hj", "esc"}, []int64{f.plumb, f.carpent, f.labour, f.loading, f.moving}, "/ 搜索"},
		{[]string{"u", "d", "t", "x"}, []int64{f.plumb, f.carpent, f.labour, f.loading, f.moving}, "工种:全部"},
	} {
		t.Run(strings.Join(tc.keys, " "), func(t *testing.T) {
			m := loaded(t, m.c, 100, 19)
			keys(m, tc.keys...)
			if got := shownIDs(m); !sameIDs(got, tc.want) && !(len(got) == 0 && len(tc.want) == 0) {
				t.Errorf("shown = %v, want %v", got, tc.want)
			}
			if v := ansi.Strip(m.View()); !strings.Contains(v, tc.text) {
				t.Errorf("screen lacks %q:\n%s", tc.text, v)
			}
		})
	}
	// In English the search finds English trade names too.
	en := loaded(t, newCommon(t, f.s, i18n.En), 100, 19)
	keys(en, "/", "plumb")
	if got := shownIDs(en); !sameIDs(got, []int64{f.plumb}) {
		t.Errorf("English search 'plumb' = %v", got)
	}
	if !en.Capturing() {
		t.Error("the search box is open but the board says it is not taking typed text")
	}
}

func TestBoardEnterOpensMatchAndSelectionFollowsFilters(t *testing.T) {
	f := newFixture(t)
	m := loaded(t, newCommon(t, f.s, i18n.Zh), 80, 19)
	keys(m, "down", "down")
	if m.Selected() != f.labour {
		t.Fatalf("selected %d after two downs, want the labour job %d", m.Selected(), f.labour)
	}
	keys(m, "s") // 杨家坪街道 keeps the labour job
	if m.Selected() != f.labour {
		t.Fatalf("filtering moved the selection off a job that is still shown: %d", m.Selected())
	}
	keys(m, "x")
	if m.Selected() != f.labour {
		t.Fatalf("clearing the filter lost the selection: %d", m.Selected())
	}
	_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyEnter})
	if cmd == nil {
		t.Fatal("Enter did nothing")
	}
	if msg, ok := cmd().(common.GotoMsg); !ok || msg.Page != common.PageMatch || msg.Job != f.labour {
		t.Fatalf("Enter sent %#v, want Goto Match for job %d", msg, f.labour)
	}
	keys(m, "end")
	if m.Selected() != f.moving {
		t.Fatalf("End selected %d, want the last job", m.Selected())
	}
}

// TestBoardGolden keeps the board's body at 80×19 in both languages.
func TestBoardGolden(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.Zh, i18n.En} {
		t.Run(string(lang), func(t *testing.T) {
			f := newFixture(t)
			m := loaded(t, newCommon(t, f.s, lang), 80, 19)
			keys(m, "down")
			golden.RequireEqual(t, []byte(ansi.Strip(m.View())))
		})
	}
}

// TestBoardGoldenWide keeps the board at 160×30: pay at its full width, the community capped.
func TestBoardGoldenWide(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.Zh, i18n.En} {
		t.Run(string(lang), func(t *testing.T) {
			f := newFixture(t)
			// a fixed-price job has the longest pay ("¥540.00 (fixed)"), cut at 12 cells before
			e := store.Employer{Kind: store.Firm, Name: "渝州搬家服务部", Phone: "13900239999", Address: "后街社区7栋", CommunityID: 101}
			j := store.Job{TradeID: 10, CommunityID: 101, StartsAt: at(1, 8, 0), Headcount: 2, Duration: 8 * time.Hour, PayFen: 54000, PayUnit: store.Fixed}
			if _, _, err := f.s.CreateJob(context.Background(), 1, e, j); err != nil {
				t.Fatal(err)
			}
			m := loaded(t, newCommon(t, f.s, lang), 160, 30)
			scr := ansi.Strip(m.View())
			if !strings.Contains(scr, "¥540.00") {
				t.Fatalf("no fixed-price job:\n%s", scr)
			}
			for _, l := range strings.Split(scr, "\n") {
				if strings.Contains(l, "¥") && strings.Contains(l, "…") {
					t.Fatalf("a pay or a name is cut at 160 columns: %q", l)
				}
			}
			golden.RequireEqual(t, []byte(scr))
		})
	}
}

// host runs a screen in a real Bubble Tea loop, as the root would, and answers probes.
type host struct{ m *Model }

type probe struct{ reply chan [2]string }

func (h host) Init() tea.Cmd { return h.m.Init() }
func (h host) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if p, ok := msg.(probe); ok {
		p.reply <- [2]string{ansi.Strip(h.m.View()), fmt.Sprint(h.m.Selected())}
		return h, nil
	}
	_, cmd := h.m.Update(msg)
	return h, cmd
}
func (h host) View() string { return "" }

// TestBoardLiveReload: another gigdesk on the same file posts a job; the board shows it within
// a second with no key pressed, marked as new, and the selection stays on the same job.
func TestBoardLiveReload(t *testing.T) {
	f := newFixture(t)
	reader, err := store.Open(f.path, store.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	m := New(newCommon(t, reader, i18n.Zh))
	m.SetSize(100, 19)
	p := tea.NewProgram(host{m}, tea.WithInput(nil), tea.WithOutput(io.Discard), tea.WithoutRenderer())
	done := make(chan error, 1)
	go func() { _, err := p.Run(); done <- err }()
	defer func() { p.Quit(); <-done }()
	look := func() (string, string) {
		r := make(chan [2]string, 1)
		p.Send(probe{r})
		v := <-r
		return v[0], v[1]
	}
	waitFor := func(what string, ok func(string) bool) (string, time.Duration) {
		start := time.Now()
		for {
			v, _ := look()
			if ok(v) {
				return v, time.Since(start)
			}
			if time.Since(start) > 5*time.Second {
				t.Fatalf("board never showed %s:\n%s", what, v)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	waitFor("the jobs", func(v string) bool { return strings.Contains(v, "5 个需求") })
	p.Send(tea.KeyMsg{Type: tea.KeyDown}) // onto the carpentry job
	if _, sel := look(); sel != fmt.Sprint(f.carpent) {
		t.Fatalf("selected %s, want %d", sel, f.carpent)
	}
	// The other process posts a job that starts before everything on the board.
	early := post(t, f.s, f.head, store.Shop, store.Job{TradeID: 13, CommunityID: 101, StartsAt: at(0, 15, 0), Urgent: true})
	v, took := waitFor("the new job", func(v string) bool { return strings.Contains(v, fmt.Sprintf("#%d", early)) })
	if took > time.Second+PollEvery {
		t.Errorf("the new job took %v to appear", took)
	}
	if !strings.Contains(v, "6 个需求") || !strings.Contains(v, "● #"+fmt.Sprint(early)) {
		t.Errorf("new job not counted or not marked:\n%s", v)
	}
	if _, sel := look(); sel != fmt.Sprint(f.carpent) {
		t.Errorf("after the reload the selection is on %s, want still %d", sel, f.carpent)
	}
	// A job cancelled elsewhere leaves the board.
	if err := f.s.CloseJob(context.Background(), f.head, f.plumb, store.JobCancelled, "不需要了"); err != nil {
		t.Fatal(err)
	}
	waitFor("the cancelled job gone", func(v string) bool { return !strings.Contains(v, fmt.Sprintf("#%d ", f.plumb)) })
	if _, sel := look(); sel != fmt.Sprint(f.carpent) {
		t.Errorf("after the cancellation the selection is on %s, want still %d", sel, f.carpent)
	}
}
