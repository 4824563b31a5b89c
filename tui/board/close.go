package board

// Close lets go of the watcher's connection; the root calls it when the session ends (gigdesk
// serve opens and closes one desk per SSH connection).
func (m *Model) Close() {
	if m.watcher != nil {
		m.watcher.Close()
	}
}
