// Package self is the worker's own terminal (gigdesk self, 零工自助服务一体机): a worker types
// their phone and self-service PIN, then signs in for the day, looks at the jobs that fit
// them and asks for one, or withdraws a request; a newcomer pre-registers. One decision per
// screen, every choice a big button that can be tapped (or pressed by its key).
//
// It shows nothing of anyone but the worker signed in, and that only masked or as they typed
// it; the screen forgets the worker after every finished action and after IdleClear without
// a touch. It writes only through the store's self-service calls, never SQL.
//
// model.go holds the state, update.go the keys, taps and answers, load.go the store calls,
// layout.go the blocks and buttons, steps.go what each step shows, prereg.go pre-registration.
package self

import (
	"time"

	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/tui/common"
)

// Timing of the terminal.
const (
	IdleClear = 30 * time.Second // untouched this long, the screen forgets everything
	DoneFor   = 10 * time.Second // a result stays this long (or until a tap)
	Tick      = time.Second
)

// step is the one decision the screen asks for now.
type step int

const (
	stepPhone step = iota
	stepPIN
	stepMenu
	stepJobs     // the jobs that fit
	stepMine     // my standing requests
	stepJob      // one job: ask for it, or withdraw
	stepDone     // the result of a finished action
	stepRegName  // pre-registration: name
	stepRegPhone // … phone
	stepRegTrades
	stepRegPlace
	stepRegCheck
)

// session is everything the screen holds about the person at it; clear drops all of it.
type session struct {
	step   step
	digits string // the phone or PIN being typed
	msg    string // one line under the question
	msgErr bool

	candidate int64  // the worker whose phone was typed, before the PIN
	worker    int64  // signed in with the PIN
	who       string // their name, masked

	jobs []store.JobForMe // the list shown (jobs for me or my requests)
	page int
	job  store.JobForMe // the job open on stepJob
	mine bool           // the list is my requests

	done     string // the result shown on stepDone
	doneAt   time.Time
	busy     bool // a store call is on its way
	reg      prereg
	focus    int
	lastSeen time.Time
}

// Model is the terminal; run it as the program's only model.
type Model struct {
	c      *common.Common
	width  int
	height int
	rec    *store.Catalog
	req    int // numbers every store call: an answer for a cleared session is dropped
	name   textinput.Model
	armed  time.Time // the first Ctrl+Q of the two that end the terminal
	session
}

// New returns the terminal. c needs Store, Cat, Styles, Keys, Now and Ctx; Records may be nil
// (it is read on start).
func New(c *common.Common) *Model {
	m := &Model{c: c, width: 80, height: 24, rec: c.Records}
	m.name = common.NewInput()
	m.name.CharLimit = 20
	m.clear()
	return m
}

func (m *Model) Init() tea.Cmd { return tea.Batch(m.loadCatalog(), m.tick()) }

// clear forgets the person at the screen: back to the phone, nothing of theirs kept.
func (m *Model) clear() {
	m.req++
	m.session = session{lastSeen: m.c.Now(), focus: -1}
	m.name.Reset()
	m.name.Blur()
}

// Step names the step shown, for tests.
func (m *Model) Step() string { return stepNames[m.step] }

var stepNames = map[step]string{stepPhone: "phone", stepPIN: "pin", stepMenu: "menu", stepJobs: "jobs", stepMine: "mine",
	stepJob: "job", stepDone: "done", stepRegName: "reg-name", stepRegPhone: "reg-phone", stepRegTrades: "reg-trades",
	stepRegPlace: "reg-place", stepRegCheck: "reg-check"}

// SignedIn is the worker signed in at the screen, 0 for none.
func (m *Model) SignedIn() int64 { return m.worker }

func (m *Model) tick() tea.Cmd {
	return tea.Tick(Tick, func(time.Time) tea.Msg { return tickMsg{} })
}

// idle clears the screen after IdleClear untouched, and a result after DoneFor.
func (m *Model) idle() {
	now := m.c.Now()
	switch {
	case m.step == stepDone && now.Sub(m.doneAt) >= DoneFor:
		m.clear()
	case now.Sub(m.lastSeen) >= IdleClear && !m.blank():
		m.clear()
		m.msg = m.c.T("self.cleared")
	}
}

// blank reports whether the screen holds nothing of anyone.
func (m *Model) blank() bool {
	return m.step == stepPhone && m.digits == "" && m.candidate == 0 && m.worker == 0 && (m.msg == "" || m.msg == m.c.T("self.cleared"))
}
