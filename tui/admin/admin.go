// Package admin is the station head's area: staff, station settings, the audit log (read-only)
// and one person's data (export, erase). The root opens it with F6 for the head only.
package admin

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"gigdesk/store"
	"gigdesk/store/valid"
	"gigdesk/tui/common"
)

type section int

const (
	secStaff section = iota
	secSettings
	secTrades
	secAudit
	secPrivacy
	secGuide    // guidepay.go
	secTraining // training.go
	secCases    // cases.go
	secWeights  // weights.go
	secCount
)

var sectionKeys = [secCount]string{"admin.tab.staff", "admin.tab.settings", "admin.tab.trades", "admin.tab.audit", "admin.tab.privacy",
	"rights.tab.guide", "rights.tab.training", "rights.tab.cases", "admin.tab.weights"}

// auditLimit bounds what the audit view loads; filters narrow it further.
const auditLimit = 500

type staffMsg struct {
	req  int
	list []store.Staff
	err  error
}

type auditMsg struct {
	req     int
	rows    []store.AuditEntry
	names   map[int64]string
	ents    []string
	actions []string
	err     error
}

type doneMsg struct {
	text string
	err  error
}

type foundMsg struct {
	req  int
	name string
	err  error
}

// Model is the Admin view.
type Model struct {
	c       *common.Common
	sec     section
	req     int
	width   int
	height  int
	err     string
	confirm string // a question waiting for y/n (erase)

	staff       []store.Staff
	staffCursor int
	adding      bool
	name        textinput.Model

	fields   []textinput.Model
	fieldAt  int
	setDirty bool

	audit       []store.AuditEntry
	staffNames  map[int64]string
	entities    []string
	actions     []string
	auditTop    int
	fStaff      int // index into staff+1 (0 = all)
	fEntity     int
	fAction     int
	fDay        string
	typingDay   bool
	day         textinput.Model
	auditLoaded bool

	tp tradesState

	panes map[section]pane // the rights-and-rules sections (panes.go)

	kindEmployer bool
	person       textinput.Model
	found        string

	keys struct{ add, toggle, reset, export, erase, fStaff, fEntity, fAction, fDay, clear, left, right key.Binding }
}

// New returns the Admin view.
func New(c *common.Common) *Model {
	m := &Model{c: c}
	t := c.T
	m.name = common.NewInput()
	m.name.CharLimit = 30
	m.name.Placeholder = t("admin.staff.name")
	m.day = common.NewInput()
	m.day.CharLimit = 10
	m.day.Placeholder = "2026-11-28"
	m.person = common.NewInput()
	m.person.CharLimit = 10
	m.person.Placeholder = "1"
	k := &m.keys
	k.add = key.NewBinding(key.WithKeys("+", "insert"), key.WithHelp("+", t("admin.staff.add")))
	k.toggle = key.NewBinding(key.WithKeys("d"), key.WithHelp("d", t("admin.staff.toggle")))
	k.reset = key.NewBinding(key.WithKeys("r"), key.WithHelp("r", t("admin.staff.reset")))
	k.export = key.NewBinding(key.WithKeys("ctrl+e"), key.WithHelp("Ctrl+E", t("admin.priv.export")))
	k.erase = key.NewBinding(key.WithKeys("delete"), key.WithHelp("Del", t("admin.priv.erase")))
	k.fStaff = key.NewBinding(key.WithKeys("s"), key.WithHelp("s", t("admin.audit.staff")))
	k.fEntity = key.NewBinding(key.WithKeys("e"), key.WithHelp("e", t("admin.audit.entity")))
	k.fAction = key.NewBinding(key.WithKeys("a"), key.WithHelp("a", t("admin.audit.action")))
	k.fDay = key.NewBinding(key.WithKeys("d"), key.WithHelp("d", t("admin.audit.date")))
	k.clear = key.NewBinding(key.WithKeys("x"), key.WithHelp("x", t("admin.audit.all")))
	k.left = key.NewBinding(key.WithKeys("left"), key.WithHelp("←/→", t("admin.switch")))
	k.right = key.NewBinding(key.WithKeys("right"))
	m.tp = newTradesState(t)
	m.panes = newPanes(c)
	m.resetSettings()
	return m
}

// resetSettings fills the settings fields from the station's settings.
func (m *Model) resetSettings() {
	st := m.c.Settings
	values := []string{st.StationName, st.Phone, st.Address, valid.FormatYuan(st.MinHourlyFen),
		strconv.Itoa(st.BackupsKept), strconv.Itoa(st.IdleLockMinute), strconv.Itoa(st.JobValidDays)}
	limits := []int{40, 30, 100, 10, 3, 3, 3}
	m.fields = make([]textinput.Model, len(values))
	for i, v := range values {
		in := common.NewInput()
		in.CharLimit = limits[i]
		in.SetValue(v)
		in.Prompt = ""
		m.fields[i] = in
	}
	m.fieldAt, m.setDirty = 0, false
}

var settingLabels = []string{"admin.set.name", "admin.set.phone", "admin.set.address", "admin.set.min_wage", "admin.set.backups", "admin.set.idle", "admin.set.valid_days"}

// Init loads the first section.
func (m *Model) Init() tea.Cmd { return m.reload() }

func (m *Model) reload() tea.Cmd {
	m.req++
	req, s, ctx := m.req, m.c.Store, m.c.Ctx
	switch m.sec {
	case secStaff:
		return func() tea.Msg {
			list, err := s.AllStaff(ctx)
			return staffMsg{req: req, list: list, err: err}
		}
	case secAudit:
		f := m.filter()
		return func() tea.Msg {
			rows, err := s.Audit(ctx, f)
			if err != nil {
				return auditMsg{req: req, err: err}
			}
			staff, err := s.AllStaff(ctx)
			if err != nil {
				return auditMsg{req: req, err: err}
			}
			names := map[int64]string{}
			for _, st := range staff {
				names[st.ID] = st.Name
			}
			ents, acts, err := s.AuditNames(ctx)
			return auditMsg{req: req, rows: rows, names: names, ents: ents, actions: acts, err: err}
		}
	case secSettings:
		return m.fields[m.fieldAt].Focus()
	case secTrades:
		return m.loadCatalog()
	case secPrivacy:
		return m.person.Focus()
	}
	if p, ok := m.panes[m.sec]; ok {
		return p.load()
	}
	return nil
}

// filter is the audit filter the staff chose.
func (m *Model) filter() store.AuditFilter {
	f := store.AuditFilter{Limit: auditLimit}
	if m.fStaff > 0 && m.fStaff <= len(m.staff) {
		f.StaffID = m.staff[m.fStaff-1].ID
	}
	if m.fEntity > 0 && m.fEntity <= len(m.entities) {
		f.Entity = m.entities[m.fEntity-1]
	}
	if m.fAction > 0 && m.fAction <= len(m.actions) {
		f.Action = m.actions[m.fAction-1]
	}
	if m.fDay != "" {
		if from, to, err := m.c.Store.DayRange(m.fDay); err == nil {
			f.From, f.To = from, to
		}
	}
	return f
}

func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if cmd, done := m.updatePanes(msg); done || cmd != nil {
		return m, cmd
	}
	switch msg := msg.(type) {
	case common.ChangedMsg:
		if m.sec == secStaff || m.sec == secAudit {
			return m, m.reload()
		}
		return m, nil
	case staffMsg:
		if msg.req == m.req {
			m.staff, m.err = msg.list, m.c.Cat.Err(msg.err)
			m.staffCursor = min(m.staffCursor, max(len(m.staff)-1, 0))
		}
		return m, nil
	case auditMsg:
		if msg.req == m.req {
			m.err = m.c.Cat.Err(msg.err)
			m.audit, m.staffNames, m.entities, m.actions = msg.rows, msg.names, msg.ents, msg.actions
			m.auditTop, m.auditLoaded = 0, true
		}
		return m, nil
	case catalogMsg:
		if msg.err == nil {
			m.c.Records = msg.cat // every screen reads the catalogue from here
			m.tp.cursor = min(m.tp.cursor, max(m.tpLen()-1, 0))
		} else if msg.req == m.req {
			m.err = m.c.Cat.Err(msg.err)
		}
		return m, nil
	case tpSavedMsg:
		return m, m.tpSaved(msg)
	case foundMsg:
		if msg.req == m.req {
			m.found, m.err = msg.name, m.c.Cat.Err(msg.err)
		}
		return m, nil
	case doneMsg:
		if msg.err != nil {
			m.err = m.c.Cat.Err(msg.err)
			return m, common.Status(m.err, true)
		}
		m.err = ""
		if m.adding { // the name was saved: close the prompt and show the new member in the list
			m.adding = false
			m.name.Blur()
		}
		// the root broadcasts ChangedMsg to the five pages only, so Admin reloads its own list
		return m, tea.Batch(common.Status(msg.text, false), m.reload(), func() tea.Msg { return common.ChangedMsg{} })
	case tea.KeyMsg:
		return m.key(msg)
	}
	return m, nil
}

// Next shows the next section (F6 again, as the root routes it).
func (m *Model) Next() tea.Cmd {
	return m.show((m.sec + 1) % secCount)
}

func (m *Model) show(s section) tea.Cmd {
	m.blurAll()
	m.sec, m.err, m.confirm, m.adding, m.typingDay = s, "", "", false, false
	m.tp.form, m.tp.inputs = formNone, nil
	return m.reload()
}

func (m *Model) blurAll() {
	m.name.Blur()
	m.day.Blur()
	m.person.Blur()
	for i := range m.fields {
		m.fields[i].Blur()
	}
}

func (m *Model) key(msg tea.KeyMsg) (common.Screen, tea.Cmd) {
	k := m.c.Keys
	if m.confirm != "" {
		switch {
		case key.Matches(msg, k.Yes):
			m.confirm = ""
			return m, m.erase()
		case key.Matches(msg, k.No):
			m.confirm = ""
		}
		return m, nil
	}
	if m.sec == secWeights && (key.Matches(msg, m.keys.left) || key.Matches(msg, m.keys.right)) {
		// the weights are whole numbers typed with digits and Backspace, so ←→ still switch
		step := secCount + 1
		if key.Matches(msg, m.keys.left) {
			step = secCount - 1
		}
		return m, m.show((m.sec + step) % secCount)
	}
	if !m.Capturing() || m.sec == secSettings || m.sec == secPrivacy {
		// ←/→ switch sections except while a text field has the cursor
		if !m.Capturing() && key.Matches(msg, m.keys.left) {
			return m, m.show((m.sec + secCount - 1) % secCount)
		}
		if !m.Capturing() && key.Matches(msg, m.keys.right) {
			return m, m.show((m.sec + 1) % secCount)
		}
	}
	switch m.sec {
	case secStaff:
		return m.staffKey(msg)
	case secSettings:
		return m.settingsKey(msg)
	case secTrades:
		return m.tradesKey(msg)
	case secAudit:
		return m.auditKey(msg)
	case secPrivacy:
		return m.privacyKey(msg)
	}
	if p, ok := m.panes[m.sec]; ok {
		return m, p.key(msg)
	}
	return m, nil
}

func (m *Model) staffKey(msg tea.KeyMsg) (common.Screen, tea.Cmd) {
	k := m.c.Keys
	s, ctx, by := m.c.Store, m.c.Ctx, m.c.Staff.ID
	if m.adding {
		switch {
		case key.Matches(msg, k.Back):
			m.adding = false
			m.name.Blur()
			return m, nil
		case key.Matches(msg, k.Select):
			name := m.name.Value()
			return m, func() tea.Msg {
				st, err := s.AddStaff(ctx, by, name, store.RoleStaff)
				if err != nil {
					return doneMsg{err: err}
				}
				return doneMsg{text: m.c.T("admin.staff.added", st.Name)}
			}
		}
		var cmd tea.Cmd
		m.name, cmd = m.name.Update(msg)
		m.err = ""
		return m, cmd
	}
	switch {
	case key.Matches(msg, k.Up):
		m.staffCursor = max(m.staffCursor-1, 0)
	case key.Matches(msg, k.Down):
		m.staffCursor = min(m.staffCursor+1, max(len(m.staff)-1, 0))
	case key.Matches(msg, m.keys.add):
		m.adding, m.err = true, ""
		m.name.Reset()
		return m, m.name.Focus()
	case key.Matches(msg, m.keys.toggle) && m.staffCursor < len(m.staff):
		st := m.staff[m.staffCursor]
		return m, func() tea.Msg {
			if err := s.SetStaffActive(ctx, by, st.ID, !st.Active); err != nil {
				return doneMsg{err: err}
			}
			return doneMsg{text: m.c.T("admin.staff.toggled", st.Name)}
		}
	case key.Matches(msg, m.keys.reset) && m.staffCursor < len(m.staff):
		st := m.staff[m.staffCursor]
		return m, func() tea.Msg {
			if err := s.ResetPIN(ctx, by, st.ID); err != nil {
				return doneMsg{err: err}
			}
			return doneMsg{text: m.c.T("admin.staff.reset_ok", st.Name)}
		}
	}
	return m, nil
}

// numberField reads field i as a whole number in [lo, hi].
func (m *Model) numberField(i, lo, hi int) (int, bool) {
	n, err := strconv.Atoi(strings.TrimSpace(m.fields[i].Value()))
	if err != nil || n < lo || n > hi {
		m.err = m.c.T(settingLabels[i]) + ": " + m.c.T("admin.set.number", lo, hi)
		m.fieldAt = i
		return 0, false
	}
	return n, true
}

func (m *Model) settingsKey(msg tea.KeyMsg) (common.Screen, tea.Cmd) {
	k := m.c.Keys
	switch {
	case key.Matches(msg, k.Next), key.Matches(msg, k.Down), key.Matches(msg, k.Select):
		m.fields[m.fieldAt].Blur()
		m.fieldAt = (m.fieldAt + 1) % len(m.fields)
		return m, m.fields[m.fieldAt].Focus()
	case key.Matches(msg, k.Prev), key.Matches(msg, k.Up):
		m.fields[m.fieldAt].Blur()
		m.fieldAt = (m.fieldAt + len(m.fields) - 1) % len(m.fields)
		return m, m.fields[m.fieldAt].Focus()
	case key.Matches(msg, k.Save):
		return m, m.saveSettings()
	}
	var cmd tea.Cmd
	before := m.fields[m.fieldAt].Value()
	m.fields[m.fieldAt], cmd = m.fields[m.fieldAt].Update(msg)
	if m.fields[m.fieldAt].Value() != before {
		m.setDirty, m.err = true, ""
	}
	return m, cmd
}

func (m *Model) saveSettings() tea.Cmd {
	st := m.c.Settings
	st.StationName, st.Phone, st.Address = m.fields[0].Value(), m.fields[1].Value(), m.fields[2].Value()
	fen, p := valid.ParseYuan(m.fields[3].Value())
	if p != nil {
		m.err, m.fieldAt = m.c.T(settingLabels[3])+": "+m.c.Cat.Err(p), 3
		return nil
	}
	st.MinHourlyFen = fen
	var ok bool
	if st.BackupsKept, ok = m.numberField(4, 1, 365); !ok {
		return nil
	}
	if st.IdleLockMinute, ok = m.numberField(5, 1, 240); !ok {
		return nil
	}
	if st.JobValidDays, ok = m.numberField(6, 1, 90); !ok {
		return nil
	}
	s, ctx, by := m.c.Store, m.c.Ctx, m.c.Staff.ID
	return func() tea.Msg {
		if err := s.SaveSettings(ctx, by, st); err != nil {
			return doneMsg{err: err}
		}
		return settingsSavedMsg{st: st}
	}
}

type settingsSavedMsg struct{ st store.Settings }

// SettingsSaved is how the root learns new settings (the idle lock, the station's name).
func SettingsSaved(msg tea.Msg) (store.Settings, bool) {
	s, ok := msg.(settingsSavedMsg)
	return s.st, ok
}

// Saved marks the settings form clean after the root stored the new settings.
func (m *Model) Saved() tea.Cmd {
	m.setDirty, m.err = false, ""
	return common.Status(m.c.T("admin.set.saved"), false)
}

func (m *Model) auditKey(msg tea.KeyMsg) (common.Screen, tea.Cmd) {
	k := m.c.Keys
	if m.typingDay {
		switch {
		case key.Matches(msg, k.Back):
			m.typingDay = false
			m.day.Blur()
			return m, nil
		case key.Matches(msg, k.Select):
			v := strings.TrimSpace(m.day.Value())
			if v != "" {
				if _, _, err := m.c.Store.DayRange(v); err != nil {
					m.err = m.c.Cat.Err(err)
					return m, nil
				}
			}
			m.fDay, m.typingDay, m.err = v, false, ""
			m.day.Blur()
			return m, m.reload()
		}
		var cmd tea.Cmd
		m.day, cmd = m.day.Update(msg)
		return m, cmd
	}
	rows := m.auditRows()
	switch {
	case key.Matches(msg, k.Up):
		m.auditTop = max(m.auditTop-1, 0)
	case key.Matches(msg, k.Down):
		m.auditTop = min(m.auditTop+1, max(len(m.audit)-rows, 0))
	case key.Matches(msg, k.PgUp):
		m.auditTop = max(m.auditTop-rows, 0)
	case key.Matches(msg, k.PgDown):
		m.auditTop = min(m.auditTop+rows, max(len(m.audit)-rows, 0))
	case key.Matches(msg, m.keys.fStaff):
		m.fStaff = (m.fStaff + 1) % (len(m.staff) + 1)
		return m, m.reload()
	case key.Matches(msg, m.keys.fEntity):
		m.fEntity = (m.fEntity + 1) % (len(m.entities) + 1)
		return m, m.reload()
	case key.Matches(msg, m.keys.fAction):
		m.fAction = (m.fAction + 1) % (len(m.actions) + 1)
		return m, m.reload()
	case key.Matches(msg, m.keys.fDay):
		m.typingDay = true
		m.day.SetValue(m.fDay)
		return m, m.day.Focus()
	case key.Matches(msg, m.keys.clear):
		m.fStaff, m.fEntity, m.fAction, m.fDay = 0, 0, 0, ""
		return m, m.reload()
	}
	return m, nil
}

func (m *Model) privacyKey(msg tea.KeyMsg) (common.Screen, tea.Cmd) {
	k := m.c.Keys
	s, ctx, by := m.c.Store, m.c.Ctx, m.c.Staff.ID
	kind, id := m.person4()
	switch {
	case key.Matches(msg, k.Next), key.Matches(msg, k.Prev):
		m.kindEmployer = !m.kindEmployer
		return m, m.lookup()
	case key.Matches(msg, m.keys.export):
		if id == 0 {
			return m, nil
		}
		dir := filepath.Join(filepath.Dir(s.Path()), "exports")
		path := filepath.Join(dir, fmt.Sprintf("%s-%d-%s.json", kind, id, m.c.Clock().Format("20060102-150405")))
		return m, func() tea.Msg {
			ex, err := s.ExportPerson(ctx, by, kind, id)
			if err != nil {
				return doneMsg{err: err}
			}
			if err := mkdir(dir); err != nil {
				return doneMsg{err: &store.Error{Code: store.Invalid, Key: "privacy.out", Err: err}}
			}
			if err := ex.WriteFile(path); err != nil {
				return doneMsg{err: &store.Error{Code: store.Invalid, Key: "privacy.out", Err: err}}
			}
			return doneMsg{text: m.c.T("admin.priv.exported", path)}
		}
	case key.Matches(msg, m.keys.erase):
		if id != 0 && m.found != "" {
			m.confirm = m.c.T("admin.priv.confirm", m.found)
		}
		return m, nil
	}
	var cmd tea.Cmd
	before := m.person.Value()
	m.person, cmd = m.person.Update(msg)
	if m.person.Value() != before {
		return m, tea.Batch(cmd, m.lookup())
	}
	return m, cmd
}

// person4 is the kind and number typed in the personal-data section.
func (m *Model) person4() (store.Person, int64) {
	kind := store.PersonWorker
	if m.kindEmployer {
		kind = store.PersonEmployer
	}
	id, _ := strconv.ParseInt(strings.TrimSpace(m.person.Value()), 10, 64)
	return kind, max(id, 0)
}

// lookup shows whose record the typed number is, so the head erases the right person.
func (m *Model) lookup() tea.Cmd {
	m.req++
	req, s, ctx := m.req, m.c.Store, m.c.Ctx
	kind, id := m.person4()
	m.found = ""
	if id == 0 {
		return nil
	}
	return func() tea.Msg {
		if kind == store.PersonWorker {
			w, err := s.Worker(ctx, id)
			return foundMsg{req: req, name: valid.MaskName(w.Name), err: err}
		}
		e, err := s.Employer(ctx, id)
		return foundMsg{req: req, name: valid.MaskName(e.Name), err: err}
	}
}

func (m *Model) erase() tea.Cmd {
	s, ctx, by := m.c.Store, m.c.Ctx, m.c.Staff.ID
	kind, id := m.person4()
	who := m.found
	return func() tea.Msg {
		if err := s.ErasePerson(ctx, by, kind, id); err != nil {
			return doneMsg{err: err}
		}
		return doneMsg{text: m.c.T("admin.priv.erased", who)}
	}
}

// auditRows is how many audit rows fit.
func (m *Model) auditRows() int { return max(m.height-9, 3) }

func (m *Model) View() string {
	s := m.c.Styles
	w := max(m.width-4, 20)
	var tabs []string
	for i, k := range sectionKeys {
		if section(i) == m.sec {
			tabs = append(tabs, s.TabActive.Render(m.c.T(k)))
		} else {
			tabs = append(tabs, s.Tab.Render(m.c.T(k)))
		}
	}
	var b strings.Builder
	bar := strings.Join(tabs, " ")
	if lipgloss.Width(s.Title.Render(m.c.T("admin.title"))+"  "+bar) > w {
		// eight sections do not fit in 80 columns: the one shown, where it stands, and ←→
		bar = fmt.Sprintf("← %s %d/%d →", tabs[m.sec], m.sec+1, secCount)
	}
	b.WriteString(s.Title.Render(m.c.T("admin.title")) + "  " + bar + "\n\n")
	switch m.sec {
	case secStaff:
		m.viewStaff(&b)
	case secSettings:
		m.viewSettings(&b)
	case secTrades:
		m.viewTrades(&b, w)
	case secAudit:
		m.viewAudit(&b, w)
	case secPrivacy:
		m.viewPrivacy(&b)
	}
	if p, ok := m.panes[m.sec]; ok {
		b.WriteString(p.view(w, max(m.height-4, 3)))
	}
	if m.confirm != "" {
		b.WriteString("\n" + s.Dialog.Render(lipgloss.NewStyle().Width(min(60, w-8)).Render(m.confirm)))
	}
	if m.err != "" {
		b.WriteString("\n" + s.Error.Render(m.err))
	}
	lines := strings.Split(b.String(), "\n")
	for i, l := range lines {
		if lipgloss.Width(l) > w {
			lines[i] = ansi.Truncate(l, w, "…")
		}
	}
	return lipgloss.NewStyle().Padding(0, 2).Render(strings.Join(lines, "\n"))
}

func (m *Model) viewStaff(b *strings.Builder) {
	s := m.c.Styles
	rows := max(m.height-8, 3)
	top := max(0, m.staffCursor-rows+1)
	for i := top; i < len(m.staff) && i < top+rows; i++ {
		st := m.staff[i]
		state := m.c.T("admin.staff.active")
		if !st.Active {
			state = m.c.T("admin.staff.inactive")
		}
		if !st.HasPIN {
			state += " · " + m.c.T("admin.staff.no_pin")
		}
		line := fmt.Sprintf(" %-3d %s  %s  %s ", st.ID, st.Name, m.c.T("staff.role."+string(st.Role)), state)
		if i == m.staffCursor && !m.adding {
			line = s.RowActive.Render(line)
		} else if !st.Active {
			line = s.Subtle.Render(line)
		}
		b.WriteString(line + "\n")
	}
	if m.adding {
		b.WriteString("\n" + s.Label.Render(m.c.T("admin.staff.name")) + "\n" + m.name.View() + "\n")
	}
}

func (m *Model) viewSettings(b *strings.Builder) {
	s := m.c.Styles
	lw := 0
	for _, l := range settingLabels {
		lw = max(lw, lipgloss.Width(m.c.T(l)))
	}
	for i, l := range settingLabels {
		label := m.c.T(l)
		label += strings.Repeat(" ", lw-lipgloss.Width(label))
		mark := "  "
		if i == m.fieldAt {
			mark = "> "
		}
		b.WriteString(mark + s.Label.Render(label) + "  " + m.fields[i].View() + "\n")
	}
}

func (m *Model) viewAudit(b *strings.Builder, w int) {
	s := m.c.Styles
	all := m.c.T("admin.audit.all")
	pick := func(i int, list []string, words func(*common.Common, string) string) string {
		if i > 0 && i <= len(list) {
			return words(m.c, list[i-1])
		}
		return all
	}
	staffName := all
	if m.fStaff > 0 && m.fStaff <= len(m.staff) {
		staffName = m.staff[m.fStaff-1].Name
	}
	day := m.fDay
	if day == "" {
		day = all
	}
	if m.typingDay {
		day = m.day.View()
	}
	b.WriteString(fmt.Sprintf("%s: %s   %s: %s   %s: %s   %s: %s\n", m.c.T("admin.audit.staff"), staffName,
		m.c.T("admin.audit.entity"), pick(m.fEntity, m.entities, entityWords), m.c.T("admin.audit.action"), pick(m.fAction, m.actions, actionWords),
		m.c.T("admin.audit.date"), day))
	b.WriteString(s.Subtle.Render(m.c.T("admin.audit.hint")) + "\n")
	if !m.auditLoaded {
		b.WriteString(s.Subtle.Render(m.c.T("status.loading")) + "\n")
		return
	}
	if len(m.audit) == 0 {
		b.WriteString(s.Subtle.Render(m.c.T("admin.audit.none")) + "\n")
		return
	}
	head := common.Cell(m.c.T("admin.audit.when"), 17) + common.Cell(m.c.T("admin.audit.who"), 11) + common.Cell(m.c.T("admin.audit.what"), 17) + m.c.T("admin.audit.which")
	b.WriteString(s.Label.Render(ansi.Truncate(head, w, "…")) + "\n")
	end := min(m.auditTop+m.auditRows(), len(m.audit))
	for _, a := range m.audit[m.auditTop:end] {
		who := m.staffNames[a.StaffID]
		if who == "" {
			who = "-"
		}
		line := fmt.Sprintf("%-16s %s %s %s #%d %s", a.At.In(m.c.Store.Location()).Format("2006-01-02 15:04"),
			common.Cell(who, 10), common.Cell(actionWords(m.c, a.Action), 16), entityWords(m.c, a.Entity), a.EntityID, a.Detail)
		b.WriteString(ansi.Truncate(line, w, "…") + "\n")
	}
	b.WriteString(s.Subtle.Render(m.c.T("admin.audit.count", len(m.audit), auditLimit)+"  "+m.c.T("admin.audit.readonly")) + "\n")
}

func (m *Model) viewPrivacy(b *strings.Builder) {
	s := m.c.Styles
	kind := m.c.T("admin.priv.worker")
	if m.kindEmployer {
		kind = m.c.T("admin.priv.employer")
	}
	b.WriteString(s.Label.Render(m.c.T("admin.priv.kind")) + "  " + kind + "\n")
	b.WriteString(s.Label.Render(m.c.T("admin.priv.id")) + "  " + m.person.View() + "\n")
	if m.found != "" {
		b.WriteString(m.c.T("admin.priv.found", m.found) + "\n")
	}
	b.WriteString("\n" + s.Subtle.Render(m.c.T("admin.priv.hint")) + "\n")
	b.WriteString(s.Subtle.Render(m.c.T("admin.priv.folder", filepath.Join(filepath.Dir(m.c.Store.Path()), "exports"))) + "\n")
}

func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.name.Width = min(30, max(w-10, 10))
	for i := range m.fields {
		m.fields[i].Width = min(50, max(w-30, 10))
	}
}

func (m *Model) ShortHelp() []key.Binding {
	k := m.c.Keys
	switch m.sec {
	case secStaff:
		if m.adding {
			return []key.Binding{k.Select, k.Back}
		}
		return []key.Binding{m.keys.left, k.Up, k.Down, m.keys.add, m.keys.toggle, m.keys.reset}
	case secSettings:
		return []key.Binding{k.Next, k.Save}
	case secTrades:
		if m.tp.form != formNone {
			return []key.Binding{k.Next, k.Save, k.Back}
		}
		return []key.Binding{m.keys.left, k.Up, k.Down, m.tp.swap, m.keys.add, m.tp.relate}
	case secAudit:
		return []key.Binding{m.keys.left, k.Up, k.Down, m.keys.fStaff, m.keys.fEntity, m.keys.fAction, m.keys.fDay, m.keys.clear}
	case secPrivacy:
		return []key.Binding{k.Next, m.keys.export, m.keys.erase}
	}
	if p, ok := m.panes[m.sec]; ok {
		if p.capturing() && m.sec != secWeights {
			return p.help()
		}
		return append([]key.Binding{m.keys.left}, p.help()...)
	}
	return nil
}

func (m *Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }

// Capturing: the settings and personal-data sections are forms; elsewhere only while typing.
func (m *Model) Capturing() bool {
	if p, ok := m.panes[m.sec]; ok && p.capturing() {
		return true
	}
	return m.adding || m.typingDay || m.sec == secSettings || m.sec == secPrivacy || m.tp.form != formNone
}

func (m *Model) Dirty() bool {
	if p, ok := m.panes[m.sec]; ok && p.dirty() {
		return true
	}
	for _, in := range m.tp.inputs {
		if m.tp.form != formRelated && in.Value() != "" {
			return true
		}
	}
	return m.setDirty || (m.adding && m.name.Value() != "")
}

func mkdir(dir string) error { return os.MkdirAll(dir, 0o700) }
