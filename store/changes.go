package store

import "sync"

// changeHub tells whoever listens in this process that a write has committed: gigdesk serve
// passes it to every SSH session, so a save at one counter is on every other counter's screens
// at once. Changes made by other processes (the CLI, an import) still reach the screens through
// the data_version Watcher.
type changeHub struct {
	mu   sync.Mutex
	subs map[chan struct{}]bool
}

// Changes is a channel that receives after every committed write, and a cancel that closes it.
// Several writes in a row may arrive as one: the channel holds one pending signal at most, and
// the writer never waits for a slow reader.
func (s *Store) Changes() (<-chan struct{}, func()) {
	h := &s.changes
	ch := make(chan struct{}, 1)
	h.mu.Lock()
	if h.subs == nil {
		h.subs = map[chan struct{}]bool{}
	}
	h.subs[ch] = true
	h.mu.Unlock()
	var once sync.Once
	return ch, func() {
		once.Do(func() {
			h.mu.Lock()
			delete(h.subs, ch)
			h.mu.Unlock()
			close(ch)
		})
	}
}

// publish signals every listener after a commit.
func (h *changeHub) publish() {
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.subs {
		select {
		case ch <- struct{}{}:
		default: // one signal is already pending: the reader reloads once for both
		}
	}
}
