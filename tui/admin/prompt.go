package admin

import (
	"gigdesk/store"
	"gigdesk/tui/widget/prompt"
)

// The one-line questions asked inside a section, with tui/widget/prompt: a new member's name,
// the audit's day and the note of a case's move. Each stays open, as typed, until its pane
// drops it (a name until the store adds the member, a note until the move is saved).

// staffNameSpec asks for a new member's name, under its label; only Enter adds them.
func staffNameSpec() prompt.Spec {
	return prompt.Spec{Label: "admin.staff.name", Below: true, Mark: "> ", Placeholder: "admin.staff.name", Limit: 30, EnterOnly: true}
}

// auditDaySpec asks which day the audit shows, day first; the filter line is its label.
func auditDaySpec(day string) prompt.Spec {
	return prompt.Spec{Value: day, Mark: "> ", Placeholder: "2026-11-28", Limit: 10, EnterOnly: true}
}

// noteSpec asks what was done with the move st of the open case.
func (p *casesPane) noteSpec(st store.CaseStep) prompt.Spec {
	if st.Status == "" {
		return prompt.Spec{Label: "rights.note", Limit: 500}
	}
	to := p.state(store.RightsCase{Status: st.Status, ReferredTo: st.ReferredTo})
	return prompt.Spec{Label: "rights.step.to", Args: []any{to}, Limit: 500}
}
