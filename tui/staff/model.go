// Package staff chooses the staff member on duty: a name, then their PIN (or, the first time,
// a new PIN typed twice). It is also the idle lock, asking the PIN of whoever is on duty.
//
// It reports ChosenMsg and leaves it to the root to put that person on duty; stored PINs are
// checked only by the store (StaffSignIn), and the lock never opens without one.
//
// model.go holds the state, update.go the messages and the list's and new name's keys,
// pin.go the PIN steps, load.go the store calls and view.go the rendering.
package staff

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/tui/common"
)

// ChosenMsg reports the staff member now on duty, their PIN checked.
type ChosenMsg struct{ Staff store.Staff }

type step int

const (
	stepList   step = iota
	stepAdd         // typing a new staff member's name (head on duty only)
	stepPIN         // typing the PIN of the chosen name
	stepNewPIN      // choosing a PIN: first entry
	stepAgain       // choosing a PIN: the same again
)

// Model lists the staff; Enter or a digit chooses, then the PIN is asked.
type Model struct {
	c       *common.Common
	list    []store.Staff
	cursor  int
	step    step
	chosen  store.Staff
	first   string // the new PIN's first entry
	input   textinput.Model
	pin     textinput.Model
	err     string
	busy    bool
	lock    bool // the idle lock: only the staff on duty, F8 opens the full list
	idleMin int
	width   int
	height  int
	add     key.Binding
}

// New returns the staff picker.
func New(c *common.Common) *Model {
	in := common.NewInput()
	in.CharLimit = 30
	in.Placeholder = c.T("staff.new_name")
	pin := common.NewInput()
	pin.CharLimit = store.PINMaxLen
	pin.EchoMode = textinput.EchoPassword
	pin.EchoCharacter = '•'
	pin.Prompt = "> "
	return &Model{c: c, input: in, pin: pin,
		add: key.NewBinding(key.WithKeys("+", "insert"), key.WithHelp("+", c.T("staff.add")))}
}

// NewLock returns the idle lock for the staff member on duty, locked after idle minutes.
func NewLock(c *common.Common, idle int) *Model {
	m := New(c)
	m.lock, m.idleMin = true, idle
	m.ask(c.Staff)
	return m
}

func (m *Model) Init() tea.Cmd {
	if m.lock {
		return m.pin.Focus()
	}
	return m.load
}

func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.input.Width = min(30, max(w-10, 10))
	m.pin.Width = store.PINMaxLen + 2
}

func (m *Model) ShortHelp() []key.Binding {
	k := m.c.Keys
	switch m.step {
	case stepAdd:
		return []key.Binding{k.Select, k.Back}
	case stepPIN, stepNewPIN, stepAgain:
		if m.lock {
			return []key.Binding{k.Select, k.Staff}
		}
		return []key.Binding{k.Select, k.Back}
	}
	if m.c.Staff.Role == store.RoleHead {
		return []key.Binding{k.Up, k.Down, k.Select, m.add}
	}
	return []key.Binding{k.Up, k.Down, k.Select}
}

func (m *Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }

func (m *Model) Capturing() bool { return m.step != stepList }

func (m *Model) Dirty() bool { return m.step == stepAdd && m.input.Value() != "" }

// Locked reports whether this is the idle lock.
func (m *Model) Locked() bool { return m.lock }
