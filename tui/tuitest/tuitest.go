// Package tuitest is what the screens' tests share: a driver that runs a model's commands the
// way the Bubble Tea loop would, typed text as an input method sends it, a clock a test can
// move, and a fresh station database with the shared context a screen is handed.
//
// It is for tests only: nothing outside *_test.go files imports it, and it holds no state
// between tests (each gets its own temporary database).
package tuitest

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/cursor"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"
	"github.com/muesli/termenv"

	"gigdesk/store"
	"gigdesk/store/testdb"
	"gigdesk/tui/common"
	"gigdesk/tui/i18n"
)

// Quiet is how long Run waits for an answer before it takes what is still running for a timer
// (clock ticks, live polls, debounces left behind). It is generous because a write that fsyncs
// can take several hundred milliseconds on a loaded CI machine.
var Quiet = 1500 * time.Millisecond

// Run executes cmd and every command its messages lead to, concurrently. Batches are unpacked and
// cursor blinks dropped; every other message goes to handle, which returns the next command. It returns when nothing is
// left running, when nothing has answered for Quiet, or at a tea.QuitMsg (reported as true).
func Run(cmd tea.Cmd, handle func(tea.Msg) tea.Cmd) (quit bool) {
	results := make(chan tea.Msg, 256)
	pending := 0
	launch := func(c tea.Cmd) {
		if c != nil {
			pending++
			go func() { results <- c() }()
		}
	}
	launch(cmd)
	for steps := 0; pending > 0 && steps < 500; steps++ {
		select {
		case msg := <-results:
			pending--
			switch msg := msg.(type) {
			case nil:
			case tea.BatchMsg:
				for _, c := range msg {
					launch(c)
				}
			case tea.QuitMsg:
				return true
			case cursor.BlinkMsg:
				// a blinking cursor (huh's fields still blink) would keep the loop busy for ever
			default:
				launch(handle(msg))
			}
		case <-time.After(Quiet):
			return false
		}
	}
	return false
}

// Runes is what a terminal's input method sends for typed text, Chinese included.
func Runes(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

// PlainTerminal draws as the goldens were made: no colours, and box-drawing characters one
// cell wide whatever the locale (as the root sets at start-up).
func PlainTerminal() {
	lipgloss.SetColorProfile(termenv.Ascii)
	runewidth.DefaultCondition.EastAsianWidth = false
}

// Clock is a clock a test sets and moves while screens read it from their commands' goroutines.
type Clock struct {
	mu  sync.Mutex
	now time.Time
}

// NewClock is a Clock stopped at now.
func NewClock(now time.Time) *Clock { return &Clock{now: now} }

// Now is the clock's time; pass c.Now as a screen's or the store's clock.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Set stops the clock at now.
func (c *Clock) Set(now time.Time) {
	c.mu.Lock()
	c.now = now
	c.mu.Unlock()
}

// Advance moves the clock on by d.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// OpenStore opens a fresh station database (store/testdb: a temp file, or on PostgreSQL a new
// database when GIGDESK_TEST_PG is set) on clock, closed when the
// test ends, and returns it with its path.
func OpenStore(t testing.TB, clock func() time.Time) (*store.Store, string) {
	t.Helper()
	path := testdb.New(t)
	s, err := store.Open(path, store.WithClock(clock), store.WithLocalDir(t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

// Shared is the shared context a screen is handed over s, in lang, on clock, with the
// station's records loaded and plain (colourless) styles.
func Shared(t testing.TB, s *store.Store, lang i18n.Lang, clock func() time.Time) *common.Common {
	t.Helper()
	rec, err := s.Catalog(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	cat := i18n.New(lang)
	return &common.Common{Ctx: context.Background(), Store: s, Cat: cat, Styles: common.DefaultStyles(),
		Keys: common.DefaultKeyMap(cat.T), Now: clock, Records: rec}
}

// Station opens a fresh station database in a temporary folder with the clock stopped at now,
// and returns the shared context a screen is handed, in lang, with plain (colourless) styles.
func Station(t testing.TB, lang i18n.Lang, now time.Time) *common.Common {
	t.Helper()
	lipgloss.SetColorProfile(termenv.Ascii)
	clock := func() time.Time { return now }
	s, _ := OpenStore(t, clock)
	return Shared(t, s, lang, clock)
}

// Screen drives one screen as the root would: it runs the commands its messages lead to and
// keeps, instead of feeding back, the messages meant for the root (those keep picks out).
type Screen struct {
	t    testing.TB
	M    common.Screen
	keep func(tea.Msg) bool
	Kept []tea.Msg // what keep picked out, in order
}

// NewScreen sizes m to w×h, runs its Init and returns the driver.
func NewScreen(t testing.TB, m common.Screen, w, h int, keep func(tea.Msg) bool) *Screen {
	t.Helper()
	d := &Screen{t: t, M: m, keep: keep}
	m.SetSize(w, h)
	d.run(m.Init())
	return d
}

// Send delivers each message in turn and runs what it leads to.
func (d *Screen) Send(msgs ...tea.Msg) {
	d.t.Helper()
	for _, msg := range msgs {
		var cmd tea.Cmd
		d.M, cmd = d.M.Update(msg)
		d.run(cmd)
	}
}

// Type sends s as typed text.
func (d *Screen) Type(s string) { d.t.Helper(); d.Send(Runes(s)) }

// Press sends keys of the given types (Enter, Esc, arrows…).
func (d *Screen) Press(keys ...tea.KeyType) {
	d.t.Helper()
	for _, k := range keys {
		d.Send(tea.KeyMsg{Type: k})
	}
}

// View is the screen as a person reads it: the rendering without colours or styles.
func (d *Screen) View() string { return ansi.Strip(d.M.View()) }

func (d *Screen) run(cmd tea.Cmd) {
	Run(cmd, func(msg tea.Msg) tea.Cmd {
		if d.keep != nil && d.keep(msg) {
			d.Kept = append(d.Kept, msg)
			return nil
		}
		var next tea.Cmd
		d.M, next = d.M.Update(msg)
		return next
	})
}
