package match

import (
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/store/valid"
	"gigdesk/tui/widget/prompt"
)

// The dispatch questions, from a job's candidate or for a walk-in: the agreed pay (the job's
// pay first), insured? (y/n), then the insurer and the policy number, each optional.

// askPay asks the agreed pay for in, payFen offered.
func (d *shared) askPay(in store.DispatchInput, payFen int64) tea.Cmd {
	return d.ask(question{keepOnDone: true,
		Spec: prompt.Spec{Label: "match.ask.pay", Kind: prompt.Amount, Value: valid.FormatYuan(payFen),
			Check: func(a prompt.Answer) string {
				if prob := valid.PayFen(a.Fen); prob != nil {
					return d.c.Cat.Err(prob)
				}
				return ""
			}},
		answer: func(a prompt.Answer) tea.Cmd {
			in.AgreedPayFen = a.Fen
			return d.askInsured(in)
		}})
}

// askInsured asks whether the worker is insured; no dispatches at once.
func (d *shared) askInsured(in store.DispatchInput) tea.Cmd {
	return d.ask(question{holds: true, dropOnRefusal: true,
		Spec: prompt.Spec{Label: "match.ask.insured", Kind: prompt.Confirm},
		answer: func(a prompt.Answer) tea.Cmd {
			in.Insured = a.Yes
			if a.Yes {
				return d.askInsurer(in)
			}
			d.q = nil
			return d.dispatch(in, "", "")
		}})
}

// askInsurer asks for the insurer (Enter skips), then the policy number.
func (d *shared) askInsurer(in store.DispatchInput) tea.Cmd {
	var insurer string
	return d.ask(question{
		Spec: prompt.Spec{Label: "ins.ask.insurer", Check: func(a prompt.Answer) string {
			v, prob := valid.Text("insurer", a.Text, 40)
			if prob != nil {
				return d.c.Cat.Err(prob) // the question keeps what was typed
			}
			insurer = v
			return ""
		}},
		answer: func(prompt.Answer) tea.Cmd { return d.askPolicy(in, insurer) }})
}

// askPolicy asks for the policy number (Enter skips) and dispatches.
func (d *shared) askPolicy(in store.DispatchInput, insurer string) tea.Cmd {
	var policy string
	return d.ask(question{
		Spec: prompt.Spec{Label: "ins.ask.policy", Check: func(a prompt.Answer) string {
			v, prob := valid.Text("policy_no", a.Text, 40)
			if prob != nil {
				return d.c.Cat.Err(prob)
			}
			policy = v
			return ""
		}},
		answer: func(prompt.Answer) tea.Cmd {
			d.q = nil
			return d.dispatch(in, insurer, policy)
		}})
}

// dispatch saves in, then its insurer and policy number when given.
func (d *shared) dispatch(in store.DispatchInput, insurer, policy string) tea.Cmd {
	s, ctx, staff := d.c.Store, d.c.Ctx, d.c.Staff.ID
	return d.write(-1, func() (store.Dispatch, string, error) {
		dp, err := s.Dispatch(ctx, staff, in)
		if err != nil {
			return dp, "", err
		}
		text := d.c.T("dispatch.status.dispatched", dp.ID, dp.WorkerName, in.JobID)
		if insurer != "" || policy != "" {
			if dp, err = s.SetInsurance(ctx, staff, dp.ID, true, insurer, policy); err != nil {
				return dp, "", err
			}
			text += "  " + d.c.T("ins.saved", dp.ID)
		}
		return dp, text, nil
	})
}
