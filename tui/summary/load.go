package summary

import (
	"path/filepath"

	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/tui/common"
	"gigdesk/tui/report"
)

// loadedMsg answers request req with the period's summary.
type loadedMsg struct {
	req    int
	sum    store.Summary
	rights report.Rights
	fairs  report.Fairs
	err    error
}

// fairMsg answers request req with the period's fairness section, which comes after the rest
// (at a district it costs ten times the figures: the screen does not wait for it).
type fairMsg struct {
	req         int
	cur, last30 store.Fairness
	err         error
}

// exportedMsg says where the Excel file went.
type exportedMsg struct {
	path string
	err  error
}

// Both answers belong to this screen even when the staff member has moved to another page.
func (loadedMsg) Owner() common.Page   { return common.PageSummary }
func (fairMsg) Owner() common.Page     { return common.PageSummary }
func (exportedMsg) Owner() common.Page { return common.PageSummary }

// load asks for the chosen period; an answer to an older request is dropped.
func (m *Model) load() tea.Cmd {
	m.req++
	m.loading = true
	req, span, day, s, ctx := m.req, m.span, m.day, m.c.Store, m.c.Ctx
	return func() tea.Msg {
		sum, err := s.SummaryFigures(ctx, span, day)
		if err != nil {
			return loadedMsg{req: req, err: err}
		}
		rights, err := report.LoadRights(ctx, s, sum)
		if err != nil {
			return loadedMsg{req: req, err: err}
		}
		fairs, err := report.LoadFairs(ctx, s, sum)
		return loadedMsg{req: req, sum: sum, rights: rights, fairs: fairs, err: err}
	}
}

// loadFairness asks for the fairness section of the summary that answered request req.
func (m *Model) loadFairness(req int, sum store.Summary) tea.Cmd {
	m.fairPending = true
	s, ctx := m.c.Store, m.c.Ctx
	return func() tea.Msg {
		err := s.SummaryFairness(ctx, &sum)
		return fairMsg{req: req, cur: sum.Fairness, last30: sum.Fairness30, err: err}
	}
}

// export writes the period as an Excel file beside the database, in an exports folder.
func (m *Model) export() tea.Cmd {
	if m.loading || m.fairPending { // the file holds every section: write it when the last comes
		m.exportFor = m.period()
		return common.Status(m.c.T("sum.fair_wait"), false)
	}
	if m.doc == nil {
		return nil
	}
	doc := *m.doc
	path := filepath.Join(filepath.Dir(m.c.Store.Path()), "exports", doc.FileName("xlsx"))
	s, ctx, by, log := m.c.Store, m.c.Ctx, m.c.Staff.ID, m.c.Log
	return tea.Batch(common.Status(m.c.T("sum.exporting"), false), func() tea.Msg {
		if err := report.WriteFile(path, doc.WriteXLSX); err != nil {
			return exportedMsg{path: path, err: err}
		}
		log.Event("export done", "kind", "summary", "file", filepath.Base(path))
		// the file names workers and employers: an erase later lists it
		return exportedMsg{path: path, err: s.NoteReportFile(ctx, by, path, doc.Sum.Cur.From, doc.Sum.Cur.To)}
	})
}
