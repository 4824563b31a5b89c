package main

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	"github.com/charmbracelet/wish/bubbletea"

	"gigdesk/store"
	"gigdesk/tui"
	"gigdesk/tui/common"
	"gigdesk/tui/i18n"
	"gigdesk/tui/kiosk"
)

// desks are the SSH sessions open now, each a program of its own over the one store.
type desks struct {
	env     *Env
	s       *store.Store
	hostKey string // shown in Admin's counters

	mu    sync.Mutex
	peers map[*tea.Program]*openDesk

	// handlers counts the sessions' handlers still running, terminal or not: serve waits for
	// them before it closes the store and the log, so none writes after (logSession)
	handlers sync.WaitGroup
}

// openDesk is one session: its program, the counter it came from, what ends it, how it closes.
type openDesk struct {
	counter int64
	ending  string      // catalogue key told to the counter when serve ends the session ("" if it left)
	pending atomic.Bool // a reload is on its way and not yet taken: another would only repeat it
	close   func()      // lets go of what the screens hold open (the board's watcher connection)
	cat     *i18n.Catalog
}

func newDesks(env *Env, s *store.Store) *desks {
	return &desks{env: env, s: s, peers: map[*tea.Program]*openDesk{}}
}

func (d *desks) add(p *tea.Program, o *openDesk) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.peers[p] = o
}

// remove takes a session out and answers what it was.
func (d *desks) remove(p *tea.Program) *openDesk {
	d.mu.Lock()
	defer d.mu.Unlock()
	o := d.peers[p]
	delete(d.peers, p)
	return o
}

// count is how many sessions are open.
func (d *desks) count() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return len(d.peers)
}

// waitEmpty waits until every session has ended, at most for wait.
func (d *desks) waitEmpty(wait time.Duration) {
	for end := time.Now().Add(wait); d.count() > 0 && time.Now().Before(end); {
		time.Sleep(20 * time.Millisecond)
	}
}

// endAll ends every session, telling each why (serve.stopping).
func (d *desks) endAll(why string) { d.end(func(*openDesk) bool { return true }, why) }

// end quits the sessions that match; each is told why when its screen has closed.
func (d *desks) end(match func(*openDesk) bool, why string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	for p, o := range d.peers {
		if match(o) && o.ending == "" {
			o.ending = why
			go p.Quit()
		}
	}
}

// tellAll sends a reload to every session that has none on its way. Send blocks until that
// program reads it: each send has its own goroutine, and one to a program that has ended
// returns at once.
func (d *desks) tellAll() {
	d.mu.Lock()
	defer d.mu.Unlock()
	for p, o := range d.peers {
		if o.pending.CompareAndSwap(false, true) {
			go p.Send(peerChangedMsg{o})
		}
	}
}

// gather is how long the relay waits after a commit for the writes that follow it, so a burst
// of saves (an import, eight clerks at once) reloads each screen once, well inside a second.
const gather = 150 * time.Millisecond

// relay passes every write committed in this process to every session at once, and ends the
// sessions of a counter revoked here or by another process (checked every second too).
func (d *desks) relay(ctx context.Context) (stop func()) {
	changes, cancel := d.s.Changes()
	done := make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(time.Second)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case _, ok := <-changes:
				if !ok {
					return
				}
				if !common.Wait(ctx, gather) {
					return
				}
				d.tellAll()
				d.endRevoked(ctx)
			case <-tick.C:
				d.endRevoked(ctx)
			}
		}
	}()
	return func() { cancel(); <-done }
}

// endRevoked ends the sessions of every counter revoked since it connected.
func (d *desks) endRevoked(ctx context.Context) {
	d.mu.Lock()
	var ids []int64
	for _, o := range d.peers {
		if o.ending == "" {
			ids = append(ids, o.counter)
		}
	}
	d.mu.Unlock()
	if len(ids) == 0 {
		return
	}
	revoked, err := d.s.RevokedAmong(ctx, ids)
	if err != nil || len(revoked) == 0 {
		return
	}
	gone := map[int64]bool{}
	for _, id := range revoked {
		gone[id] = true
	}
	d.end(func(o *openDesk) bool { return gone[o.counter] }, "serve.revoked")
	d.env.Log.Event("ssh revoked sessions ended", "counters", len(revoked))
}

// peerChangedMsg is a save committed somewhere in this process, for the session o.
type peerChangedMsg struct{ o *openDesk }

// sharedDesk is one session's root model, wrapped so the saves of every session reload it.
type sharedDesk struct{ tea.Model }

func (m *sharedDesk) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if pm, ok := msg.(peerChangedMsg); ok {
		pm.o.pending.Store(false) // commits from here on need a reload of their own
		msg = common.ChangedMsg{}
	}
	inner, cmd := m.Model.Update(msg)
	m.Model = inner
	return m, cmd
}

type deskCtxKey struct{}

// catalogFor is the catalogue in the language of the session's counter, else serve's own.
func (d *desks) catalogFor(sess ssh.Session) *i18n.Catalog {
	cat := i18n.New(d.langOf(counterOf(sess.Context())))
	cat.Log = d.env.Log
	return cat
}

func (d *desks) langOf(c store.Counter) i18n.Lang {
	if l, err := i18n.ParseLang(c.Lang); err == nil && c.Lang != "" {
		return l
	}
	return d.env.Lang
}

// program gives each session its own root model over the one shared store, with styles from
// the session's own renderer, in its counter's language: the desk, or for a door-screen
// counter the door screen, for a self-service counter the workers' terminal. Every change it makes is audited with the counter's id.
func (d *desks) program(sess ssh.Session) *tea.Program {
	c := counterOf(sess.Context())
	ctx := store.AtCounter(sess.Context(), c.ID)
	renderer := bubbletea.MakeRenderer(sess)
	o := &openDesk{counter: c.ID, cat: d.catalogFor(sess)}
	var m tea.Model
	opts := []tea.ProgramOption{tea.WithAltScreen(), tea.WithFPS(frameRate), tea.WithoutSignalHandler()}
	switch c.Kind {
	case store.CounterKiosk:
		cat := o.cat
		k := kiosk.New(&common.Common{Ctx: ctx, Store: d.s, Cat: cat, Styles: common.StylesFor(renderer), Keys: common.DefaultKeyMap(cat.T),
			Now: d.env.Now, Log: d.env.Log, Counter: c.Name})
		m, o.close = k, k.Close
	case store.CounterSelf:
		m, o.close = selfTerminal(ctx, d.env, d.s, o.cat, renderer, c.Name), func() {}
		opts = append(opts, tea.WithMouseCellMotion())
	default:
		root := tui.New(tui.Options{Store: d.s, Lang: d.langOf(c), Now: d.env.Now, Log: d.env.Log, Ctx: ctx, Renderer: renderer,
			HostKey: d.hostKey, Counter: c.Name})
		m, o.close = root, root.Close
		opts = append(opts, tea.WithMouseCellMotion())
	}
	// the station PC's Ctrl+C is for serve, which ends every session itself
	p := tea.NewProgram(&sharedDesk{Model: m}, append(opts, bubbletea.MakeOptions(sess)...)...)
	sess.Context().SetValue(deskCtxKey{}, p)
	d.add(p, o)
	return p
}

// leave takes a session out of the open desks once its program has ended, closes what its
// screens held open, and tells the counter why serve ended it, if it did.
func (d *desks) leave(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		next(sess)
		p, ok := sess.Context().Value(deskCtxKey{}).(*tea.Program)
		if !ok {
			return
		}
		o := d.remove(p)
		if o == nil {
			return
		}
		o.close()
		if o.ending != "" {
			wish.Println(sess, o.cat.T(o.ending))
			_ = sess.Exit(1)
		}
	}
}
