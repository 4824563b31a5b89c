package match

import (
	"path/filepath"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/store/valid"
	"gigdesk/tui/slip"
	"gigdesk/tui/widget/prompt"
)

// A dispatch's day, one key each on today's list or the follow-up list: checked in, done,
// paid, rated, no-show, cancelled, disputed and resolved, its slip, and a rights case. The
// questions stay open, with what was typed, until the store accepts the step.

// step is what a lifecycle key does to dispatch d.
func (p *listPane) step(msg tea.KeyMsg, d store.Dispatch) tea.Cmd {
	k := p.c.Keys
	s, ctx, staff, id := p.c.Store, p.c.Ctx, p.c.Staff.ID, d.ID
	switch {
	case key.Matches(msg, k.MatchCheckIn):
		return p.save(id, "dispatch.status.checked_in", func() (store.Dispatch, error) { return s.CheckIn(ctx, staff, id) })
	case key.Matches(msg, k.MatchDone):
		return p.save(id, "dispatch.status.done", func() (store.Dispatch, error) { return s.Done(ctx, staff, id) })
	case key.Matches(msg, k.MatchNoShow):
		return p.save(id, "dispatch.status.no_show", func() (store.Dispatch, error) { return s.MarkNoShow(ctx, staff, id) })
	case key.Matches(msg, k.MatchPaid):
		return p.askPaid(d)
	case key.Matches(msg, k.MatchRate):
		return p.askRate(id)
	case key.Matches(msg, k.MatchCancel):
		return p.askCancelBy(id)
	case key.Matches(msg, k.MatchDispute):
		return p.askNote(id, "dispatch.ask.dispute", "err.dispatch.note_needed", "dispatch.status.disputed",
			func(note string) (store.Dispatch, error) { return s.Dispute(ctx, staff, id, note) })
	case key.Matches(msg, k.MatchResolve):
		return p.askNote(id, "dispatch.ask.resolve", "", "dispatch.status.resolved",
			func(note string) (store.Dispatch, error) { return s.ResolveDispute(ctx, staff, id, note) })
	case key.Matches(msg, k.MatchSlip):
		return p.saveSlip(id)
	case key.Matches(msg, k.RightsCase):
		return p.openCase(d)
	}
	return nil
}

// save runs one step of dispatch id and reports it with the catalogue's text.
func (p *listPane) save(id int64, text string, fn func() (store.Dispatch, error)) tea.Cmd {
	return p.write(-1, func() (store.Dispatch, string, error) {
		d, err := fn()
		return d, p.c.T(text, id), err
	})
}

// askPaid asks what was paid, the agreed pay first.
func (p *listPane) askPaid(d store.Dispatch) tea.Cmd {
	s, ctx, staff, id := p.c.Store, p.c.Ctx, p.c.Staff.ID, d.ID
	return p.ask(question{Spec: prompt.Spec{Label: "dispatch.ask.paid", Kind: prompt.Amount, Value: valid.FormatYuan(d.AgreedPayFen)},
		answer: func(a prompt.Answer) tea.Cmd {
			return p.write(-1, func() (store.Dispatch, string, error) {
				d, err := s.Pay(ctx, staff, id, a.Fen)
				return d, p.c.T("dispatch.status.paid", id, p.c.Cat.Money(a.Fen)), err
			})
		}})
}

// askRate asks for the ratings, "5 4" (worker, employer) or one of them.
func (p *listPane) askRate(id int64) tea.Cmd {
	s, ctx, staff := p.c.Store, p.c.Ctx, p.c.Staff.ID
	var wr, er int
	return p.ask(question{
		Spec: prompt.Spec{Label: "dispatch.ask.rate", Check: func(a prompt.Answer) string {
			var ok bool
			if wr, er, ok = parseRatings(a.Text); !ok {
				return "err.dispatch.rating"
			}
			return ""
		}},
		answer: func(prompt.Answer) tea.Cmd {
			return p.write(-1, func() (store.Dispatch, string, error) {
				d, err := s.Rate(ctx, staff, id, wr, er)
				return d, p.c.T("dispatch.status.rated", id), err
			})
		}})
}

// askCancelBy asks who cancels (w / e / s), then why.
func (p *listPane) askCancelBy(id int64) tea.Cmd {
	s, ctx, staff := p.c.Store, p.c.Ctx, p.c.Staff.ID
	by := map[string]string{"w": store.ByWorker, "e": store.ByEmployer, "s": store.ByStation}
	return p.ask(question{Spec: prompt.Spec{Label: "dispatch.ask.cancel_by", Kind: prompt.Choice, Keys: []string{"w", "e", "s"}},
		answer: func(a prompt.Answer) tea.Cmd {
			who := by[a.Key]
			return p.askNote(id, "dispatch.ask.cancel", "err.dispatch.reason_needed", "dispatch.status.cancelled",
				func(reason string) (store.Dispatch, error) { return s.Cancel(ctx, staff, id, who, reason) })
		}})
}

// askNote asks for a few words about dispatch id (label), needed unless empty is "", and
// saves them with fn, reported with the catalogue's text.
func (p *listPane) askNote(id int64, label, empty, text string, fn func(string) (store.Dispatch, error)) tea.Cmd {
	return p.ask(question{
		Spec: prompt.Spec{Label: label, Check: func(a prompt.Answer) string {
			if a.Text == "" {
				return empty
			}
			return ""
		}},
		answer: func(a prompt.Answer) tea.Cmd {
			return p.save(id, text, func() (store.Dispatch, error) { return fn(a.Text) })
		}})
}

// saveSlip writes the dispatch slip beside the database and names the file in the footer.
func (p *shared) saveSlip(id int64) tea.Cmd {
	s, ctx, staff, cat := p.c.Store, p.c.Ctx, p.c.Staff, p.c.Cat
	st, rec := p.c.Settings, p.c.Records
	return func() tea.Msg {
		d, err := s.DispatchSlip(ctx, staff.ID, id)
		if err != nil {
			return doneMsg{err: err, planLine: -1}
		}
		text := slip.Slip{Station: st, Dispatch: d, Records: rec, Staff: staff.Name, Printed: s.Now()}.Text(cat)
		path := filepath.Join(slip.Dir(s.Path()), slip.FileName(cat, id))
		if err := slip.Save(path, text); err != nil {
			return doneMsg{err: &store.Error{Code: store.Invalid, Key: "slip.write", Detail: path, Err: err}, planLine: -1}
		}
		return doneMsg{text: cat.T("slip.saved", path), planLine: -1}
	}
}

// parseRatings reads "5 4" (worker, employer) or "5" (worker only); "-" skips one side.
func parseRatings(s string) (worker, employer int, ok bool) {
	f := strings.Fields(strings.NewReplacer(",", " ", "，", " ", "/", " ").Replace(normaliseDigits(s)))
	if len(f) == 0 || len(f) > 2 {
		return 0, 0, false
	}
	vals := [2]int{}
	for i, x := range f {
		if x == "-" {
			continue
		}
		n, err := strconv.Atoi(x)
		if err != nil || n < 1 || n > 5 {
			return 0, 0, false
		}
		vals[i] = n
	}
	return vals[0], vals[1], vals[0] != 0 || vals[1] != 0
}
