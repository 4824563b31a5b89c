package board

import (
	"cmp"
	"slices"

	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/tui/common"
)

// Messages. Each is owned by the Board page so the root delivers it while another page shows.
type (
	watcherMsg struct {
		w   *store.Watcher
		err error
	}
	pollMsg struct {
		changed bool
		err     error
	}
	loadedMsg struct {
		id    int
		rows  []row
		fairs []store.DoorCount
		err   error
	}
)

func (watcherMsg) Owner() common.Page { return common.PageBoard }
func (pollMsg) Owner() common.Page    { return common.PageBoard }
func (loadedMsg) Owner() common.Page  { return common.PageBoard }

func (m *Model) openWatcher() tea.Msg {
	w, err := m.c.Store.NewWatcher(m.c.Ctx)
	return watcherMsg{w: w, err: err}
}

// load reads the open jobs and sorts them, off the UI goroutine.
func (m *Model) load() tea.Cmd {
	m.reqID++
	m.loading, m.stale = true, false
	id, s, ctx, rec := m.reqID, m.c.Store, m.c.Ctx, m.c.Records
	staff := m.c.Staff.ID
	return func() tea.Msg {
		// expired jobs leave the board (and count as expired) before it reads what is open
		if _, err := s.ExpireJobs(ctx, staff); err != nil {
			return loadedMsg{id: id, err: err}
		}
		jobs, err := s.Jobs(ctx, store.JobFilter{Statuses: []store.JobStatus{store.JobOpen, store.JobPartly}})
		if err != nil {
			return loadedMsg{id: id, err: err}
		}
		fairs, err := s.FairsToday(ctx) // a fair on today: its count at the door, live
		if err != nil {
			return loadedMsg{id: id, err: err}
		}
		return loadedMsg{id: id, rows: rowsOf(jobs, rec), fairs: fairs}
	}
}

// rowsOf orders jobs by start time, urgent first at the same time, and notes each one's area.
func rowsOf(jobs []store.Job, rec *store.Catalog) []row {
	rows := make([]row, len(jobs))
	for i, j := range jobs {
		rows[i].job = j
		if rec != nil {
			rows[i].sub, _ = rec.Area(j.CommunityID)
		}
	}
	slices.SortStableFunc(rows, func(a, b row) int {
		if c := a.job.StartsAt.Compare(b.job.StartsAt); c != 0 {
			return c
		}
		if a.job.Urgent != b.job.Urgent {
			if a.job.Urgent {
				return -1
			}
			return 1
		}
		return cmp.Compare(a.job.ID, b.job.ID)
	})
	return rows
}
