package register

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/store/valid"
	"gigdesk/tui/common"
)

// The commands that ask the store, and the messages that bring their answers back. Each
// answer to a load carries the id of the request it answers, so a late one is dropped.

type (
	searchMsg struct {
		id      int
		workers []store.Worker
		present map[int64]bool
		err     error
	}
	todayMsg struct {
		id   int
		list []store.Presence
		err  error
	}
	dupMsg struct {
		id  int
		w   store.Worker
		dup store.Duplicates
		err error
	}
	savedMsg struct {
		id      int
		w       store.Worker
		created bool
		err     error
	}
	pageMsg struct {
		id   int
		w    store.Worker
		hist store.WorkerHistory
		here bool
		self store.SelfStatus
		err  error
	}
	doneMsg struct { // a sign-in, sign-out, status change, visit or reveal finished
		text   string
		err    error
		reveal string // the revealed value, for the worker's page
		field  string
	}
)

// rightsMsg answers rightsCmd for the page of worker.
type rightsMsg struct {
	id      int
	worker  int64
	wishes  []store.TrainingWish
	matches []store.OfferMatch
	cases   []store.RightsCase
	err     error
}

// rightsDoneMsg answers a wish, a referral or a case saved from the page.
type rightsDoneMsg struct {
	text string
	err  error
	c    bool // it was the case form
}

func (rightsMsg) Owner() common.Page     { return common.PageRegister }
func (rightsDoneMsg) Owner() common.Page { return common.PageRegister }

// changed tells every screen that the records changed.
func changed() tea.Msg { return common.ChangedMsg{} }

// todayCmd reads today's sign-ins.
func todayCmd(c *common.Common, id int) tea.Cmd {
	s, ctx := c.Store, c.Ctx
	return func() tea.Msg {
		list, err := s.SignedIn(ctx, s.Today())
		return todayMsg{id: id, list: list, err: err}
	}
}

// searchCmd finds the workers q names, and which of them are here today.
func searchCmd(c *common.Common, id int, q string) tea.Cmd {
	s, ctx := c.Store, c.Ctx
	return func() tea.Msg {
		ws, err := s.SearchWorkers(ctx, q, searchLimit)
		if err != nil {
			return searchMsg{id: id, err: err}
		}
		ids := make([]int64, len(ws))
		for i, w := range ws {
			ids[i] = w.ID
		}
		present, err := s.PresentToday(ctx, ids)
		return searchMsg{id: id, workers: ws, present: present, err: err}
	}
}

// duplicatesCmd looks for a worker already registered with w's phone, ID or name and year.
func duplicatesCmd(c *common.Common, id int, w store.Worker) tea.Cmd {
	s, ctx := c.Store, c.Ctx
	return func() tea.Msg {
		d, err := s.FindDuplicates(ctx, w)
		return dupMsg{id: id, w: w, dup: d, err: err}
	}
}

// saveCmd registers w, or saves the edit of w when it has an id.
func saveCmd(c *common.Common, id int, w store.Worker) tea.Cmd {
	s, ctx, staff := c.Store, c.Ctx, c.Staff.ID
	return func() tea.Msg {
		if w.ID == 0 {
			saved, err := s.CreateWorker(ctx, staff, w)
			return savedMsg{id: id, w: saved, created: true, err: err}
		}
		saved, err := s.UpdateWorker(ctx, staff, w)
		return savedMsg{id: id, w: saved, err: err}
	}
}

// pageCmd reads worker wid, their history and whether they are here today.
func pageCmd(c *common.Common, id int, wid int64) tea.Cmd {
	s, ctx := c.Store, c.Ctx
	return func() tea.Msg {
		w, err := s.Worker(ctx, wid)
		if err != nil {
			return pageMsg{id: id, err: err}
		}
		h, err := s.WorkerHistory(ctx, wid, 5)
		if err != nil {
			return pageMsg{id: id, err: err}
		}
		here, err := s.PresentToday(ctx, []int64{wid})
		if err != nil {
			return pageMsg{id: id, err: err}
		}
		self, err := s.SelfStatus(ctx, wid)
		return pageMsg{id: id, w: w, hist: h, here: here[wid], self: self, err: err}
	}
}

func signInCmd(c *common.Common, id int64, name string) tea.Cmd {
	if id == 0 {
		return common.Status(c.T("reg.no_selection"), true)
	}
	s, ctx, staff, cat := c.Store, c.Ctx, c.Staff.ID, c
	return func() tea.Msg {
		p, err := s.SignIn(ctx, staff, id)
		if err != nil {
			return doneMsg{err: err}
		}
		return doneMsg{text: cat.T("reg.signed_in", name, p.InAt.In(s.Location()).Format("15:04"))}
	}
}

func signOutCmd(c *common.Common, id int64, name string) tea.Cmd {
	if id == 0 {
		return common.Status(c.T("reg.no_selection"), true)
	}
	s, ctx, staff, cat := c.Store, c.Ctx, c.Staff.ID, c
	return func() tea.Msg {
		if err := s.SignOut(ctx, staff, id); err != nil {
			return doneMsg{err: err}
		}
		return doneMsg{text: cat.T("reg.signed_out", name)}
	}
}

// revealCmd reads worker wid's full phone or ID number; the store audits it.
func revealCmd(c *common.Common, wid int64, field string) tea.Cmd {
	s, ctx, staff := c.Store, c.Ctx, c.Staff.ID
	return func() tea.Msg {
		v, err := s.RevealWorker(ctx, staff, wid, field)
		return doneMsg{reveal: v, field: field, err: err}
	}
}

func statusCmd(c *common.Common, w store.Worker, to store.WorkerStatus, reason string) tea.Cmd {
	s, ctx, staff := c.Store, c.Ctx, c.Staff.ID
	text := c.T("reg.status_set", w.Name, c.T("reg.status."+string(to)))
	return func() tea.Msg {
		if err := s.SetWorkerStatus(ctx, staff, w.ID, to, reason); err != nil {
			return doneMsg{err: err}
		}
		return doneMsg{text: text}
	}
}

// visitCmd records a service visit, for worker or (0) anonymous.
func visitCmd(c *common.Common, kind store.VisitKind, worker int64, note string) tea.Cmd {
	s, ctx, staff := c.Store, c.Ctx, c.Staff.ID
	text := c.T("reg.visit.logged", c.T("reg.visit."+string(kind)))
	return func() tea.Msg {
		if _, err := s.LogVisit(ctx, staff, kind, worker, note); err != nil {
			return doneMsg{err: err}
		}
		return doneMsg{text: text}
	}
}

// rightsCmd reads worker wid's open wishes, the offers that fit them and their cases.
func rightsCmd(c *common.Common, id int, wid int64) tea.Cmd {
	s, ctx, today := c.Store, c.Ctx, c.Store.Today()
	return func() tea.Msg {
		ws, err := s.Wishes(ctx, wid)
		if err != nil {
			return rightsMsg{id: id, worker: wid, err: err}
		}
		var open []store.TrainingWish
		for _, w := range ws {
			if !w.Closed {
				open = append(open, w)
			}
		}
		offers, err := s.Offers(ctx, false)
		if err != nil {
			return rightsMsg{id: id, worker: wid, err: err}
		}
		cases, err := s.RightsCases(ctx, store.CaseFilter{WorkerID: wid, Limit: 20})
		return rightsMsg{id: id, worker: wid, wishes: open, matches: store.MatchWishes(open, offers, today), cases: cases, err: err}
	}
}

func openCaseCmd(c *common.Common, rc store.RightsCase) tea.Cmd {
	s, ctx, staff := c.Store, c.Ctx, c.Staff.ID
	return func() tea.Msg {
		rc, err := s.OpenCase(ctx, staff, rc)
		return rightsDoneMsg{text: c.T("rights.opened", rc.ID), err: err, c: true}
	}
}

func addWishCmd(c *common.Common, wid int64, topic string) tea.Cmd {
	s, ctx, staff := c.Store, c.Ctx, c.Staff.ID
	return func() tea.Msg {
		_, err := s.AddWish(ctx, staff, store.TrainingWish{WorkerID: wid, Topic: topic})
		return rightsDoneMsg{text: c.T("rights.reg.wish.added", strings.TrimSpace(topic)), err: err}
	}
}

func closeWishCmd(c *common.Common, wish store.TrainingWish) tea.Cmd {
	s, ctx, staff := c.Store, c.Ctx, c.Staff.ID
	return func() tea.Msg {
		err := s.CloseWish(ctx, staff, wish.ID)
		return rightsDoneMsg{text: c.T("rights.reg.wish.removed", wish.Topic), err: err}
	}
}

// referCmd logs worker w's referral to the offer that matched one of their wishes.
func referCmd(c *common.Common, w store.Worker, mt store.OfferMatch) tea.Cmd {
	s, ctx, staff := c.Store, c.Ctx, c.Staff.ID
	return func() tea.Msg {
		_, err := s.Refer(ctx, staff, w.ID, mt.Offer.ID, mt.WishID)
		return rightsDoneMsg{text: c.T("training.referred", valid.MaskName(w.Name), mt.Offer.Title), err: err}
	}
}
