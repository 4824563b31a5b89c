package tui

// Close ends what the session's screens hold open (the board's watcher and its connection).
// The local desk ends with its process; gigdesk serve calls it when an SSH session ends.
func (m *Model) Close() {
	for _, s := range m.screens {
		if c, ok := s.(interface{ Close() }); ok {
			c.Close()
		}
	}
}
