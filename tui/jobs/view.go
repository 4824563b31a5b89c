package jobs

// View draws the form while it is open, else the list with the question asked over it.
func (m *Model) View() string {
	if m.form != nil {
		return m.form.view()
	}
	ask := ""
	if j, ok := m.list.selected(); ok {
		ask = m.prompt.view(j.ID)
	}
	return m.list.view(ask)
}
