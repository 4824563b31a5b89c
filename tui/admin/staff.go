package admin

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/tui/widget/prompt"
)

// staffPane is the station's staff: ↑↓ choose one, + adds a clerk by name, d makes them
// inactive (or active again), r resets their PIN.
type staffPane struct {
	*desk
	list   []store.Staff
	cursor int
	name   *prompt.Prompt // + : the new member's name (adding while open)
	nameW  int            // how wide the name's field is

	toggle, reset key.Binding
}

func newStaffPane(d *desk) *staffPane {
	t := d.c.T
	return &staffPane{desk: d,
		toggle: key.NewBinding(key.WithKeys("d"), key.WithHelp("d", t("admin.staff.toggle"))),
		reset:  key.NewBinding(key.WithKeys("r"), key.WithHelp("r", t("admin.staff.reset"))),
	}
}

func (p *staffPane) load() tea.Cmd {
	p.req++
	req, s, ctx := p.req, p.c.Store, p.c.Ctx
	return func() tea.Msg {
		list, err := s.AllStaff(ctx)
		return paneMsg{to: secStaff, req: req, v: list, err: err}
	}
}

func (p *staffPane) changed() tea.Cmd { return p.load() }

func (p *staffPane) leave() { p.name = nil }

// closePrompt closes the name prompt, if it is open.
func (p *staffPane) closePrompt() {
	p.name = nil
}

func (p *staffPane) setSize(w int) {
	p.nameW = min(30, max(w-10, 10))
	if p.name != nil {
		p.name.SetWidth(p.nameW)
	}
}

func (p *staffPane) update(msg tea.Msg) (tea.Cmd, bool) {
	pm := msg.(paneMsg)
	if list, ok := pm.v.([]store.Staff); ok && pm.req == p.req {
		p.list, p.err = list, p.c.Cat.Err(pm.err)
		p.cursor = min(p.cursor, max(len(p.list)-1, 0))
	}
	return nil, true
}

func (p *staffPane) key(msg tea.KeyMsg) tea.Cmd {
	if p.name != nil {
		return p.promptKey(msg)
	}
	k := p.c.Keys
	s, ctx, by := p.c.Store, p.c.Ctx, p.c.Staff.ID
	switch {
	case key.Matches(msg, k.Up):
		p.cursor = max(p.cursor-1, 0)
	case key.Matches(msg, k.Down):
		p.cursor = min(p.cursor+1, max(len(p.list)-1, 0))
	case key.Matches(msg, p.add):
		p.err = ""
		p.name = prompt.New(p.c, staffNameSpec())
		p.name.SetWidth(p.nameW)
		return p.name.Focus()
	case key.Matches(msg, p.toggle) && p.cursor < len(p.list):
		st := p.list[p.cursor]
		return func() tea.Msg {
			if err := s.SetStaffActive(ctx, by, st.ID, !st.Active); err != nil {
				return doneMsg{err: err}
			}
			return doneMsg{text: p.c.T("admin.staff.toggled", st.Name)}
		}
	case key.Matches(msg, p.reset) && p.cursor < len(p.list):
		st := p.list[p.cursor]
		return func() tea.Msg {
			if err := s.ResetPIN(ctx, by, st.ID); err != nil {
				return doneMsg{err: err}
			}
			return doneMsg{text: p.c.T("admin.staff.reset_ok", st.Name)}
		}
	}
	return nil
}

// promptKey types the new member's name; Enter adds them, Esc closes the prompt.
func (p *staffPane) promptKey(msg tea.KeyMsg) tea.Cmd {
	s, ctx, by := p.c.Store, p.c.Ctx, p.c.Staff.ID
	cmd, res := p.name.Update(msg)
	switch res {
	case prompt.Cancelled:
		p.name = nil
		return nil
	case prompt.Answered:
		name := p.name.Value()
		return func() tea.Msg {
			st, err := s.AddStaff(ctx, by, name, store.RoleStaff)
			if err != nil {
				return doneMsg{err: err}
			}
			return doneMsg{text: p.c.T("admin.staff.added", st.Name)}
		}
	}
	p.err = ""
	return cmd
}

func (p *staffPane) view(int, int) string {
	s := p.c.Styles
	var b strings.Builder
	rows := max(p.height-8, 3)
	top := max(0, p.cursor-rows+1)
	for i := top; i < len(p.list) && i < top+rows; i++ {
		st := p.list[i]
		state := p.c.T("admin.staff.active")
		if !st.Active {
			state = p.c.T("admin.staff.inactive")
		}
		if !st.HasPIN {
			state += " · " + p.c.T("admin.staff.no_pin")
		}
		line := fmt.Sprintf(" %-3d %s  %s  %s ", st.ID, st.Name, p.c.T("staff.role."+string(st.Role)), state)
		if i == p.cursor && p.name == nil {
			line = s.RowActive.Render(line)
		} else if !st.Active {
			line = s.Subtle.Render(line)
		}
		b.WriteString(line + "\n")
	}
	if p.name != nil {
		b.WriteString("\n" + p.name.View() + "\n")
	}
	return b.String()
}

func (p *staffPane) help() []key.Binding {
	k := p.c.Keys
	if p.name != nil {
		return []key.Binding{k.Select, k.Back}
	}
	return []key.Binding{k.Up, k.Down, p.add, p.toggle, p.reset}
}

func (p *staffPane) capturing() bool { return p.name != nil }

func (p *staffPane) dirty() bool { return p.name != nil && p.name.Value() != "" }
