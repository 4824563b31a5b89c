// Package staff chooses the staff member on duty: a name, then their PIN (or, the first time,
// a new PIN typed twice). It is also the idle lock, asking the PIN of whoever is on duty.
//
// It reports ChosenMsg and leaves it to the root to put that person on duty; stored PINs are
// checked only by the store (StaffSignIn), and the lock never opens without one.
package staff

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"gigdesk/store"
	"gigdesk/store/demo"
	"gigdesk/tui/common"
)

// ChosenMsg reports the staff member now on duty, their PIN checked.
type ChosenMsg struct{ Staff store.Staff }

type loadedMsg struct {
	staff []store.Staff
	err   error
}

type addedMsg struct {
	staff store.Staff
	err   error
}

type signedInMsg struct {
	staff store.Staff
	err   error
}

type pinSetMsg struct {
	staff store.Staff
	err   error
}

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

func (m *Model) load() tea.Msg {
	list, err := m.c.Store.ListStaff(m.c.Ctx)
	return loadedMsg{staff: list, err: err}
}

func (m *Model) Init() tea.Cmd {
	if m.lock {
		return m.pin.Focus()
	}
	return m.load
}

// ask moves to the PIN of st: typing it, or choosing one when they have none yet.
func (m *Model) ask(st store.Staff) tea.Cmd {
	m.chosen, m.err, m.first = st, "", ""
	m.pin.Reset()
	m.step = stepPIN
	if !st.HasPIN {
		m.step = stepNewPIN
	}
	return m.pin.Focus()
}

func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		m.list, m.err = msg.staff, m.c.Cat.Err(msg.err)
		m.cursor = min(m.cursor, max(len(m.list)-1, 0))
		return m, nil
	case addedMsg:
		m.busy = false
		if msg.err != nil {
			m.err = m.c.Cat.Err(msg.err)
			return m, nil
		}
		m.input.Reset()
		m.input.Blur()
		return m, tea.Batch(m.load, m.ask(msg.staff))
	case signedInMsg:
		m.busy = false
		m.pin.Reset()
		if msg.err != nil {
			if e := store.AsError(msg.err); e != nil && e.Key == "pin.not_set" {
				return m, m.ask(msg.staff)
			}
			m.err = m.pinErr(msg.err)
			return m, nil
		}
		return m, chosen(msg.staff)
	case pinSetMsg:
		m.busy = false
		if msg.err != nil {
			m.err = m.c.Cat.Err(msg.err)
			m.step, m.first = stepNewPIN, ""
			m.pin.Reset()
			return m, nil
		}
		st := msg.staff
		st.HasPIN = true
		return m, tea.Batch(chosen(st), common.Status(m.c.T("pin.set_done"), false))
	case tea.KeyMsg:
		if m.busy {
			return m, nil
		}
		return m.key(msg)
	}
	return m, nil
}

func chosen(st store.Staff) tea.Cmd { return func() tea.Msg { return ChosenMsg{Staff: st} } }

// pinErr words a sign-in failure, with the tries left or the seconds to wait.
func (m *Model) pinErr(err error) string {
	if e := store.AsError(err); e != nil {
		switch e.Key {
		case "pin.wrong":
			return m.c.T("pin.wrong_left", e.Ref)
		case "pin.locked":
			return m.c.T("pin.locked_for", e.Ref)
		}
	}
	return m.c.Cat.Err(err)
}

func (m *Model) key(msg tea.KeyMsg) (common.Screen, tea.Cmd) {
	k := m.c.Keys
	switch m.step {
	case stepAdd:
		switch {
		case key.Matches(msg, k.Back):
			m.step, m.err = stepList, ""
			m.input.Blur()
			return m, nil
		case key.Matches(msg, k.Select):
			name, by, s, ctx := m.input.Value(), m.c.Staff.ID, m.c.Store, m.c.Ctx
			m.busy = true
			return m, func() tea.Msg {
				st, err := s.AddStaff(ctx, by, name, store.RoleStaff)
				return addedMsg{staff: st, err: err}
			}
		}
		var cmd tea.Cmd
		m.input, cmd = m.input.Update(msg)
		return m, cmd
	case stepPIN, stepNewPIN, stepAgain:
		switch {
		case key.Matches(msg, k.Back):
			if m.lock {
				return m, nil // the lock opens only with a PIN (or F8 for someone else)
			}
			m.step, m.err = stepList, ""
			m.pin.Blur()
			return m, nil
		case key.Matches(msg, k.Select):
			return m.enterPIN()
		}
		var cmd tea.Cmd
		m.pin, cmd = m.pin.Update(msg)
		return m, cmd
	}
	switch {
	case key.Matches(msg, k.Up):
		m.cursor = max(m.cursor-1, 0)
	case key.Matches(msg, k.Down):
		m.cursor = min(m.cursor+1, max(len(m.list)-1, 0))
	case key.Matches(msg, m.add) && m.c.Staff.Role == store.RoleHead:
		m.step, m.err = stepAdd, ""
		return m, m.input.Focus()
	case key.Matches(msg, m.add):
		m.err = m.c.Cat.Err(&store.Error{Code: store.Conflict, Key: "staff.head_only"})
	case key.Matches(msg, k.Select):
		if m.cursor < len(m.list) {
			return m, m.ask(m.list[m.cursor])
		}
	default:
		// a digit picks that line, as staff read the list aloud
		if r := msg.String(); len(r) == 1 && r[0] >= '1' && r[0] <= '9' {
			if i := int(r[0] - '1'); i < len(m.list) {
				m.cursor = i
				return m, m.ask(m.list[i])
			}
		}
	}
	return m, nil
}

func (m *Model) enterPIN() (common.Screen, tea.Cmd) {
	pin := m.pin.Value()
	if err := store.ValidPIN(pin); err != nil {
		m.err = m.c.Cat.Err(err)
		return m, nil
	}
	s, ctx, st := m.c.Store, m.c.Ctx, m.chosen
	switch m.step {
	case stepNewPIN:
		m.first, m.err = pin, ""
		m.step = stepAgain
		m.pin.Reset()
		return m, nil
	case stepAgain:
		if pin != m.first {
			m.err = m.c.T("pin.mismatch")
			m.step, m.first = stepNewPIN, ""
			m.pin.Reset()
			return m, nil
		}
		m.busy = true
		return m, func() tea.Msg { return pinSetMsg{staff: st, err: s.SetPIN(ctx, st.ID, st.ID, pin)} }
	}
	m.busy = true
	return m, func() tea.Msg {
		got, err := s.StaffSignIn(ctx, st.ID, pin)
		if err != nil {
			got = st
		}
		return signedInMsg{staff: got, err: err}
	}
}

func (m *Model) View() string {
	s := m.c.Styles
	var b strings.Builder
	switch {
	case m.lock:
		b.WriteString(s.Title.Render(m.c.T("lock.title")) + "\n")
		b.WriteString(s.Subtle.Render(m.c.T("lock.intro", m.idleMin)) + "\n\n")
		b.WriteString(m.c.T("lock.on_duty", m.chosen.Name) + "\n")
	case m.step == stepPIN || m.step == stepNewPIN || m.step == stepAgain:
		b.WriteString(s.Title.Render(m.c.T("staff.title")) + "\n\n")
		if m.step == stepPIN {
			b.WriteString(m.c.T("pin.title", m.chosen.Name) + "\n")
		} else {
			b.WriteString(m.c.T("pin.new_title", m.chosen.Name) + "\n")
		}
	default:
		b.WriteString(s.Title.Render(m.c.T("staff.title")) + "\n")
		b.WriteString(s.Subtle.Render(m.c.T("staff.intro")) + "\n\n")
		rows := max(m.height-8, 3)
		top := max(0, m.cursor-rows+1)
		for i := top; i < len(m.list) && i < top+rows; i++ {
			st := m.list[i]
			line := fmt.Sprintf(" %d  %s  %s ", i+1, st.Name, s.Subtle.Render(m.c.T("staff.role."+string(st.Role))))
			if i == m.cursor && m.step == stepList {
				line = s.RowActive.Render(line)
			}
			b.WriteString(line + "\n")
		}
		b.WriteString("\n")
		if m.step == stepAdd {
			b.WriteString(s.Label.Render(m.c.T("staff.new_name")) + "\n" + m.input.View() + "\n")
		} else if m.c.Staff.Role == store.RoleHead {
			b.WriteString(s.Subtle.Render("+ " + m.c.T("staff.add")))
		}
	}
	if m.step != stepList && m.step != stepAdd {
		label := "pin.prompt"
		switch m.step {
		case stepNewPIN:
			label = "pin.new"
		case stepAgain:
			label = "pin.again"
		}
		b.WriteString("\n" + s.Label.Render(m.c.T(label)) + "\n" + m.pin.View() + "\n")
		if m.lock {
			b.WriteString("\n" + s.Subtle.Render(m.c.T("lock.other")) + "\n")
		} else {
			b.WriteString("\n" + s.Subtle.Render(m.c.T("pin.hint")) + "\n")
		}
		if m.c.Demo && m.step == stepPIN {
			b.WriteString(s.Subtle.Render(m.c.T("pin.demo_hint", demo.PIN)) + "\n")
		}
	}
	if m.err != "" {
		b.WriteString("\n" + s.Error.Render(m.err))
	}
	return lipgloss.NewStyle().Padding(1, 2).Render(b.String())
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
func (m *Model) Capturing() bool           { return m.step != stepList }
func (m *Model) Dirty() bool               { return m.step == stepAdd && m.input.Value() != "" }

// Locked reports whether this is the idle lock.
func (m *Model) Locked() bool { return m.lock }
