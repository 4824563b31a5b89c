// Package common is what every screen is handed: the store, the clock, the catalogue,
// styles, keys, the staff member on duty and the window size, plus the few messages and
// helpers (cells, inputs, scrolling, pending writes) every screen speaks.
//
// It imports no screen and holds no screen's state; it never writes SQL, and nothing in it is
// mutable at package level (each session builds its own Common).
package common

import (
	"context"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/store/oplog"
	"gigdesk/tui/i18n"
)

// Common is shared by the root model and every screen; screens hold a pointer to it.
type Common struct {
	Ctx      context.Context
	Store    *store.Store
	Cat      *i18n.Catalog
	Styles   *Styles
	Keys     *KeyMap
	Now      func() time.Time
	Staff    store.Staff // on duty; ID 0 until chosen
	Settings store.Settings
	Records  *store.Catalog // trades and places
	Demo     bool
	Log      *oplog.Log // the operations log (Admin reads its last errors); may be nil
	Width    int
	Height   int
	// LastJob is the job last saved at this desk: Match opens it when shown with none open.
	LastJob int64
	// HostKey is the fingerprint of gigdesk serve's host key (Admin shows it for the counters
	// to check); "" while this station has never served.
	HostKey string
	// Counter is the counter this session comes from over SSH; "" at the station PC itself.
	Counter string
}

// T is a shortcut for the catalogue.
func (c *Common) T(key string, args ...any) string { return c.Cat.T(key, args...) }

// Clock is now in the station's time zone.
func (c *Common) Clock() time.Time { return c.Now().In(c.Store.Location()) }

// Screen is one page of the app: a Bubble Tea model sized by the root, with its own keys.
type Screen interface {
	Init() tea.Cmd
	Update(tea.Msg) (Screen, tea.Cmd)
	View() string
	SetSize(width, height int)
	ShortHelp() []key.Binding
	FullHelp() [][]key.Binding
	// Capturing is true while the screen takes typed text, so single-letter global keys stay off.
	Capturing() bool
	// Dirty is true while a form holds input that has not been saved.
	Dirty() bool
}

// Legend is a screen whose lists carry marks: the help overlay explains them.
type Legend interface{ Legend() string }

// ShownMsg tells a page it was just brought up with its F-key or tab: it may act on what
// changed elsewhere meanwhile (Match opens the job just taken on the phone).
type ShownMsg struct{}

// Page identifies a screen of the app.
type Page int

const (
	PageRegister Page = iota
	PageJobs
	PageBoard
	PageMatch
	PageSummary
	PageFair // job fairs (F7: F6 is the head's Admin area)
	PageCount
)

// TabKeys are the catalogue keys of the tabs, in page order.
var TabKeys = [PageCount]string{"tab.register", "tab.jobs", "tab.board", "tab.match", "tab.summary", "tab.fair"}

// FKeys are the pages' function keys, in page order.
var FKeys = [PageCount]string{"F1", "F2", "F3", "F4", "F5", "F7"}

// GotoMsg asks the root to show a page; Job, when set, is the job it should open (Match).
type GotoMsg struct {
	Page Page
	Job  int64
}

// Goto returns a command that switches pages.
func Goto(p Page, job int64) tea.Cmd {
	return func() tea.Msg { return GotoMsg{Page: p, Job: job} }
}

// StatusMsg puts one line in the footer for a while (saved, errors).
type StatusMsg struct {
	Text  string
	Error bool
}

// Status returns a command that shows text in the footer.
func Status(text string, isErr bool) tea.Cmd {
	return func() tea.Msg { return StatusMsg{Text: text, Error: isErr} }
}

// ChangedMsg tells every screen that records changed (after a save), so lists reload.
type ChangedMsg struct{}

// StationChangedMsg says the board's watcher heard a change to the database, made here or by
// another desk or process; the Match screen reloads the job it shows, so a worker's request
// at the self-service terminal appears on it within a second, and the job fair's page its
// firms and its door (a second desk signing people in at the same fair). The root hands it to
// every screen, as ChangedMsg; the others pass it by.
type StationChangedMsg struct{}

// Owned is a message that belongs to one screen (its timers, its loads): the root hands it to
// that screen even while another page or the staff chooser is shown, so the screen's own
// tick keeps running.
type Owned interface {
	Owner() Page
}
