package self

// View draws the step's blocks; the same blocks place the taps (layout.go).
func (m *Model) View() string {
	return m.render(m.blocks(), max(m.width, 20), max(m.height, 5), m.focus)
}
