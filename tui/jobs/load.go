package jobs

import (
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/tui/common"
)

// The answers of the screen's commands; seq ties each to the request that asked, so an answer
// to an older request is dropped.
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
	lookupMsg struct {
		seq      int
		phone    string
		employer store.Employer
		record   store.EmployerRecord
		last     store.Job
		hasLast  bool
		err      error
		// unpaid-wage rights cases of the employer not yet resolved
		unpaidCases int
	}
	askedMsg struct {
		seq     int
		text    string
		workers []store.Worker
		err     error
	}
	savedMsg struct {
		seq int
		job store.Job
		err error
	}
	// rightsMsg answers loadRights; form ties it to the form that asked.
	rightsMsg struct {
		form   *form
		guides []store.GuidePay
		review store.JobReview
		err    error
	}
)

// The screen's own answers reach it even while another page is shown.
func (listMsg) Owner() common.Page       { return common.PageJobs }
func (editLoadedMsg) Owner() common.Page { return common.PageJobs }
func (revealedMsg) Owner() common.Page   { return common.PageJobs }
func (closedMsg) Owner() common.Page     { return common.PageJobs }
func (lookupMsg) Owner() common.Page     { return common.PageJobs }
func (askedMsg) Owner() common.Page      { return common.PageJobs }
func (savedMsg) Owner() common.Page      { return common.PageJobs }
func (rightsMsg) Owner() common.Page     { return common.PageJobs }

// listJobs loads the jobs of tab t that f selects.
func listJobs(c *common.Common, seq int, t tab, f store.JobFilter) tea.Cmd {
	s, ctx := c.Store, c.Ctx
	return func() tea.Msg {
		jobs, err := s.JobListings(ctx, f)
		return listMsg{seq: seq, tab: t, jobs: jobs, err: err}
	}
}

// loadEdit loads a saved job and its employer for the form.
func loadEdit(c *common.Common, seq int, id int64) tea.Cmd {
	s, ctx := c.Store, c.Ctx
	return func() tea.Msg {
		job, err := s.Job(ctx, id)
		if err != nil {
			return editLoadedMsg{seq: seq, err: err}
		}
		e, err := s.Employer(ctx, job.EmployerID)
		return editLoadedMsg{seq: seq, employer: e, job: job, err: err}
	}
}

// revealPhone reads an employer's full phone; the store audits who asked.
func revealPhone(c *common.Common, seq int, employer int64) tea.Cmd {
	s, ctx, staff := c.Store, c.Ctx, c.Staff.ID
	return func() tea.Msg {
		phone, err := s.RevealEmployer(ctx, staff, employer)
		return revealedMsg{seq: seq, employer: employer, phone: phone, err: err}
	}
}

// closeJob cancels or expires a job.
func closeJob(c *common.Common, id int64, status store.JobStatus, reason string) tea.Cmd {
	s, ctx, staff := c.Store, c.Ctx, c.Staff.ID
	return func() tea.Msg {
		err := s.CloseJob(ctx, staff, id, status, reason)
		return closedMsg{id: id, status: status, err: err}
	}
}

// lookupEmployer finds the caller by phone, with their record, open unpaid-wage cases and last job.
func lookupEmployer(c *common.Common, seq int, phone string) tea.Cmd {
	s, ctx := c.Store, c.Ctx
	return func() tea.Msg {
		e, err := s.EmployerByPhone(ctx, phone)
		if store.ErrorCode(err) == store.NotFound {
			return lookupMsg{seq: seq, phone: phone}
		}
		if err != nil {
			return lookupMsg{seq: seq, phone: phone, err: err}
		}
		msg := lookupMsg{seq: seq, phone: phone, employer: e}
		if msg.record, err = s.EmployerHistory(ctx, e.ID); err != nil {
			return lookupMsg{seq: seq, phone: phone, err: err}
		}
		if msg.unpaidCases, err = s.OpenUnpaidCases(ctx, e.ID); err != nil {
			return lookupMsg{seq: seq, phone: phone, err: err}
		}
		last, err := s.LastJob(ctx, e.ID)
		if err == nil {
			msg.last, msg.hasLast = last, true
		}
		return msg
	}
}

// searchAsked finds the worker the employer asked for by name or number.
func searchAsked(c *common.Common, seq int, text string) tea.Cmd {
	s, ctx := c.Store, c.Ctx
	return func() tea.Msg {
		ws, err := s.SearchWorkers(ctx, text, 4)
		return askedMsg{seq: seq, text: text, workers: ws, err: err}
	}
}

// saveJob saves a new job with its employer (created when new), or the changes to a saved job.
func saveJob(c *common.Common, seq int, e store.Employer, j store.Job) tea.Cmd {
	s, ctx, staff := c.Store, c.Ctx, c.Staff.ID
	if j.ID != 0 {
		return func() tea.Msg {
			saved, err := s.UpdateJob(ctx, staff, j)
			return savedMsg{seq: seq, job: saved, err: err}
		}
	}
	return func() tea.Msg {
		_, saved, err := s.CreateJob(ctx, staff, e, j)
		return savedMsg{seq: seq, job: saved, err: err}
	}
}

// readRights reads the guide pay and, for a saved job (id not 0), the reasons confirmed before.
func readRights(c *common.Common, f *form, id int64) tea.Cmd {
	s, ctx := c.Store, c.Ctx
	return func() tea.Msg {
		msg := rightsMsg{form: f}
		msg.guides, msg.err = s.GuidePays(ctx)
		if msg.err == nil && id != 0 {
			msg.review, msg.err = s.JobReviewOf(ctx, id)
		}
		return msg
	}
}
