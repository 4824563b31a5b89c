package match

import (
	"context"

	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/store/valid"
	"gigdesk/tui/widget/prompt"
)

// The dispatch questions, from a job's candidate or for a walk-in: the agreed pay (the job's
// pay first), insured? (y/n), then the insurer and the policy number. Each starts from the
// job's and the station's defaults (store.DispatchDefaults), so Enter accepts it and only
// what differs is typed. The day plan dispatches with the same defaults without asking, through
// the same dispatchWith.

// defaultsMsg answers loading a job's dispatch defaults after the pay was answered.
type defaultsMsg struct {
	in    store.DispatchInput
	def   store.DispatchDefaults
	err   error
	asked *question // the pay question: a question asked since is left alone
}

// askPay asks the agreed pay for in, payFen offered.
func (d *shared) askPay(in store.DispatchInput, payFen int64) tea.Cmd {
	s, ctx := d.c.Store, d.c.Ctx
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
			asked := d.q
			return func() tea.Msg {
				def, err := s.DispatchDefaults(ctx, in.JobID)
				return defaultsMsg{in: in, def: def, err: err, asked: asked}
			}
		}})
}

// defaulted takes the defaults loaded after the pay was answered and asks insured?.
func (d *shared) defaulted(msg defaultsMsg) tea.Cmd {
	if d.q == nil || d.q != msg.asked {
		return nil
	}
	if msg.err != nil {
		msg.def = store.DispatchDefaults{} // no defaults: the questions start empty
	}
	return d.askInsured(msg.in, msg.def.Insurance)
}

// askInsured asks whether the worker is insured, def's answer on Enter; no dispatches at once.
func (d *shared) askInsured(in store.DispatchInput, def store.Insurance) tea.Cmd {
	enter := d.c.T("key.no")
	if def.Insured {
		enter = d.c.T("key.yes")
	}
	return d.ask(question{holds: true, dropOnRefusal: true,
		Spec: prompt.Spec{Label: "match.ask.insured_default", Args: []any{enter}, Kind: prompt.Choice, Keys: []string{"y", "n", "enter"}},
		answer: func(a prompt.Answer) tea.Cmd {
			in.Insured = a.Key == "y" || (a.Key == "enter" && def.Insured)
			if in.Insured {
				return d.askInsurer(in, def)
			}
			d.q = nil
			return d.dispatch(in, "", "")
		}})
}

// askInsurer asks for the insurer (the default shown; Enter keeps it), then the policy number.
func (d *shared) askInsurer(in store.DispatchInput, def store.Insurance) tea.Cmd {
	var insurer string
	return d.ask(question{
		Spec: prompt.Spec{Label: "ins.ask.insurer", Value: def.Insurer, Check: func(a prompt.Answer) string {
			v, prob := valid.Text("insurer", a.Text, 40)
			if prob != nil {
				return d.c.Cat.Err(prob) // the question keeps what was typed
			}
			insurer = v
			return ""
		}},
		answer: func(prompt.Answer) tea.Cmd { return d.askPolicy(in, insurer, def.PolicyNo) }})
}

// askPolicy asks for the policy number (the default shown; Enter keeps it) and dispatches.
func (d *shared) askPolicy(in store.DispatchInput, insurer, policyDefault string) tea.Cmd {
	var policy string
	return d.ask(question{
		Spec: prompt.Spec{Label: "ins.ask.policy", Value: policyDefault, Check: func(a prompt.Answer) string {
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
	return d.write(-1, func() (store.Dispatch, string, error) {
		return d.dispatchWith(in, store.Insurance{Insured: in.Insured, Insurer: insurer, PolicyNo: policy})
	})
}

// dispatchWith is the one dispatch path of the call flow and the day plan: the dispatch (its
// audit row), then the insurer and policy number when given (theirs); text is for the footer.
func (d *shared) dispatchWith(in store.DispatchInput, ins store.Insurance) (store.Dispatch, string, error) {
	s, ctx, staff := d.c.Store, d.c.Ctx, d.c.Staff.ID
	in.Insured = ins.Insured
	dp, err := s.Dispatch(ctx, staff, in)
	if err != nil {
		return dp, "", err
	}
	text := d.c.T("dispatch.status.dispatched", dp.ID, dp.WorkerName, in.JobID)
	if ins.Insured && (ins.Insurer != "" || ins.PolicyNo != "") {
		if dp, err = s.SetInsurance(ctx, staff, dp.ID, true, ins.Insurer, ins.PolicyNo); err != nil {
			return dp, "", err
		}
		text += "  " + d.c.T("ins.saved", dp.ID)
	}
	return dp, text, nil
}

// dispatchDefault is the day plan's dispatch of worker w to job: the accepted call, then the
// job's and the station's defaults, as Enter on every call-flow question would give.
func (d *shared) dispatchDefault(ctx context.Context, job, w int64) (store.Dispatch, string, error) {
	s, staff := d.c.Store, d.c.Staff.ID
	if _, err := s.RecordCall(ctx, staff, job, w, store.Accepted, ""); err != nil {
		return store.Dispatch{}, "", err
	}
	def, err := s.DispatchDefaults(ctx, job)
	if err != nil {
		return store.Dispatch{}, "", err
	}
	return d.dispatchWith(store.DispatchInput{JobID: job, WorkerID: w, AgreedPayFen: def.PayFen}, def.Insurance)
}
