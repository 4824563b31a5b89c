package jobs

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
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

// jobList is one tab of jobs (today's, upcoming or past) with the selected job in full below
// and the card of the job just taken beside the tabs.
type jobList struct {
	c        *common.Common
	tab      tab
	jobs     []store.JobListing
	cursor   int
	offset   int
	clicks   common.RowClick
	loaded   bool
	err      string
	seq      int              // the latest list load
	revealed map[int64]string // employer id → phone, shown until the selection moves
	card     string           // the last saved job, to read back to the caller
	select1  int64            // a job to select once the list arrives
	width    int
	height   int
}

func newJobList(c *common.Common) jobList {
	return jobList{c: c, revealed: map[int64]string{}, width: 80, height: 19}
}

// load asks for the jobs of the tab shown.
func (l *jobList) load() tea.Cmd {
	l.seq++
	return listJobs(l.c, l.seq, l.tab, l.filter())
}

// filter is which jobs the tab holds: starting today, after today, or before today.
func (l *jobList) filter() store.JobFilter {
	s := l.c.Store
	start, end, _ := s.DayRange(s.Today())
	f := store.JobFilter{Limit: listLimit}
	switch l.tab {
	case tabToday:
		f.From, f.To = start, end
	case tabUpcoming:
		f.From = end
	case tabPast:
		f.To, f.Desc = start, true
	}
	return f
}

// arrived takes the answer of the latest load, keeping the cursor or moving it to the job asked for.
func (l *jobList) arrived(msg listMsg) {
	if msg.seq != l.seq {
		return
	}
	l.loaded = true
	l.err = ""
	if msg.err != nil {
		l.err = l.c.Cat.Err(msg.err)
		return
	}
	l.jobs = msg.jobs
	l.cursor = min(l.cursor, max(len(l.jobs)-1, 0))
	if l.select1 != 0 {
		for i, j := range l.jobs {
			if j.ID == l.select1 {
				l.cursor = i
			}
		}
		l.select1 = 0
	}
	l.scroll()
}

// show turns to the tab that holds a job just saved and selects it once the list reloads.
func (l *jobList) show(j store.Job, card string) {
	l.card = card
	start, end, _ := l.c.Store.DayRange(l.c.Store.Today())
	switch {
	case j.StartsAt.Before(start):
		l.tab = tabPast
	case j.StartsAt.Before(end):
		l.tab = tabToday
	default:
		l.tab = tabUpcoming
	}
	l.select1 = j.ID
}

func (l *jobList) selected() (store.JobListing, bool) {
	if l.cursor < 0 || l.cursor >= len(l.jobs) {
		return store.JobListing{}, false
	}
	return l.jobs[l.cursor], true
}

// switchTab goes to the next tab (the previous one with ←) and loads it.
func (l *jobList) switchTab(km tea.KeyMsg) tea.Cmd {
	d := 1
	if km.String() == "left" {
		d = -1
	}
	l.tab = (l.tab + tab(d) + tabCount) % tabCount
	l.cursor, l.offset, l.loaded = 0, 0, false
	l.revealed = map[int64]string{}
	return l.load()
}

// navigate moves the selection for the arrow and page keys.
func (l *jobList) navigate(km tea.KeyMsg) {
	k := l.c.Keys
	switch {
	case key.Matches(km, k.Up):
		l.moveCursor(-1)
	case key.Matches(km, k.Down):
		l.moveCursor(1)
	case key.Matches(km, k.PgUp):
		l.moveCursor(-l.rows())
	case key.Matches(km, k.PgDown):
		l.moveCursor(l.rows())
	}
}

func (l *jobList) moveCursor(d int) {
	if len(l.jobs) == 0 {
		return
	}
	prev := l.cursor
	l.cursor = min(max(l.cursor+d, 0), len(l.jobs)-1)
	if l.cursor != prev {
		l.revealed = map[int64]string{} // a revealed phone goes when its row is left
	}
	l.scroll()
}

// rows is how many job lines fit: the body less the tab line, header, detail and prompt.
func (l *jobList) rows() int { return max(l.height-8, 3) }

func (l *jobList) scroll() {
	l.offset = common.ScrollOffset(l.cursor, l.offset, l.rows(), len(l.jobs))
}

func (l *jobList) setSize(w, h int) {
	l.width, l.height = w, h
	l.scroll()
}

func closedStatus(s store.JobStatus) bool {
	return s == store.JobDone || s == store.JobCancelled || s == store.JobExpired
}

// view draws the tabs, the card of the job just taken and the list; ask, when set, is the
// question shown instead of the selected job's details.
func (l *jobList) view(ask string) string {
	s := l.c.Styles
	var b strings.Builder
	// the tabs, with the card of the job just taken beside them
	var tabs []string
	for t := range tabCount {
		label := l.c.T(tabKeys[t])
		if t == l.tab {
			tabs = append(tabs, s.TabActive.Render(label))
		} else {
			tabs = append(tabs, s.Tab.Render(label))
		}
	}
	b.WriteString(strings.Join(tabs, " ") + "  " + s.Subtle.Render(l.c.T("jobs.hint")) + "\n")
	if l.card != "" {
		b.WriteString(s.Good.Render("✓ "+l.card) + "\n")
	} else {
		b.WriteString("\n")
	}
	switch {
	case l.err != "":
		b.WriteString(s.Error.Render(l.err))
	case !l.loaded:
		b.WriteString(s.Subtle.Render(l.c.T("status.loading")))
	case len(l.jobs) == 0:
		b.WriteString(s.Subtle.Render(l.c.T("jobs.empty." + strings.TrimPrefix(tabKeys[l.tab], "jobs.tab."))))
	default:
		b.WriteString(l.tableView(ask))
	}
	return l.fitLines(b.String())
}

func (l *jobList) fitLines(v string) string {
	lines := strings.Split(v, "\n")
	for i, line := range lines {
		lines[i] = ansi.Truncate(line, l.width, "…")
	}
	return strings.Join(lines, "\n")
}

func (l *jobList) status(j store.JobListing) string {
	st := l.c.T("jobs.status." + string(j.Status))
	if j.Status == store.JobCancelled && j.StatusReason != "" {
		st += "：" + j.StatusReason
	}
	return st
}

// cells is one job's row of the table; the phone is masked unless revealed for the selected row.
func (l *jobList) cells(j store.JobListing, now time.Time) []string {
	cat := l.c.Cat
	trade := cat.TradeName(l.c.Records, j.TradeID)
	mark := ""
	if j.Urgent {
		mark += l.c.T("jobs.mark.urgent")
	}
	if j.Flagged {
		mark += "⚠"
	}
	phone := valid.MaskPhone(j.EmployerPhone)
	if p, ok := l.revealed[j.EmployerID]; ok && j.ID == l.jobs[l.cursor].ID {
		phone = p
	}
	return []string{strconv.FormatInt(j.ID, 10) + mark, cat.WhenEnd(j.StartsAt.In(l.c.Store.Location()), j.Duration, now), trade,
		strconv.Itoa(j.Filled) + "/" + strconv.Itoa(j.Headcount), cat.PayShort(j.PayFen, j.PayUnit),
		l.c.T("jobs.status." + string(j.Status)), j.EmployerName,
		l.c.T("jobs.kind."+string(j.EmployerKind)) + "·" + orUnknown(l.c, l.c.Records.PlaceName(j.CommunityID)), phone}
}

// listCols are the table's columns in the order of cells: number, start, trade, filled, pay,
// status, employer, kind·community and phone; each grows to the widest text on screen, the
// long names up to a cap until everything else fits.
var listCols = []common.Column{{Min: 2}, {Min: 11}, {Min: 6, Max: 20}, {Min: 3}, {Min: 10}, {Min: 4},
	{Min: 6, Max: 20}, {Min: 8, Max: 24}, {Min: 11}}

// placeCol is where the kind·community column sits in listCols.
const placeCol = 7

// needed is how many cells cols take with every text whole (the long names at their cap).
func needed(cols []common.Column) int {
	n := len(cols) - 1
	for _, c := range cols {
		w := max(c.Need, c.Min)
		if c.Max > 0 {
			w = min(w, max(c.Max, c.Min))
		}
		n += w
	}
	return n
}

func (l *jobList) tableView(ask string) string {
	s := l.c.Styles
	header := []string{"#", l.c.T("jobs.col.when"), l.c.T("jobs.col.trade"), l.c.T("jobs.col.filled"), l.c.T("jobs.col.pay"),
		l.c.T("jobs.col.status"), l.c.T("jobs.col.employer"), l.c.T("jobs.col.place"), l.c.T("jobs.col.phone")}
	end := min(l.offset+l.rows(), len(l.jobs))
	rows := [][]string{header}
	now := l.c.Clock()
	for _, j := range l.jobs[l.offset:end] {
		rows = append(rows, l.cells(j, now))
	}
	cols := slices.Clone(listCols)
	for _, r := range rows {
		for i, c := range r {
			cols[i].Fit(c)
		}
	}
	if needed(cols) > l.width-2 { // narrow: the kind and community give way; the detail below shows them
		cols = slices.Delete(cols, placeCol, placeCol+1)
		for i := range rows {
			rows[i] = slices.Delete(rows[i], placeCol, placeCol+1)
		}
	}
	widths := common.Layout(cols, l.width-2, 1)
	var b strings.Builder
	for ri, r := range rows {
		var cells []string
		for i, c := range r {
			cells = append(cells, common.Cell(c, widths[i]))
		}
		line := ansi.Truncate(" "+strings.Join(cells, " ")+" ", l.width, "…")
		switch {
		case ri == 0:
			line = s.Subtle.Render(line)
		case l.offset+ri-1 == l.cursor:
			line = s.RowActive.Render(line)
		case closedStatus(l.jobs[l.offset+ri-1].Status):
			line = s.Subtle.Render(line)
		}
		b.WriteString(line + "\n")
	}
	if more := len(l.jobs) - end; more > 0 {
		b.WriteString(s.Subtle.Render(" " + l.c.T("jobs.more", more)))
	}
	b.WriteString("\n" + l.detailView(ask))
	return b.String()
}

// detailView is the selected job in full (phone masked unless revealed), or the question ask.
func (l *jobList) detailView(ask string) string {
	s := l.c.Styles
	j, ok := l.selected()
	if !ok {
		return ""
	}
	if ask != "" {
		return ask
	}
	phone := valid.MaskPhone(j.EmployerPhone)
	if p, ok := l.revealed[j.EmployerID]; ok {
		phone = s.Changed.Render(p)
	}
	line1 := l.c.T("jobs.detail.employer", l.c.T("jobs.kind."+string(j.EmployerKind)), j.EmployerName, phone)
	if j.Flagged {
		line1 += " " + s.Urgent.Render(l.c.T("jobs.detail.flag"))
	}
	where := j.Address
	if c := l.c.Records.PlaceName(j.CommunityID); c != "" {
		where += " · " + c
		if sub, _ := l.c.Records.Area(j.CommunityID); sub != 0 {
			if name := l.c.Records.PlaceName(sub); name != "" {
				where += " · " + name
			}
		}
	}
	where = orUnknown(l.c, strings.TrimSpace(where))
	span := l.c.Cat.Span(j.StartsAt.In(l.c.Store.Location()), j.Duration, l.c.Clock())
	line2 := l.c.T("jobs.detail.where", where, span)
	if ansi.StringWidth(line2) > l.width { // narrow: the time gets its own line rather than being cut
		line2 = l.c.T("jobs.detail.at", where) + "\n" + l.c.T("jobs.detail.when", span)
	}
	line3 := l.status(j)
	if j.Requirements != "" {
		line3 += " · " + j.Requirements
	}
	if j.RequestedWorkerID != 0 {
		line3 += " · " + l.c.T("jobs.detail.asked", j.RequestedWorkerID)
	}
	return strings.Join([]string{line1, s.Subtle.Render(line2), s.Subtle.Render(line3)}, "\n") // at most four lines: rows() leaves them
}

// orUnknown is a place's name, or that none was given (never a bare "居民·").
func orUnknown(c *common.Common, name string) string {
	if name == "" {
		return c.T("jobs.place.none")
	}
	return name
}

// listFirstRow is the body line of the first job: under the tabs, the card line and the head.
const listFirstRow = 3

// mouse: the wheel moves the cursor, a click picks a job, a double click opens it on Match.
func (l *jobList) mouse(msg tea.MouseMsg) tea.Cmd {
	move, row, open := l.clicks.Mouse(msg, listFirstRow, l.offset, min(len(l.jobs), l.offset+l.rows()), l.c.Now())
	switch {
	case move != 0:
		l.moveCursor(move)
	case row >= 0:
		l.moveCursor(row - l.cursor)
		if j, ok := l.selected(); ok && open {
			return common.Goto(common.PageMatch, j.ID)
		}
	}
	return nil
}
