// Package staff chooses the staff member on duty, and adds one.
package staff

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"gigdesk/store"
	"gigdesk/tui/common"
)

// ChosenMsg reports the staff member now on duty.
type ChosenMsg struct{ Staff store.Staff }

type loadedMsg struct {
	staff []store.Staff
	err   error
}

type addedMsg struct {
	staff store.Staff
	err   error
}

// Model lists the staff; Enter chooses, "+" adds a new one.
type Model struct {
	c      *common.Common
	list   []store.Staff
	cursor int
	adding bool
	input  textinput.Model
	err    string
	width  int
	height int
	add    key.Binding
}

// New returns the staff picker.
func New(c *common.Common) *Model {
	in := textinput.New()
	in.CharLimit = 30
	in.Placeholder = c.T("staff.new_name")
	return &Model{c: c, input: in,
		add: key.NewBinding(key.WithKeys("+", "insert"), key.WithHelp("+", c.T("staff.add")))}
}

func (m *Model) load() tea.Msg {
	list, err := m.c.Store.ListStaff(m.c.Ctx)
	return loadedMsg{staff: list, err: err}
}

func (m *Model) Init() tea.Cmd { return m.load }

func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	k := m.c.Keys
	switch msg := msg.(type) {
	case loadedMsg:
		m.list, m.err = msg.staff, m.c.Cat.Err(msg.err)
		m.cursor = min(m.cursor, max(len(m.list)-1, 0))
		return m, nil
	case addedMsg:
		if msg.err != nil {
			m.err = m.c.Cat.Err(msg.err)
			return m, nil
		}
		m.adding, m.err = false, ""
		m.input.Reset()
		m.input.Blur()
		return m, func() tea.Msg { return ChosenMsg{Staff: msg.staff} }
	case tea.KeyMsg:
		if m.adding {
			switch {
			case key.Matches(msg, k.Back):
				m.adding, m.err = false, ""
				m.input.Blur()
				return m, nil
			case key.Matches(msg, k.Select):
				name, by, s, ctx := m.input.Value(), m.c.Staff.ID, m.c.Store, m.c.Ctx
				return m, func() tea.Msg {
					st, err := s.AddStaff(ctx, by, name, store.RoleStaff)
					return addedMsg{staff: st, err: err}
				}
			}
			var cmd tea.Cmd
			m.input, cmd = m.input.Update(msg)
			return m, cmd
		}
		switch {
		case key.Matches(msg, k.Up):
			m.cursor = max(m.cursor-1, 0)
		case key.Matches(msg, k.Down):
			m.cursor = min(m.cursor+1, max(len(m.list)-1, 0))
		case key.Matches(msg, m.add):
			m.adding, m.err = true, ""
			return m, m.input.Focus()
		case key.Matches(msg, k.Select):
			if m.cursor < len(m.list) {
				st := m.list[m.cursor]
				return m, func() tea.Msg { return ChosenMsg{Staff: st} }
			}
		default:
			// a digit picks that line, as staff read the list aloud
			if r := msg.String(); len(r) == 1 && r[0] >= '1' && r[0] <= '9' {
				if i := int(r[0] - '1'); i < len(m.list) {
					st := m.list[i]
					return m, func() tea.Msg { return ChosenMsg{Staff: st} }
				}
			}
		}
	}
	return m, nil
}

func (m *Model) View() string {
	s := m.c.Styles
	var b strings.Builder
	b.WriteString(s.Title.Render(m.c.T("staff.title")) + "\n")
	b.WriteString(s.Subtle.Render(m.c.T("staff.intro")) + "\n\n")
	for i, st := range m.list {
		line := fmt.Sprintf(" %d  %s  %s ", i+1, st.Name, s.Subtle.Render(m.c.T("staff.role."+string(st.Role))))
		if i == m.cursor && !m.adding {
			line = s.RowActive.Render(line)
		}
		b.WriteString(line + "\n")
	}
	b.WriteString("\n")
	if m.adding {
		b.WriteString(s.Label.Render(m.c.T("staff.new_name")) + "\n" + m.input.View() + "\n")
	} else {
		b.WriteString(s.Subtle.Render("+ " + m.c.T("staff.add")))
	}
	if m.err != "" {
		b.WriteString("\n" + s.Error.Render(m.err))
	}
	return lipgloss.NewStyle().Padding(1, 2).Render(b.String())
}

func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.input.Width = min(30, max(w-10, 10))
}

func (m *Model) ShortHelp() []key.Binding {
	k := m.c.Keys
	if m.adding {
		return []key.Binding{k.Select, k.Back}
	}
	return []key.Binding{k.Up, k.Down, k.Select, m.add}
}
func (m *Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }
func (m *Model) Capturing() bool           { return m.adding }
func (m *Model) Dirty() bool               { return m.adding && m.input.Value() != "" }
