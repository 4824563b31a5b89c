package match

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"gigdesk/store"
	"gigdesk/store/valid"
	"gigdesk/tui/common"
	"gigdesk/tui/widget/caseform"
)

// listPane is today's dispatches or, with followUp, the follow-up list (unpaid wages and open
// disputes): one dispatch per row with the keys that move it through its day (lifecycle.go)
// and the rights case opened from it (rights.go).
type listPane struct {
	*shared
	followUp bool
	list     []store.Dispatch
	sel      int
	cases    map[int64]bool // dispatches with an open rights case
	caseF    *caseform.Form // the rights case being opened from the selected dispatch
	clicks   common.RowClick
}

func (p *listPane) reload() tea.Cmd { return p.load() }

func (p *listPane) back() bool { return false }

func (p *listPane) help() []key.Binding {
	k := p.c.Keys
	return []key.Binding{k.MatchCheckIn, k.MatchDone, k.MatchPaid, k.MatchRate, k.MatchNoShow, k.MatchCancel, k.MatchDispute, k.MatchResolve, k.RightsCase, k.MatchSlip, k.MatchFollowUp, k.Back}
}

// rows is how many dispatches fit; the case form, when open, sits under the list.
func (p *listPane) rows() int {
	if p.caseF != nil {
		return max(p.height-12, 1)
	}
	return p.height - 4
}

func (p *listPane) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case listMsg:
		if msg.req != p.req {
			return nil
		}
		if msg.err != nil {
			return common.Status(p.c.Cat.Err(msg.err), true)
		}
		p.list, p.cases = msg.list, msg.cases
		p.sel = min(p.sel, max(len(p.list)-1, 0))
	case caseMsg:
		return p.caseSaved(msg)
	}
	return nil
}

func (p *listPane) selected() (store.Dispatch, bool) {
	if p.sel < 0 || p.sel >= len(p.list) {
		return store.Dispatch{}, false
	}
	return p.list[p.sel], true
}

func (p *listPane) key(msg tea.KeyMsg) tea.Cmd {
	if p.move(msg, &p.sel, len(p.list), p.rows()) {
		return nil
	}
	d, ok := p.selected()
	if !ok {
		return nil
	}
	return p.step(msg, d)
}

func (p *listPane) view() string {
	st := p.c.Styles
	title := p.c.T("dispatch.today.title", len(p.list))
	if p.followUp {
		title = p.c.T("dispatch.followup.title", len(p.list))
	}
	lines := []string{st.Title.Render(title)}
	hdr := []string{"#", p.c.T("dispatch.col.time"), p.c.T("match.col.trades"), p.c.T("match.col.name"), p.c.T("dispatch.col.employer"),
		p.c.T("dispatch.col.status"), p.c.T("dispatch.col.pay"), p.c.T("dispatch.col.notes")}
	top, end := window(p.sel, len(p.list), p.rows()-1)
	rows := make([][]string, 0, end-top)
	for i := top; i < end; i++ {
		rows = append(rows, p.cells(p.list[i]))
	}
	widths := p.columns(hdr, rows)
	lines = append(lines, st.Label.Render(p.line(hdr, widths)))
	if len(p.list) == 0 {
		lines = append(lines, st.Subtle.Render(p.c.T("dispatch.none")))
	}
	for i, r := range rows {
		row := p.line(r, widths)
		if top+i == p.sel {
			row = st.RowActive.Render(row)
		}
		lines = append(lines, row)
	}
	return strings.Join(lines, "\n")
}

// listCols are the list's columns in the order of cells: the number, when, trade, worker,
// employer, state, pay and notes; each grows to the widest text of the rows on screen.
var listCols = []common.Column{{Min: 1}, {Min: 11}, {Min: 8, Max: 22}, {Min: 4}, {Min: 8, Max: 20}, {Min: 6}, {Min: 10}, {}}

func (p *listPane) columns(hdr []string, rows [][]string) []int {
	cols := slices.Clone(listCols)
	for i := range cols {
		cols[i].Fit(hdr[i])
		for _, r := range rows {
			cols[i].Fit(r[i])
		}
	}
	return common.Layout(cols, p.width, 1)
}

func (p *listPane) line(cells []string, widths []int) string {
	parts := make([]string, len(cells))
	for i, c := range cells {
		parts[i] = common.Cell(c, widths[i])
	}
	return ansi.Truncate(strings.TrimRight(strings.Join(parts, " "), " "), p.width, "…")
}

// cells is one dispatch: when, trade, who for whom, its state, the pay and what is noted.
func (p *listPane) cells(d store.Dispatch) []string {
	pay := p.c.Cat.Money(d.AgreedPayFen)
	if d.Paid {
		pay = p.c.T("dispatch.paid_short", p.c.Cat.Money(d.PaidFen))
	}
	return []string{fmt.Sprint(d.ID), p.c.Cat.When(d.StartsAt.In(p.c.Store.Location()), p.c.Clock()), p.c.Cat.TradeName(p.c.Records, d.TradeID),
		valid.MaskName(d.WorkerName), d.EmployerName, p.c.T("dispatch.state." + string(d.Status)), pay, strings.Join(p.notes(d), " ")}
}

// notes are a dispatch's marks: insured, ratings, an open dispute, unpaid, a rights case, why cancelled.
func (p *listPane) notes(d store.Dispatch) []string {
	st := p.c.Styles
	var notes []string
	if d.Insured {
		notes = append(notes, p.c.T("dispatch.insured"))
	}
	if d.WorkerRating > 0 || d.EmployerRating > 0 {
		notes = append(notes, p.c.T("dispatch.ratings", d.WorkerRating, d.EmployerRating))
	}
	if d.Disputed && d.DisputeResolvedAt.IsZero() {
		notes = append(notes, st.Urgent.Render(p.c.T("dispatch.dispute_open")))
	}
	if d.Status == store.DoneStatus && !d.Paid {
		notes = append(notes, st.Warning.Render(p.c.T("dispatch.unpaid")))
	}
	if p.cases[d.ID] {
		notes = append(notes, st.Urgent.Render(p.c.T("rights.mark")))
	}
	if d.CancelReason != "" {
		notes = append(notes, d.CancelReason)
	}
	return notes
}
