package summary

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"
	"github.com/xuri/excelize/v2"

	"gigdesk/store"
	"gigdesk/store/demo"
	"gigdesk/store/testdb"
	"gigdesk/tui/common"
	"gigdesk/tui/i18n"
)

// now is a Saturday at closing time.
var now = time.Date(2026, 11, 28, 17, 30, 0, 0, store.Shanghai)

func init() { lipgloss.SetColorProfile(termenv.Ascii) }

func newCommon(t *testing.T, lang i18n.Lang) *common.Common {
	t.Helper()
	clock := func() time.Time { return now }
	s, err := store.Open(testdb.New(t, "station.db"), store.WithLocalDir(t.TempDir()), store.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	ctx := context.Background()
	if _, err := demo.Generate(ctx, s, demo.Defaults()); err != nil {
		t.Fatal(err)
	}
	st, err := s.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rec, err := s.Catalog(ctx)
	if err != nil {
		t.Fatal(err)
	}
	cat := i18n.New(lang)
	return &common.Common{Ctx: ctx, Store: s, Cat: cat, Styles: common.DefaultStyles(), Keys: common.DefaultKeyMap(cat.T),
		Now: clock, Settings: st, Records: rec, Staff: store.Staff{ID: 1}, Width: 80, Height: 24}
}

// run feeds msg to the screen and runs the commands it returns (loads, exports) to the end.
func run(t *testing.T, m common.Screen, msg tea.Msg) (common.Screen, []tea.Msg) {
	t.Helper()
	var out []tea.Msg
	queue := []tea.Msg{msg}
	for len(queue) > 0 {
		next := queue[0]
		queue = queue[1:]
		var cmd tea.Cmd
		m, cmd = m.Update(next)
		for _, got := range expand(cmd) {
			switch got.(type) {
			case loadedMsg, fairMsg, exportedMsg:
				queue = append(queue, got)
			default:
				out = append(out, got)
			}
		}
	}
	return m, out
}

func expand(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if b, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range b {
			out = append(out, expand(c)...)
		}
		return out
	}
	if msg == nil {
		return nil
	}
	return []tea.Msg{msg}
}

func start(t *testing.T, c *common.Common, w, h int) common.Screen {
	t.Helper()
	m := New(c)
	m.SetSize(w, h)
	var first tea.Msg = m.Init()()
	m, _ = run(t, m, first)
	return m
}

func keyMsg(s string) tea.KeyMsg {
	switch s {
	case "left":
		return tea.KeyMsg{Type: tea.KeyLeft}
	case "right":
		return tea.KeyMsg{Type: tea.KeyRight}
	case "down":
		return tea.KeyMsg{Type: tea.KeyDown}
	case "pgdown":
		return tea.KeyMsg{Type: tea.KeyPgDown}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}
}

func view(m common.Screen) string { return ansi.Strip(m.View()) }

func TestDayWeekMonthAndMoving(t *testing.T) {
	c := newCommon(t, i18n.Zh)
	m := start(t, c, 80, 19)
	v := view(m)
	for _, want := range []string{"日报 2026-11-28 周六", "新登记零工", "前一日", "前7日均", "满足率", "发布到派工"} {
		if !strings.Contains(v, want) {
			t.Fatalf("today's summary lacks %q:\n%s", want, v)
		}
	}
	if _, err := c.Store.DayFigures(context.Background(), "2026-11-28", "2026-11-28"); err != nil {
		t.Fatalf("DayFigures: %v", err)
	}
	if !strings.Contains(v, "派工") {
		t.Fatal("no dispatch line")
	}
	m, _ = run(t, m, keyMsg("left"))
	if v := view(m); !strings.Contains(v, "日报 2026-11-27 周五") {
		t.Fatalf("left did not go to yesterday:\n%s", v)
	}
	m, _ = run(t, m, keyMsg("right"))
	m, _ = run(t, m, keyMsg("right")) // no further than today
	if v := view(m); !strings.Contains(v, "日报 2026-11-28") {
		t.Fatalf("right went past today:\n%s", v)
	}
	m, _ = run(t, m, keyMsg("w"))
	if v := view(m); !strings.Contains(v, "周报 2026-11-23 至 2026-11-29") || !strings.Contains(v, "上周") {
		t.Fatalf("week view:\n%s", v)
	}
	m, _ = run(t, m, keyMsg("m"))
	if v := view(m); !strings.Contains(v, "月报 2026-11-01 至 2026-11-30") || !strings.Contains(v, "前7月均") {
		t.Fatalf("month view:\n%s", v)
	}
	m, _ = run(t, m, keyMsg("left"))
	if v := view(m); !strings.Contains(v, "月报 2026-10-01 至 2026-10-31") {
		t.Fatalf("previous month:\n%s", v)
	}
	m, _ = run(t, m, keyMsg("d"))
	if v := view(m); !strings.Contains(v, "日报 2026-10-28") {
		t.Fatalf("back to a day keeps the day of the month:\n%s", v)
	}
	m, _ = run(t, m, keyMsg("t"))
	if v := view(m); !strings.Contains(v, "日报 2026-11-28") {
		t.Fatalf("t goes back to today:\n%s", v)
	}
}

// A late answer to an older request never replaces what the newer one asked for.
func TestLateAnswerIsDropped(t *testing.T) {
	c := newCommon(t, i18n.Zh)
	m := start(t, c, 80, 19).(*Model)
	old := m.load() // request 2, for today
	m.Update(keyMsg("left"))
	newer := m.load() // request 4, for yesterday
	m.Update(newer())
	m.Update(old())
	if v := view(m); !strings.Contains(v, "2026-11-27") {
		t.Fatalf("the older answer replaced the newer:\n%s", v)
	}
}

func TestScrollsAt80x24AndFitsWidth(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.Zh, i18n.En} {
		c := newCommon(t, lang)
		for _, size := range [][2]int{{80, 19}, {160, 43}} {
			m := start(t, c, size[0], size[1]).(*Model)
			for i := 0; i < 20; i++ {
				v := m.View()
				lines := strings.Split(v, "\n")
				if len(lines) > size[1] {
					t.Fatalf("%s %v: %d lines", lang, size, len(lines))
				}
				for _, l := range lines {
					if w := lipgloss.Width(l); w > size[0] {
						t.Fatalf("%s %v: line of %d cells: %q", lang, size, w, ansi.Strip(l))
					}
				}
				m2, _ := run(t, m, keyMsg("pgdown"))
				m = m2.(*Model)
			}
			if size[0] == 80 {
				v := view(m)
				want := "按工种、按社区" // the last of the notes, wrapped whole
				if lang == i18n.En {
					want = "By trade and by community"
				}
				if !strings.Contains(v, want) || strings.Contains(v, "…") {
					t.Fatalf("%s: the end of the notes is not reachable by scrolling, or a note is cut:\n%s", lang, v)
				}
			}
		}
	}
}

func TestExportKeyWritesWorkbook(t *testing.T) {
	c := newCommon(t, i18n.Zh)
	m := start(t, c, 80, 19)
	_, msgs := run(t, m, keyMsg("e"))
	var last common.StatusMsg
	for _, msg := range msgs {
		if s, ok := msg.(common.StatusMsg); ok {
			last = s
		}
	}
	path := filepath.Join(filepath.Dir(c.Store.Path()), "exports", "日报-2026-11-28.xlsx")
	if last.Error || !strings.Contains(last.Text, filepath.Base(path)) {
		t.Fatalf("status %+v, want the path %s", last, path)
	}
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if sheets := x.GetSheetList(); len(sheets) < 5 || sheets[0] != "概况" {
		t.Fatalf("sheets %v", sheets)
	}
	// An export that cannot be written says so, in the footer, as an error.
	bad := filepath.Join(filepath.Dir(c.Store.Path()), "exports")
	os.RemoveAll(bad)
	os.WriteFile(bad, []byte("a file where the folder should be"), 0o600)
	_, msgs = run(t, m, keyMsg("e"))
	var failed bool
	for _, msg := range msgs {
		if s, ok := msg.(common.StatusMsg); ok && s.Error {
			failed = strings.Contains(s.Text, "无法写出文件")
		}
	}
	if !failed {
		t.Fatalf("no error shown for an unwritable export: %+v", msgs)
	}
}

// wrap makes a Screen a tea.Model for teatest, sized as the root sizes it (5 rows of chrome).
type wrap struct{ s common.Screen }

func (w wrap) Init() tea.Cmd { return w.s.Init() }
func (w wrap) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if ws, ok := msg.(tea.WindowSizeMsg); ok {
		w.s.SetSize(ws.Width, ws.Height-5)
		return w, nil
	}
	var cmd tea.Cmd
	w.s, cmd = w.s.Update(msg)
	return w, cmd
}
func (w wrap) View() string { return w.s.View() }

func TestSummaryGolden(t *testing.T) {
	for _, tc := range []struct {
		name string
		lang i18n.Lang
		want string
		// loaded is the 27th's title once its figures are in (while loading it says so instead)
		loaded string
	}{
		{"zh", i18n.Zh, "新登记零工", "2026-11-27 周五"},
		{"en", i18n.En, "Workers registered", "2026-11-27 Fri"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := newCommon(t, tc.lang)
			tm := teatest.NewTestModel(t, wrap{New(c)}, teatest.WithInitialTermSize(80, 24))
			teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return strings.Contains(string(b), "2026-11-28") },
				teatest.WithDuration(10*time.Second))
			tm.Send(tea.KeyMsg{Type: tea.KeyLeft})
			// The answer for the 27th has landed when its title is drawn with its weekday, and its
			// fairness section (which comes after) when the scroll line then reads as the golden's
			// last line does; not a fixed wait: on a loaded machine any sleep is too short.
			want, _ := os.ReadFile(filepath.Join("testdata", t.Name()+".golden"))
			last := string(want[strings.LastIndexByte(string(want), '\n')+1:])
			teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
				i := strings.Index(string(b), tc.loaded)
				return i >= 0 && strings.Contains(string(b[i:]), last)
			}, teatest.WithDuration(10*time.Second))
			if err := tm.Quit(); err != nil {
				t.Fatal(err)
			}
			final := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(wrap)
			v := ansi.Strip(final.View())
			if !strings.Contains(v, tc.want) {
				t.Fatalf("view:\n%s", v)
			}
			golden.RequireEqual(t, []byte(v))
		})
	}
}
