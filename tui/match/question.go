package match

import (
	"strconv"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/tui/widget/prompt"
)

// question is the one-line question the screen is asking and what its answer does.
type question struct {
	prompt.Spec
	p      *prompt.Prompt
	answer func(prompt.Answer) tea.Cmd // an accepted answer; it drops the question when it is settled
	typed  func(string) tea.Cmd        // each key typed, when the answer follows the typing (a search)
	cancel func()                      // after Esc dropped the question

	quiet         bool // opening a job, searching, choosing a day: leaving it loses nothing
	holds         bool // holds an answer already given (insured? holds the pay): unsaved with nothing typed
	keepOnDone    bool // stays open when a write succeeds (the pay, asked while the accepted call is saved)
	dropOnRefusal bool // goes when a write is refused (insured?, which has nothing typed to keep)
}

// ask opens q in place of any question before it.
func (d *shared) ask(q question) tea.Cmd {
	q.p = prompt.New(d.c, q.Spec)
	q.p.SetLineWidth(d.width)
	d.q = &q
	return q.p.Focus()
}

// dirty is true while the question holds something typed that leaving would lose.
func (q *question) dirty() bool { return !q.quiet && (q.holds || q.p.Value() != "") }

// questionKey hands a key to the open question; Enter (or Ctrl+S) answers it, Esc leaves it.
func (m *Model) questionKey(msg tea.KeyMsg) tea.Cmd {
	q := m.q
	cmd, res := q.p.Update(msg)
	switch res {
	case prompt.Cancelled:
		m.q = nil
		if q.cancel != nil {
			q.cancel()
		}
		return nil
	case prompt.Answered:
		return q.answer(q.p.Answer())
	}
	if q.typed != nil && strings.TrimSpace(q.p.Value()) != "" {
		return tea.Batch(cmd, q.typed(q.p.Value()))
	}
	return cmd
}

// askJob asks for a job number, value typed so far, and opens that job's candidates.
func (m *Model) askJob(value string) tea.Cmd {
	var n int64
	return m.ask(question{quiet: true, Spec: prompt.Spec{Label: "match.ask.job", Value: value,
		Check: func(a prompt.Answer) string {
			var err error
			n, err = strconv.ParseInt(normaliseDigits(a.Text), 10, 64)
			if err != nil || n <= 0 {
				return "match.err.job_number"
			}
			return ""
		}},
		answer: func(prompt.Answer) tea.Cmd {
			m.q = nil
			m.show(viewJob)
			return m.job.open(n)
		}})
}

// askSearch finds walk-in workers as their name or phone is typed; Enter keeps the list.
func (m *Model) askSearch() tea.Cmd {
	return m.ask(question{quiet: true, Spec: prompt.Spec{Label: "match.ask.search"},
		typed:  m.walk.search,
		answer: func(prompt.Answer) tea.Cmd { m.q = nil; return nil },
		cancel: func() {
			if len(m.walk.found) == 0 && m.view == viewWalkIn {
				m.show(viewJob)
			}
		}})
}

// askDate asks which day to plan, value first, and loads that day's plan.
func (m *Model) askDate(value string) tea.Cmd {
	s := m.c.Store
	return m.ask(question{quiet: true, Spec: prompt.Spec{Label: "plan.ask.date", Value: value,
		Check: func(a prompt.Answer) string {
			if _, _, err := s.DayRange(a.Text); err != nil {
				return m.c.Cat.Err(err)
			}
			return ""
		}},
		answer: func(a prompt.Answer) tea.Cmd {
			m.q = nil
			m.plan.date = a.Text
			return m.plan.load()
		}})
}

// normaliseDigits folds full-width digits typed with a Chinese input method.
func normaliseDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return r - '０' + '0'
		}
		return r
	}, strings.TrimSpace(s))
}
