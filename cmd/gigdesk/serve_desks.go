package main

import (
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	"github.com/charmbracelet/wish/bubbletea"

	"gigdesk/store"
	"gigdesk/tui"
	"gigdesk/tui/common"
)

// desks are the SSH sessions open now. A save in one session reloads the lists of every other:
// each screen reloads on common.ChangedMsg, which a session only ever sends to itself.
type desks struct {
	mu    sync.Mutex
	peers map[*tea.Program]bool
}

func newDesks() *desks { return &desks{peers: map[*tea.Program]bool{}} }

func (d *desks) add(p *tea.Program) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.peers[p] = true
}

func (d *desks) remove(p *tea.Program) {
	d.mu.Lock()
	defer d.mu.Unlock()
	delete(d.peers, p)
}

// count is how many sessions are open.
func (d *desks) count() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return len(d.peers)
}

// waitEmpty waits until every session has ended, at most for d.
func (d *desks) waitEmpty(wait time.Duration) {
	for end := time.Now().Add(wait); d.count() > 0 && time.Now().Before(end); {
		time.Sleep(20 * time.Millisecond)
	}
}

// tell sends peerChangedMsg to every session but from. Send blocks until that program reads
// it, and that program may be telling us at the same moment: each send has its own goroutine.
func (d *desks) tell(from *tea.Program) {
	d.mu.Lock()
	defer d.mu.Unlock()
	for p := range d.peers {
		if p != from {
			go p.Send(peerChangedMsg{})
		}
	}
}

// peerChangedMsg is another session's save; it is not passed on again.
type peerChangedMsg struct{}

// sharedDesk is one session's root model, wrapped so its saves reach the other sessions.
type sharedDesk struct {
	tea.Model
	root  *tui.Model // the same model, for Close
	desks *desks
	self  *tea.Program
}

func (m *sharedDesk) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg.(type) {
	case peerChangedMsg:
		msg = common.ChangedMsg{}
	case common.ChangedMsg:
		m.desks.tell(m.self)
	}
	inner, cmd := m.Model.Update(msg)
	m.Model = inner
	return m, cmd
}

type deskCtxKey struct{}

// deskProgram gives each session its own root model over the one shared store, with styles
// from the session's own renderer, and joins it to the open desks.
func deskProgram(env *Env, s *store.Store, d *desks) bubbletea.ProgramHandler {
	return func(sess ssh.Session) *tea.Program {
		root := tui.New(tui.Options{Store: s, Lang: env.Lang, Now: env.Now, Log: env.Log, Ctx: sess.Context(), Renderer: bubbletea.MakeRenderer(sess)})
		m := &sharedDesk{Model: root, root: root, desks: d}
		// the station PC's Ctrl+C is for serve, which ends every session itself
		opts := append([]tea.ProgramOption{tea.WithAltScreen(), tea.WithMouseCellMotion(), tea.WithFPS(frameRate), tea.WithoutSignalHandler()}, bubbletea.MakeOptions(sess)...)
		m.self = tea.NewProgram(m, opts...)
		sess.Context().SetValue(deskCtxKey{}, m)
		d.add(m.self)
		return m.self
	}
}

// leaveDesks takes a session out of the open desks once its program has ended, and closes
// what its screens held open (the board's watcher connection).
func leaveDesks(d *desks) wish.Middleware {
	return func(next ssh.Handler) ssh.Handler {
		return func(sess ssh.Session) {
			next(sess)
			if m, ok := sess.Context().Value(deskCtxKey{}).(*sharedDesk); ok {
				d.remove(m.self)
				m.root.Close()
			}
		}
	}
}
