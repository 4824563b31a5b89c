package board

import (
	"testing"

	"gigdesk/tui/i18n"
)

// A session's end gives the watcher's connection back (gigdesk serve opens a board per SSH
// session; before Close each one kept a connection for the life of the process).
func TestCloseGivesBackTheWatcher(t *testing.T) {
	f := newFixture(t)
	m := loaded(t, newCommon(t, f.s, i18n.En), 80, 24)
	if _, err := m.watcher.Changed(); err != nil {
		t.Fatalf("open watcher: %v", err)
	}
	m.Close()
	if _, err := m.watcher.Changed(); err == nil {
		t.Error("the watcher still reads after Close: its connection was kept")
	}
	m.Close() // a second Close (the session's end after a page's own) does no harm
}
