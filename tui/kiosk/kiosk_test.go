package kiosk

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"gigdesk/store"
	"gigdesk/store/demo"
	"gigdesk/store/valid"
	"gigdesk/tui/i18n"
	"gigdesk/tui/tuitest"
)

func init() { tuitest.PlainTerminal() }

var (
	kioskNow = time.Date(2026, 11, 28, 14, 30, 0, 0, store.Shanghai)
	testTime = tuitest.NewClock(kioskNow)
)

func clock() time.Time { return testTime.Now() }

func advance(d time.Duration) { testTime.Advance(d) }

// doorDemo is a busy station's demo data: at the default size nearly every job is filled,
// which leaves the door screen too little to page through.
var doorDemo = demo.Options{Workers: 5000, Employers: 600, Days: 3, Seed: 2}

// demoStore is a station filled by store/demo, with the clock back at kioskNow.
func demoStore(t *testing.T) *store.Store {
	t.Helper()
	testTime.Set(kioskNow)
	s, _ := tuitest.OpenStore(t, clock)
	if _, err := demo.Generate(context.Background(), s, doorDemo); err != nil {
		t.Fatal(err)
	}
	return s
}

func newKiosk(t *testing.T, s *store.Store, lang i18n.Lang, w, h int) *Model {
	t.Helper()
	m := New(tuitest.Shared(t, s, lang, clock))
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	m.Update(m.load()())
	if !m.loaded {
		t.Fatalf("door screen did not load: %s", m.err)
	}
	return m
}

// secrets is every piece of personal data in the database, read column by column.
func secrets(t *testing.T, s *store.Store) []string {
	t.Helper()
	ctx := context.Background()
	var out []string
	add := func(v string) {
		if v != "" && v != "NULL" {
			out = append(out, v)
		}
	}
	cols := map[string][]int{ // column positions in 0001_records.sql
		"workers":   {1, 4, 6},    // name, phone, id_number
		"employers": {2, 3, 4, 5}, // name, contact, phone, address
		"jobs":      {5},          // address
		"staff":     {1},          // name
	}
	for table, idx := range cols {
		rows, err := s.DumpTable(ctx, table)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			f := strings.Split(r, "|")
			for _, i := range idx {
				add(f[i])
				if table != "staff" && (i == 4 && table != "jobs") { // phones: masked too, and the tail in phone context
					if len(f[i]) >= 7 {
						add(valid.MaskPhone(f[i]))
						tail := f[i][len(f[i])-4:]
						add("*" + tail)
						add("尾号" + tail)
						add("尾号 " + tail)
					}
				}
				if table == "workers" && i == 6 && f[i] != "NULL" {
					add(valid.MaskID(f[i]))
				}
			}
		}
	}
	st, err := s.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	add(st.Address)
	return out
}

var (
	mobile = regexp.MustCompile(`1[3-9]\d{9}`)
	idNo   = regexp.MustCompile(`\d{17}[\dXx]`)
)

// TestDoorScreenShowsNoPersonalData renders every page and every ticker position of the door
// screen over demo data, at the smallest and at a large size, in both languages.
func TestDoorScreenShowsNoPersonalData(t *testing.T) {
	s := demoStore(t)
	secret := secrets(t, s)
	if len(secret) < 300 {
		t.Fatalf("only %d secrets read: the demo data is not what this test expects", len(secret))
	}
	b, err := s.PublicBoard(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Jobs) < 10 || b.FilledToday == 0 {
		t.Fatalf("demo data gives %d open jobs and %d filled today: too few to page through", len(b.Jobs), b.FilledToday)
	}
	for _, lang := range []i18n.Lang{i18n.Zh, i18n.En} {
		for _, size := range [][2]int{{80, 24}, {200, 60}} {
			t.Run(fmt.Sprintf("%s_%dx%d", lang, size[0], size[1]), func(t *testing.T) {
				m := newKiosk(t, s, lang, size[0], size[1])
				if size[0] == 80 && m.Pages() < 2 {
					t.Fatalf("%d jobs fit on one 80×24 page: paging is not exercised", len(b.Jobs))
				}
				var screens []string
				seen := map[int64]bool{}
				for p := range m.Pages() {
					if m.Page() != p {
						t.Fatalf("page %d shown, want %d", m.Page(), p)
					}
					for range len(b.JustFilled) {
						v := ansi.Strip(m.View())
						screens = append(screens, v)
						m.NextFill()
					}
					for _, j := range b.Jobs {
						if strings.Contains("\n"+screens[len(screens)-1], fmt.Sprintf("\n  %d ", j.ID)) {
							seen[j.ID] = true
						}
					}
					m.NextPage()
				}
				if len(seen) != len(b.Jobs) {
					t.Errorf("%d of %d open jobs appeared over %d pages", len(seen), len(b.Jobs), m.Pages())
				}
				screens = append(screens, m.Text())
				all := strings.Join(screens, "\n")
				for _, sec := range secret {
					if strings.Contains(all, sec) {
						t.Errorf("the door screen shows personal data %q", sec)
					}
				}
				if loc := mobile.FindString(all); loc != "" {
					t.Errorf("a mobile number %q is on the door screen", loc)
				}
				if loc := idNo.FindString(all); loc != "" {
					t.Errorf("an ID-like number %q is on the door screen", loc)
				}
				if strings.Contains(all, "*") {
					t.Error("something masked (*) is on the door screen")
				}
				for _, want := range []string{"后街零工市场", "023-68781526"} {
					if !strings.Contains(all, want) {
						t.Errorf("the station's %q is missing", want)
					}
				}
				for i, l := range strings.Split(screens[0], "\n") {
					if w := lipgloss.Width(l); w > size[0] {
						t.Errorf("line %d is %d cells wide at %d columns", i, w, size[0])
					}
				}
				if n := strings.Count(screens[0], "\n") + 1; n != size[1] {
					t.Errorf("the screen is %d lines, want exactly %d", n, size[1])
				}
			})
		}
	}
}

func TestDoorScreenIgnoresStrayKeysAndExitsOnCtrlQTwice(t *testing.T) {
	s := demoStore(t)
	m := newKiosk(t, s, i18n.Zh, 80, 24)
	stray := []tea.KeyMsg{
		{Type: tea.KeyCtrlC}, {Type: tea.KeyEsc}, {Type: tea.KeyEnter}, {Type: tea.KeyF10}, {Type: tea.KeyCtrlZ},
		{Type: tea.KeyRunes, Runes: []rune("q")}, {Type: tea.KeyRunes, Runes: []rune("张三")}, {Type: tea.KeyCtrlX},
	}
	before := ansi.Strip(m.View())
	for _, k := range stray {
		if _, cmd := m.Update(k); cmd != nil {
			t.Errorf("stray key %s did something", k)
		}
	}
	if ansi.Strip(m.View()) != before {
		t.Error("stray keys changed the screen")
	}
	quit := func(cmd tea.Cmd) bool {
		if cmd == nil {
			return false
		}
		_, ok := cmd().(tea.QuitMsg)
		return ok
	}
	ctrlQ := tea.KeyMsg{Type: tea.KeyCtrlQ}
	if _, cmd := m.Update(ctrlQ); quit(cmd) || !m.Armed() {
		t.Fatal("one Ctrl+Q quit, or did not ask for the second")
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, "2 秒内再按一次 Ctrl+Q 退出") {
		t.Errorf("armed state not shown:\n%s", v)
	}
	advance(3 * time.Second) // too slow: the first press expires
	m.Update(tickMsg{elapsed: TickerStep})
	if m.Armed() {
		t.Fatal("the first Ctrl+Q did not expire")
	}
	if _, cmd := m.Update(ctrlQ); quit(cmd) {
		t.Fatal("Ctrl+Q after 3 s quit")
	}
	advance(time.Second)
	if _, cmd := m.Update(ctrlQ); !quit(cmd) {
		t.Fatal("Ctrl+Q twice within 2 s did not quit")
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, "Ctrl+Q") {
		t.Errorf("the last line does not say how to exit:\n%s", v)
	}
}

func TestDoorScreenPagesAndReloadsByItself(t *testing.T) {
	s := demoStore(t)
	m := newKiosk(t, s, i18n.Zh, 80, 24)
	start := m.Page()
	for range int(PageEvery / TickerStep) {
		m.Update(tickMsg{elapsed: TickerStep})
	}
	if m.Page() != (start+1)%m.Pages() {
		t.Fatalf("after %v the page is %d, want %d", PageEvery, m.Page(), start+1)
	}
	// A changed file makes the next tick reload.
	_, cmd := m.Update(tickMsg{elapsed: Tick, changed: true})
	if !m.loading || cmd == nil {
		t.Fatal("a change did not start a reload")
	}
}

// TestDoorScreenGolden keeps the first page at 80×24 in both languages.
func TestDoorScreenGolden(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.Zh, i18n.En} {
		t.Run(string(lang), func(t *testing.T) {
			s := demoStore(t)
			m := newKiosk(t, s, lang, 80, 24)
			golden.RequireEqual(t, []byte(m.View()))
		})
	}
}
