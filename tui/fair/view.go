package fair

import "github.com/charmbracelet/lipgloss"

// View draws the open form or question over the view, else the view.
func (m *Model) View() string {
	if m.form != nil {
		v := m.form.view()
		if m.ask != nil { // the question wraps: in English it is longer than the screen
			v += "\n\n" + lipgloss.NewStyle().Width(m.width-1).Render(m.ask.View())
		}
		return v
	}
	switch m.view {
	case viewEvent:
		return m.eventView()
	case viewFirmAdd:
		return m.firmView()
	case viewDoor:
		return m.doorView()
	case viewBooth:
		return m.boothView()
	case viewOutcomes:
		return m.outcomesView()
	}
	return m.eventsView()
}
