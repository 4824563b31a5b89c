// Package jobs is the Jobs screen: employers and jobs taken at the counter or on the phone,
// and the lists of today's, upcoming and past jobs.
package jobs

import (
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

// tab is which jobs the list shows.
type tab int

const (
	tabToday tab = iota
	tabUpcoming
	tabPast
	tabCount
)

var tabKeys = [tabCount]string{"jobs.tab.today", "jobs.tab.upcoming", "jobs.tab.past"}

// listLimit bounds one tab's load; the past tab shows the newest first.
const listLimit = 1000

type (
	listMsg struct {
		seq  int
		tab  tab
		jobs []store.JobListing
		err  error
	}
	editLoadedMsg struct {
		seq      int
		employer store.Employer
		job      store.Job
		err      error
	}
	revealedMsg struct {
		seq      int
		employer int64
		phone    string
		err      error
	}
	closedMsg struct {
		id     int64
		status store.JobStatus
		err    error
	}
)

// prompt is the question asked over the list: a cancellation reason or an expiry to confirm.
type prompt int

const (
	promptNone prompt = iota
	promptCancel
	promptExpire
)

// Model is the Jobs screen.
type Model struct {
	c        *common.Common
	tab      tab
	list     []store.JobListing
	cursor   int
	offset   int
	loaded   bool
	err      string
	seq      int // the latest list load
	asked    int // the latest edit load or phone reveal
	form     *form
	prompt   prompt
	reason   textinput.Model
	revealed map[int64]string // employer id → phone, shown until the selection moves
	card     string           // the last saved job, to read back to the caller
	select1  int64            // a job to select once the list arrives
	width    int
	height   int
}

// New returns the Jobs screen.
func New(c *common.Common) common.Screen {
	in := common.NewInput()
	in.CharLimit = 200
	in.Prompt = ""
	in.Placeholder = c.T("jobs.cancel.hint")
	return &Model{c: c, reason: in, revealed: map[int64]string{}, width: 80, height: 19}
}

func (m *Model) Init() tea.Cmd { return m.load() }

func (m *Model) load() tea.Cmd {
	m.seq++
	seq, t, s, ctx := m.seq, m.tab, m.c.Store, m.c.Ctx
	start, end, _ := s.DayRange(s.Today())
	f := store.JobFilter{Limit: listLimit}
	switch t {
	case tabToday:
		f.From, f.To = start, end
	case tabUpcoming:
		f.From = end
	case tabPast:
		f.To, f.Desc = start, true
	}
	return func() tea.Msg {
		jobs, err := s.JobListings(ctx, f)
		return listMsg{seq: seq, tab: t, jobs: jobs, err: err}
	}
}

func (m *Model) selected() (store.JobListing, bool) {
	if m.cursor < 0 || m.cursor >= len(m.list) {
		return store.JobListing{}, false
	}
	return m.list[m.cursor], true
}

func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case listMsg:
		if msg.seq != m.seq {
			return m, nil
		}
		m.loaded = true
		m.err = ""
		if msg.err != nil {
			m.err = m.c.Cat.Err(msg.err)
			return m, nil
		}
		m.list = msg.jobs
		m.cursor = min(m.cursor, max(len(m.list)-1, 0))
		if m.select1 != 0 {
			for i, j := range m.list {
				if j.ID == m.select1 {
					m.cursor = i
				}
			}
			m.select1 = 0
		}
		m.scroll()
		return m, nil
	case common.ChangedMsg:
		return m, m.load()
	case common.GotoMsg:
		if msg.Job != 0 {
			m.select1 = msg.Job
			return m, m.load()
		}
		return m, nil
	case editLoadedMsg:
		if msg.seq != m.asked {
			return m, nil
		}
		if msg.err != nil {
			return m, common.Status(m.c.Cat.Err(msg.err), true)
		}
		m.form = editForm(m.c, msg.employer, msg.job)
		m.form.setSize(m.width, m.height)
		return m, tea.Batch(m.form.focusCmd(), m.form.loadRights())
	case revealedMsg:
		if msg.seq != m.asked {
			return m, nil
		}
		if msg.err != nil {
			return m, common.Status(m.c.Cat.Err(msg.err), true)
		}
		m.revealed = map[int64]string{msg.employer: msg.phone}
		return m, nil
	case closedMsg:
		if msg.err != nil {
			return m, common.Status(m.c.Cat.Err(msg.err), true)
		}
		return m, tea.Batch(common.Status(m.c.T("jobs.closed."+string(msg.status), msg.id), false),
			func() tea.Msg { return common.ChangedMsg{} })
	}
	if m.form != nil {
		if sm, ok := msg.(savedMsg); ok && sm.seq == m.form.seq && sm.err == nil {
			return m, m.saved(sm.job)
		}
		cmd, closed := m.form.update(msg)
		if closed {
			m.form = nil
			return m, cmd
		}
		return m, cmd
	}
	if km, ok := msg.(tea.KeyMsg); ok {
		if m.prompt != promptNone {
			return m, m.promptKey(km)
		}
		return m, m.listKey(km)
	}
	return m, nil
}

// saved closes the form, keeps the card to read back and tells the other screens.
func (m *Model) saved(j store.Job) tea.Cmd {
	edited := m.form.edit.ID != 0
	m.form = nil
	now := m.c.Clock()
	trade := m.c.Cat.TradeName(m.c.Records, j.TradeID)
	m.card = m.c.T("jobs.card", j.ID, m.c.Cat.When(j.StartsAt.In(m.c.Store.Location()), now), trade, j.Headcount,
		m.c.Cat.Pay(j.PayFen, j.PayUnit))
	status := m.c.T("jobs.saved", j.ID)
	if edited {
		status = m.c.T("jobs.updated", j.ID)
	}
	// show the job in the tab that holds it
	start, end, _ := m.c.Store.DayRange(m.c.Store.Today())
	switch {
	case j.StartsAt.Before(start):
		m.tab = tabPast
	case j.StartsAt.Before(end):
		m.tab = tabToday
	default:
		m.tab = tabUpcoming
	}
	m.select1 = j.ID
	return tea.Batch(common.Status(status, false), func() tea.Msg { return common.ChangedMsg{} })
}

func (m *Model) listKey(km tea.KeyMsg) tea.Cmd {
	k := m.c.Keys
	switch {
	case key.Matches(km, k.JobNew):
		m.form = newForm(m.c)
		m.form.setSize(m.width, m.height)
		m.card = ""
		return tea.Batch(m.form.focusCmd(), m.form.loadRights())
	case key.Matches(km, k.JobTabs):
		d := 1
		if km.String() == "left" {
			d = -1
		}
		m.tab = (m.tab + tab(d) + tabCount) % tabCount
		m.cursor, m.offset, m.loaded = 0, 0, false
		m.revealed = map[int64]string{}
		return m.load()
	case key.Matches(km, k.Up):
		m.moveCursor(-1)
	case key.Matches(km, k.Down):
		m.moveCursor(1)
	case key.Matches(km, k.PgUp):
		m.moveCursor(-m.rows())
	case key.Matches(km, k.PgDown):
		m.moveCursor(m.rows())
	}
	j, ok := m.selected()
	if !ok {
		return nil
	}
	switch {
	case key.Matches(km, k.Select):
		return common.Goto(common.PageMatch, j.ID)
	case key.Matches(km, k.JobEdit):
		if !j.Open() && j.Status != store.JobFilled {
			return common.Status(m.c.T("err.job.closed"), true)
		}
		m.asked++
		seq, s, ctx := m.asked, m.c.Store, m.c.Ctx
		return func() tea.Msg {
			job, err := s.Job(ctx, j.ID)
			if err != nil {
				return editLoadedMsg{seq: seq, err: err}
			}
			e, err := s.Employer(ctx, job.EmployerID)
			return editLoadedMsg{seq: seq, employer: e, job: job, err: err}
		}
	case key.Matches(km, k.JobCancel), key.Matches(km, k.JobExpire):
		if closedStatus(j.Status) {
			return common.Status(m.c.T("err.job.closed"), true)
		}
		if key.Matches(km, k.JobCancel) {
			m.prompt = promptCancel
			m.reason.Reset()
			return m.reason.Focus()
		}
		m.prompt = promptExpire
	case key.Matches(km, k.JobReveal):
		m.asked++
		seq, s, ctx, staff, id := m.asked, m.c.Store, m.c.Ctx, m.c.Staff.ID, j.EmployerID
		return func() tea.Msg {
			phone, err := s.RevealEmployer(ctx, staff, id)
			return revealedMsg{seq: seq, employer: id, phone: phone, err: err}
		}
	}
	return nil
}

func closedStatus(s store.JobStatus) bool {
	return s == store.JobDone || s == store.JobCancelled || s == store.JobExpired
}

func (m *Model) promptKey(km tea.KeyMsg) tea.Cmd {
	k := m.c.Keys
	j, ok := m.selected()
	if !ok {
		m.prompt = promptNone
		return nil
	}
	closeJob := func(status store.JobStatus, reason string) tea.Cmd {
		m.prompt = promptNone
		m.reason.Blur()
		s, ctx, staff := m.c.Store, m.c.Ctx, m.c.Staff.ID
		return func() tea.Msg {
			err := s.CloseJob(ctx, staff, j.ID, status, reason)
			return closedMsg{id: j.ID, status: status, err: err}
		}
	}
	if m.prompt == promptExpire {
		switch {
		case key.Matches(km, k.Yes):
			return closeJob(store.JobExpired, "")
		case key.Matches(km, k.No):
			m.prompt = promptNone
		}
		return nil
	}
	switch {
	case key.Matches(km, k.Back):
		m.prompt = promptNone
		m.reason.Blur()
		return nil
	case key.Matches(km, k.Select), key.Matches(km, k.Save):
		reason, p := valid.Text("reason", m.reason.Value(), 200)
		if p != nil {
			return common.Status(m.c.Cat.Err(&store.Error{Code: store.Invalid, Key: p.Key}), true)
		}
		if reason == "" {
			return common.Status(m.c.T("err.job.reason_needed"), true)
		}
		return closeJob(store.JobCancelled, reason)
	}
	var cmd tea.Cmd
	m.reason, cmd = m.reason.Update(km)
	return cmd
}

func (m *Model) moveCursor(d int) {
	if len(m.list) == 0 {
		return
	}
	prev := m.cursor
	m.cursor = min(max(m.cursor+d, 0), len(m.list)-1)
	if m.cursor != prev {
		m.revealed = map[int64]string{} // a revealed phone goes when its row is left
	}
	m.scroll()
}

// rows is how many job lines fit: the body less the tab line, header, detail and prompt.
func (m *Model) rows() int { return max(m.height-8, 3) }

func (m *Model) scroll() {
	m.offset = common.ScrollOffset(m.cursor, m.offset, m.rows(), len(m.list))
}

func (m *Model) View() string {
	if m.form != nil {
		return m.form.view()
	}
	s := m.c.Styles
	var b strings.Builder
	// the tabs, with the card of the job just taken beside them
	var tabs []string
	for t := range tabCount {
		l := m.c.T(tabKeys[t])
		if t == m.tab {
			tabs = append(tabs, s.TabActive.Render(l))
		} else {
			tabs = append(tabs, s.Tab.Render(l))
		}
	}
	b.WriteString(strings.Join(tabs, " ") + "  " + s.Subtle.Render(m.c.T("jobs.hint")) + "\n")
	if m.card != "" {
		b.WriteString(s.Good.Render("✓ "+m.card) + "\n")
	} else {
		b.WriteString("\n")
	}
	switch {
	case m.err != "":
		b.WriteString(s.Error.Render(m.err))
	case !m.loaded:
		b.WriteString(s.Subtle.Render(m.c.T("status.loading")))
	case len(m.list) == 0:
		b.WriteString(s.Subtle.Render(m.c.T("jobs.empty." + strings.TrimPrefix(tabKeys[m.tab], "jobs.tab."))))
	default:
		b.WriteString(m.tableView())
	}
	return m.fitLines(b.String())
}

func (m *Model) fitLines(v string) string {
	lines := strings.Split(v, "\n")
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, m.width, "…")
	}
	return strings.Join(lines, "\n")
}

func (m *Model) status(j store.JobListing) string {
	st := m.c.T("jobs.status." + string(j.Status))
	if j.Status == store.JobCancelled && j.StatusReason != "" {
		st += "：" + j.StatusReason
	}
	return st
}

func (m *Model) tableView() string {
	s := m.c.Styles
	cat := m.c.Cat
	now := m.c.Clock()
	loc := m.c.Store.Location()
	header := []string{"#", m.c.T("jobs.col.when"), m.c.T("jobs.col.trade"), m.c.T("jobs.col.filled"), m.c.T("jobs.col.pay"),
		m.c.T("jobs.col.status"), m.c.T("jobs.col.employer"), m.c.T("jobs.col.phone")}
	end := min(m.offset+m.rows(), len(m.list))
	rows := [][]string{header}
	for _, j := range m.list[m.offset:end] {
		trade := cat.TradeName(m.c.Records, j.TradeID)
		mark := ""
		if j.Urgent {
			mark += m.c.T("jobs.mark.urgent")
		}
		if j.Flagged {
			mark += "⚠"
		}
		phone := valid.MaskPhone(j.EmployerPhone)
		if p, ok := m.revealed[j.EmployerID]; ok && j.ID == m.list[m.cursor].ID {
			phone = p
		}
		rows = append(rows, []string{strconv.FormatInt(j.ID, 10) + mark, cat.When(j.StartsAt.In(loc), now), trade,
			strconv.Itoa(j.Filled) + "/" + strconv.Itoa(j.Headcount), cat.Pay(j.PayFen, j.PayUnit),
			m.c.T("jobs.status." + string(j.Status)),
			m.c.T("jobs.kind."+string(j.EmployerKind)) + "·" + m.c.Records.PlaceName(j.CommunityID), phone})
	}
	widths := make([]int, len(header))
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], lipgloss.Width(c))
		}
	}
	var b strings.Builder
	for ri, r := range rows {
		var cells []string
		for i, c := range r {
			cells = append(cells, c+strings.Repeat(" ", widths[i]-lipgloss.Width(c)))
		}
		line := ansi.Truncate(" "+strings.Join(cells, " ")+" ", m.width, "…")
		switch {
		case ri == 0:
			line = s.Subtle.Render(line)
		case m.offset+ri-1 == m.cursor:
			line = s.RowActive.Render(line)
		case closedStatus(m.list[m.offset+ri-1].Status):
			line = s.Subtle.Render(line)
		}
		b.WriteString(line + "\n")
	}
	if more := len(m.list) - end; more > 0 {
		b.WriteString(s.Subtle.Render(" " + m.c.T("jobs.more", more)))
	}
	b.WriteString("\n" + m.detailView())
	return b.String()
}

// detailView is the selected job in full (phone masked unless revealed), or the prompt.
func (m *Model) detailView() string {
	s := m.c.Styles
	j, ok := m.selected()
	if !ok {
		return ""
	}
	switch m.prompt {
	case promptCancel:
		return s.Label.Render(m.c.T("jobs.cancel.ask", j.ID)) + " " + m.reason.View()
	case promptExpire:
		return s.Warning.Render(m.c.T("jobs.expire.ask", j.ID))
	}
	phone := valid.MaskPhone(j.EmployerPhone)
	if p, ok := m.revealed[j.EmployerID]; ok {
		phone = s.Changed.Render(p)
	}
	line1 := m.c.T("jobs.detail.employer", m.c.T("jobs.kind."+string(j.EmployerKind)), j.EmployerName, phone)
	if j.Flagged {
		line1 += " " + s.Urgent.Render(m.c.T("jobs.detail.flag"))
	}
	where := j.Address
	if c := m.c.Records.PlaceName(j.CommunityID); c != "" {
		where += " · " + c
		if sub, _ := m.c.Records.Area(j.CommunityID); sub != 0 {
			if name := m.c.Records.PlaceName(sub); name != "" {
				where += " · " + name
			}
		}
	}
	line2 := m.c.T("jobs.detail.where", where, m.c.Cat.Duration(j.Duration))
	line3 := m.status(j)
	if j.Requirements != "" {
		line3 += " · " + j.Requirements
	}
	if j.RequestedWorkerID != 0 {
		line3 += " · " + m.c.T("jobs.detail.asked", j.RequestedWorkerID)
	}
	return strings.Join([]string{line1, s.Subtle.Render(line2), s.Subtle.Render(line3)}, "\n")
}

func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.reason.Width = max(min(w-30, 60), 10)
	if m.form != nil {
		m.form.setSize(w, h)
	}
	m.scroll()
}

func (m *Model) ShortHelp() []key.Binding {
	k := m.c.Keys
	switch {
	case m.form != nil:
		return []key.Binding{k.Save, k.Next, k.Prev, k.Back}
	case m.prompt == promptCancel:
		return []key.Binding{k.Select, k.Back}
	case m.prompt == promptExpire:
		return []key.Binding{k.Yes, k.No}
	}
	return []key.Binding{k.JobNew, k.Select, k.JobEdit, k.JobCancel, k.JobExpire, k.JobReveal, k.JobTabs}
}

func (m *Model) FullHelp() [][]key.Binding {
	k := m.c.Keys
	return [][]key.Binding{
		{k.JobNew, k.Select, k.JobEdit, k.JobCancel, k.JobExpire, k.JobReveal},
		{k.JobTabs, k.Up, k.Down, k.PgUp, k.PgDown},
		{k.Save, k.Next, k.Prev, k.JobToggle, k.Back},
	}
}

func (m *Model) Capturing() bool { return m.form != nil || m.prompt != promptNone }
func (m *Model) Dirty() bool     { return m.form != nil && m.form.dirty() }

// The screen's own answers reach it even while another page is shown.
func (listMsg) Owner() common.Page       { return common.PageJobs }
func (editLoadedMsg) Owner() common.Page { return common.PageJobs }
func (revealedMsg) Owner() common.Page   { return common.PageJobs }
func (closedMsg) Owner() common.Page     { return common.PageJobs }
func (lookupMsg) Owner() common.Page     { return common.PageJobs }
func (askedMsg) Owner() common.Page      { return common.PageJobs }
func (savedMsg) Owner() common.Page      { return common.PageJobs }
func (rightsMsg) Owner() common.Page     { return common.PageJobs }
