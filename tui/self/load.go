package self

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
)

// Messages: each store call answers with the request number it was made under, so an answer
// that comes after the screen was cleared is dropped.
type (
	tickMsg    struct{}
	catalogMsg struct {
		rec *store.Catalog
		err error
	}
	lookedUpMsg struct {
		req int
		id  int64
		err error
	}
	authMsg struct {
		req int
		w   store.SelfWorker
		err error
	}
	signedInMsg struct {
		req int
		at  time.Time
		err error
	}
	jobsMsg struct {
		req  int
		mine bool
		jobs []store.JobForMe
		err  error
	}
	askedMsg struct {
		req      int
		withdraw bool
		err      error
	}
	preregMsg struct {
		req int
		err error
	}
)

func (m *Model) loadCatalog() tea.Cmd {
	if m.rec != nil {
		return nil
	}
	s, ctx := m.c.Store, m.c.Ctx
	return func() tea.Msg {
		rec, err := s.Catalog(ctx)
		return catalogMsg{rec: rec, err: err}
	}
}

// call runs fn off the UI goroutine under the current request number.
func (m *Model) call(fn func(req int) tea.Msg) tea.Cmd {
	m.busy = true
	req := m.req
	return func() tea.Msg { return fn(req) }
}

func (m *Model) lookUp(phone string) tea.Cmd {
	s, ctx := m.c.Store, m.c.Ctx
	return m.call(func(req int) tea.Msg {
		id, err := s.SelfLookup(ctx, phone)
		return lookedUpMsg{req: req, id: id, err: err}
	})
}

func (m *Model) auth(id int64, pin string) tea.Cmd {
	s, ctx := m.c.Store, m.c.Ctx
	return m.call(func(req int) tea.Msg {
		w, err := s.SelfAuth(ctx, id, pin)
		return authMsg{req: req, w: w, err: err}
	})
}

func (m *Model) signIn() tea.Cmd {
	s, ctx, id := m.c.Store, m.c.Ctx, m.worker
	return m.call(func(req int) tea.Msg {
		p, err := s.SelfSignIn(ctx, id)
		return signedInMsg{req: req, at: p.InAt.In(s.Location()), err: err}
	})
}

func (m *Model) loadJobs(mine bool) tea.Cmd {
	s, ctx, id := m.c.Store, m.c.Ctx, m.worker
	return m.call(func(req int) tea.Msg {
		var jobs []store.JobForMe
		var err error
		if mine {
			jobs, err = s.MyRequests(ctx, id)
		} else {
			jobs, err = s.JobsForMe(ctx, id)
		}
		return jobsMsg{req: req, mine: mine, jobs: jobs, err: err}
	})
}

func (m *Model) ask(job int64, withdraw bool) tea.Cmd {
	s, ctx, id := m.c.Store, m.c.Ctx, m.worker
	return m.call(func(req int) tea.Msg {
		var err error
		if withdraw {
			err = s.WithdrawRequest(ctx, id, job)
		} else {
			_, err = s.AskForJob(ctx, id, job)
		}
		return askedMsg{req: req, withdraw: withdraw, err: err}
	})
}

func (m *Model) submit(p store.PreRegistration) tea.Cmd {
	s, ctx := m.c.Store, m.c.Ctx
	return m.call(func(req int) tea.Msg {
		_, err := s.PreRegister(ctx, p)
		return preregMsg{req: req, err: err}
	})
}

// errText is a refusal in the worker's words; a wrong PIN says how many tries are left.
func (m *Model) errText(err error) string {
	if e := store.AsError(err); e != nil && e.Key == "self.pin_wrong" {
		return m.c.T("err.self.pin_wrong", e.Ref)
	}
	return m.c.Cat.Err(err)
}
