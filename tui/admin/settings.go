package admin

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"gigdesk/store"
	"gigdesk/store/valid"
	"gigdesk/tui/common"
)

// settingsPane is the station's settings, one field each: name, phone, address, the minimum
// hourly wage, backups kept, the idle lock and how long a job stays open. Ctrl+S saves them;
// the root stores the saved settings and tells the Model (Saved).
type settingsPane struct {
	*desk
	inputs []textinput.Model
	at     int  // the field with the cursor
	edited bool // typed since the last save
	typing bool // typed into the field with the cursor since it got it: keys are the field's
}

var settingLabels = []string{"admin.set.name", "admin.set.phone", "admin.set.address", "admin.set.min_wage", "admin.set.backups", "admin.set.idle", "admin.set.valid_days"}

type settingsSavedMsg struct{ st store.Settings }

// SettingsSaved is how the root learns new settings (the idle lock, the station's name).
func SettingsSaved(msg tea.Msg) (store.Settings, bool) {
	s, ok := msg.(settingsSavedMsg)
	return s.st, ok
}

func newSettingsPane(d *desk) *settingsPane {
	p := &settingsPane{desk: d}
	p.fill()
	return p
}

// fill puts the station's settings in the fields.
func (p *settingsPane) fill() {
	st := p.c.Settings
	values := []string{st.StationName, st.Phone, st.Address, valid.FormatYuan(st.MinHourlyFen),
		strconv.Itoa(st.BackupsKept), strconv.Itoa(st.IdleLockMinute), strconv.Itoa(st.JobValidDays)}
	limits := []int{40, 30, 100, 10, 3, 3, 3}
	p.inputs = make([]textinput.Model, len(values))
	for i, v := range values {
		in := common.NewInput()
		in.CharLimit = limits[i]
		in.SetValue(v)
		in.Prompt = ""
		p.inputs[i] = in
	}
	p.at, p.edited, p.typing = 0, false, false
}

func (p *settingsPane) setSize(w int) {
	for i := range p.inputs {
		p.inputs[i].Width = min(50, max(w-30, 10))
	}
}

func (p *settingsPane) load() tea.Cmd { return p.inputs[p.at].Focus() }

func (p *settingsPane) changed() tea.Cmd { return nil }

func (p *settingsPane) leave() {
	for i := range p.inputs {
		p.inputs[i].Blur()
	}
}

func (p *settingsPane) update(tea.Msg) (tea.Cmd, bool) { return nil, false }

func (p *settingsPane) key(msg tea.KeyMsg) tea.Cmd {
	k := p.c.Keys
	switch {
	case key.Matches(msg, k.Next), key.Matches(msg, k.Down), key.Matches(msg, k.Select):
		p.typing = false
		p.inputs[p.at].Blur()
		p.at = (p.at + 1) % len(p.inputs)
		return p.inputs[p.at].Focus()
	case key.Matches(msg, k.Prev), key.Matches(msg, k.Up):
		p.typing = false
		p.inputs[p.at].Blur()
		p.at = (p.at + len(p.inputs) - 1) % len(p.inputs)
		return p.inputs[p.at].Focus()
	case key.Matches(msg, k.Save):
		return p.save()
	}
	var cmd tea.Cmd
	before := p.inputs[p.at].Value()
	p.inputs[p.at], cmd = p.inputs[p.at].Update(msg)
	if p.inputs[p.at].Value() != before {
		p.edited, p.typing, p.err = true, true, ""
	}
	return cmd
}

// numberField reads field i as a whole number in [lo, hi].
func (p *settingsPane) numberField(i, lo, hi int) (int, bool) {
	n, err := strconv.Atoi(strings.TrimSpace(p.inputs[i].Value()))
	if err != nil || n < lo || n > hi {
		p.err = p.c.T(settingLabels[i]) + ": " + p.c.T("admin.set.number", lo, hi)
		p.at = i
		return 0, false
	}
	return n, true
}

func (p *settingsPane) save() tea.Cmd {
	st := p.c.Settings
	st.StationName, st.Phone, st.Address = p.inputs[0].Value(), p.inputs[1].Value(), p.inputs[2].Value()
	fen, prob := valid.ParseYuan(p.inputs[3].Value())
	if prob != nil {
		p.err, p.at = p.c.T(settingLabels[3])+": "+p.c.Cat.Err(prob), 3
		return nil
	}
	st.MinHourlyFen = fen
	var ok bool
	if st.BackupsKept, ok = p.numberField(4, 1, 365); !ok {
		return nil
	}
	if st.IdleLockMinute, ok = p.numberField(5, 1, 240); !ok {
		return nil
	}
	if st.JobValidDays, ok = p.numberField(6, 1, 90); !ok {
		return nil
	}
	s, ctx, by := p.c.Store, p.c.Ctx, p.c.Staff.ID
	return func() tea.Msg {
		if err := s.SaveSettings(ctx, by, st); err != nil {
			return doneMsg{err: err}
		}
		return settingsSavedMsg{st: st}
	}
}

// saved marks the form clean after the root stored the new settings.
func (p *settingsPane) saved() tea.Cmd {
	p.edited, p.typing, p.err = false, false, ""
	return common.Status(p.c.T("admin.set.saved"), false)
}

func (p *settingsPane) view(int, int) string {
	s := p.c.Styles
	var b strings.Builder
	lw := 0
	for _, l := range settingLabels {
		lw = max(lw, lipgloss.Width(p.c.T(l)))
	}
	for i, l := range settingLabels {
		label := p.c.T(l)
		label += strings.Repeat(" ", lw-lipgloss.Width(label))
		mark := "  "
		if i == p.at {
			mark = "> "
		}
		b.WriteString(mark + s.Label.Render(label) + "  " + p.inputs[i].View() + "\n")
	}
	return b.String()
}

func (p *settingsPane) help() []key.Binding {
	k := p.c.Keys
	return []key.Binding{k.Next, k.Save}
}

// capturing: keys belong to the field only once something is typed into it, so ←/→ switch
// sections and ? opens the help while the head only looks; Tab or Enter gives them back.
func (p *settingsPane) capturing() bool { return p.typing }

func (p *settingsPane) dirty() bool { return p.edited }
