// Package tuitest drives Bubble Tea models in tests the way the program loop would.
package tuitest

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/cursor"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"gigdesk/store"
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

// Station opens a fresh station database in a temporary folder with the clock stopped at now,
// and returns the shared context a screen is handed, in lang, with plain (colourless) styles.
func Station(t testing.TB, lang i18n.Lang, now time.Time) *common.Common {
	t.Helper()
	lipgloss.SetColorProfile(termenv.Ascii)
	clock := func() time.Time { return now }
	s, err := store.Open(filepath.Join(t.TempDir(), "gigdesk.db"), store.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	rec, err := s.Catalog(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	cat := i18n.New(lang)
	return &common.Common{Ctx: context.Background(), Store: s, Cat: cat, Styles: common.DefaultStyles(),
		Keys: common.DefaultKeyMap(cat.T), Now: clock, Records: rec}
}
