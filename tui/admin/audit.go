package admin

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"gigdesk/store"
	"gigdesk/tui/common"
	"gigdesk/tui/widget/prompt"
)

// auditPane is the audit log, read-only: ↑↓ scroll, s, e and a cycle the staff member, the
// record kind and the action shown, d asks for a day, x shows everything again.
type auditPane struct {
	*desk
	staff    *staffPane // the filter names the staff the staff section read
	rows     []store.AuditEntry
	names    map[int64]string
	entities []string
	actions  []string
	top      int
	loaded   bool

	fStaff  int // index into staff+1 (0 = all)
	fEntity int
	fAction int
	fDay    string
	day     *prompt.Prompt // d : the day to show

	keyStaff, keyEntity, keyAction, keyDay, keyClear key.Binding
}

// auditLimit bounds what the audit view loads; filters narrow it further.
const auditLimit = 500

// auditLoaded is the audit rows with the names the filters and the rows show.
type auditLoaded struct {
	rows     []store.AuditEntry
	names    map[int64]string
	entities []string
	actions  []string
}

func newAuditPane(d *desk, staff *staffPane) *auditPane {
	t := d.c.T
	return &auditPane{desk: d, staff: staff,
		keyStaff:  key.NewBinding(key.WithKeys("s"), key.WithHelp("s", t("admin.audit.staff"))),
		keyEntity: key.NewBinding(key.WithKeys("e"), key.WithHelp("e", t("admin.audit.entity"))),
		keyAction: key.NewBinding(key.WithKeys("a"), key.WithHelp("a", t("admin.audit.action"))),
		keyDay:    key.NewBinding(key.WithKeys("d"), key.WithHelp("d", t("admin.audit.date"))),
		keyClear:  key.NewBinding(key.WithKeys("x"), key.WithHelp("x", t("admin.audit.all"))),
	}
}

func (p *auditPane) load() tea.Cmd {
	p.req++
	req, s, ctx := p.req, p.c.Store, p.c.Ctx
	f := p.filter()
	return func() tea.Msg {
		rows, err := s.Audit(ctx, f)
		if err != nil {
			return paneMsg{to: secAudit, req: req, v: auditLoaded{}, err: err}
		}
		staff, err := s.AllStaff(ctx)
		if err != nil {
			return paneMsg{to: secAudit, req: req, v: auditLoaded{}, err: err}
		}
		names := map[int64]string{}
		for _, st := range staff {
			names[st.ID] = st.Name
		}
		ents, acts, err := s.AuditNames(ctx)
		return paneMsg{to: secAudit, req: req, v: auditLoaded{rows: rows, names: names, entities: ents, actions: acts}, err: err}
	}
}

// filter is the audit filter the staff chose.
func (p *auditPane) filter() store.AuditFilter {
	f := store.AuditFilter{Limit: auditLimit}
	if staff := p.staff.list; p.fStaff > 0 && p.fStaff <= len(staff) {
		f.StaffID = staff[p.fStaff-1].ID
	}
	if p.fEntity > 0 && p.fEntity <= len(p.entities) {
		f.Entity = p.entities[p.fEntity-1]
	}
	if p.fAction > 0 && p.fAction <= len(p.actions) {
		f.Action = p.actions[p.fAction-1]
	}
	if p.fDay != "" {
		if from, to, err := p.c.Store.DayRange(p.fDay); err == nil {
			f.From, f.To = from, to
		}
	}
	return f
}

func (p *auditPane) changed() tea.Cmd { return p.load() }

func (p *auditPane) leave() { p.day = nil }

func (p *auditPane) update(msg tea.Msg) (tea.Cmd, bool) {
	pm := msg.(paneMsg)
	if a, ok := pm.v.(auditLoaded); ok && pm.req == p.req {
		p.err = p.c.Cat.Err(pm.err)
		p.rows, p.names, p.entities, p.actions = a.rows, a.names, a.entities, a.actions
		p.top, p.loaded = 0, true
	}
	return nil, true
}

// visible is how many audit rows fit.
func (p *auditPane) visible() int { return max(p.height-9, 3) }

func (p *auditPane) key(msg tea.KeyMsg) tea.Cmd {
	if p.day != nil {
		return p.dayKey(msg)
	}
	k, rows := p.c.Keys, p.visible()
	switch {
	case key.Matches(msg, k.Up):
		p.top = max(p.top-1, 0)
	case key.Matches(msg, k.Down):
		p.top = min(p.top+1, max(len(p.rows)-rows, 0))
	case key.Matches(msg, k.PgUp):
		p.top = max(p.top-rows, 0)
	case key.Matches(msg, k.PgDown):
		p.top = min(p.top+rows, max(len(p.rows)-rows, 0))
	case key.Matches(msg, p.keyStaff):
		p.fStaff = (p.fStaff + 1) % (len(p.staff.list) + 1)
		return p.load()
	case key.Matches(msg, p.keyEntity):
		p.fEntity = (p.fEntity + 1) % (len(p.entities) + 1)
		return p.load()
	case key.Matches(msg, p.keyAction):
		p.fAction = (p.fAction + 1) % (len(p.actions) + 1)
		return p.load()
	case key.Matches(msg, p.keyDay):
		p.day = prompt.New(p.c, auditDaySpec(p.fDay))
		return p.day.Focus()
	case key.Matches(msg, p.keyClear):
		p.fStaff, p.fEntity, p.fAction, p.fDay = 0, 0, 0, ""
		return p.load()
	}
	return nil
}

// dayKey types the day to show; Enter shows it if it is a day (empty: every day).
func (p *auditPane) dayKey(msg tea.KeyMsg) tea.Cmd {
	cmd, res := p.day.Update(msg)
	switch res {
	case prompt.Cancelled:
		p.day = nil
		return nil
	case prompt.Answered:
		v := p.day.Answer().Text
		if v != "" {
			if _, _, err := p.c.Store.DayRange(v); err != nil {
				p.err = p.c.Cat.Err(err)
				return nil
			}
		}
		p.fDay, p.err = v, ""
		p.day = nil
		return p.load()
	}
	return cmd
}

func (p *auditPane) view(w, _ int) string {
	s := p.c.Styles
	var b strings.Builder
	b.WriteString(p.filterLine() + "\n")
	b.WriteString(s.Subtle.Render(p.c.T("admin.audit.hint")) + "\n")
	if !p.loaded {
		b.WriteString(s.Subtle.Render(p.c.T("status.loading")) + "\n")
		return b.String()
	}
	if len(p.rows) == 0 {
		b.WriteString(s.Subtle.Render(p.c.T("admin.audit.none")) + "\n")
		return b.String()
	}
	head := common.Cell(p.c.T("admin.audit.when"), 17) + common.Cell(p.c.T("admin.audit.who"), 17) + common.Cell(p.c.T("admin.audit.what"), 17) + p.c.T("admin.audit.which")
	b.WriteString(s.Label.Render(ansi.Truncate(head, w, "…")) + "\n")
	end := min(p.top+p.visible(), len(p.rows))
	for _, a := range p.rows[p.top:end] {
		who := p.names[a.StaffID]
		if who == "" {
			who = "-"
		}
		if a.Counter != "" { // the change came over SSH: staff@counter
			who += "@" + a.Counter
		}
		line := fmt.Sprintf("%-16s %s %s %s #%d %s", a.At.In(p.c.Store.Location()).Format("2006-01-02 15:04"),
			common.Cell(who, 16), common.Cell(actionWords(p.c, a.Action), 16), entityWords(p.c, a.Entity), a.EntityID, detailWords(p.c, a.Detail))
		b.WriteString(ansi.Truncate(line, w, "…") + "\n")
	}
	b.WriteString(s.Subtle.Render(p.c.T("admin.audit.count", len(p.rows), auditLimit)+"  "+p.c.T("admin.audit.readonly")) + "\n")
	return b.String()
}

// filterLine says what the filters show: a staff member, a record kind, an action, a day.
func (p *auditPane) filterLine() string {
	all := p.c.T("admin.audit.all")
	pick := func(i int, list []string, words func(*common.Common, string) string) string {
		if i > 0 && i <= len(list) {
			return words(p.c, list[i-1])
		}
		return all
	}
	staffName := all
	if staff := p.staff.list; p.fStaff > 0 && p.fStaff <= len(staff) {
		staffName = staff[p.fStaff-1].Name
	}
	day := p.fDay
	if day == "" {
		day = all
	}
	if p.day != nil {
		day = p.day.View()
	}
	return fmt.Sprintf("%s: %s   %s: %s   %s: %s   %s: %s", p.c.T("admin.audit.staff"), staffName,
		p.c.T("admin.audit.entity"), pick(p.fEntity, p.entities, entityWords), p.c.T("admin.audit.action"), pick(p.fAction, p.actions, actionWords),
		p.c.T("admin.audit.date"), day)
}

func (p *auditPane) help() []key.Binding {
	k := p.c.Keys
	h := []key.Binding{k.Up, k.Down, p.keyStaff, p.keyEntity, p.keyAction, p.keyDay, p.keyClear}
	if p.day != nil { // the Model shows ←/→ only where they switch; here they always showed
		return append([]key.Binding{p.left}, h...)
	}
	return h
}

func (p *auditPane) capturing() bool { return p.day != nil }

func (p *auditPane) dirty() bool { return false }
