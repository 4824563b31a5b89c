package main

// gigdesk serve: one station PC owns the database and every other counter connects to it over
// SSH, each connection a full desk of its own (sign-in, page, size, language, idle lock), or the
// door screen for a counter kept as one.

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"time"

	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	"github.com/charmbracelet/wish/bubbletea"
	"github.com/muesli/termenv"
	gossh "golang.org/x/crypto/ssh"

	"gigdesk/store"
)

func init() { subcommands["serve"] = cmdServe }

// defaultListen is loopback: serving the station's network is a choice the head makes.
const defaultListen = "127.0.0.1:2222"

// hostKeyName is the server's private key file, made beside the database on the first start.
const hostKeyName = "gigdesk_host_ed25519"

func cmdServe(ctx context.Context, env *Env, args []string) error {
	fs := flags(env, "serve")
	db := dbFlag(fs)
	lang := langFlag(fs, env)
	listen := fs.String("listen", defaultListen, "flag.serve.listen")
	keys := fs.String("authorized-keys", "", "flag.serve.authorized-keys")
	hostKey := fs.String("host-key", "", "flag.serve.host-key")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := setLang(env, *lang); err != nil {
		return err
	}
	cat := env.catalog()
	fileKeys := map[string]store.CounterKey{}
	if *keys != "" {
		var err error
		if fileKeys, err = readCounterKeys(*keys); err != nil {
			return errors.New(cat.T("serve.bad_keys", *keys, err))
		}
	}
	s, err := openStore(env, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	if *hostKey == "" {
		*hostKey = filepath.Join(filepath.Dir(s.Path()), hostKeyName) // on PostgreSQL, this PC's folder for the database
	}
	d := newDesks(env, s)
	srv, err := newServer(env, s, d, *hostKey, *keys)
	if err != nil {
		return err
	}
	fp, err := hostFingerprint(*hostKey)
	if err != nil {
		return err
	}
	d.hostKey = fp
	if hook, ok := ctx.Value(serveHookKey{}).(func(*store.Store, *desks)); ok {
		hook(s, d) // tests: the store and the open sessions, to count what a session leaves behind
	}
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		return err
	}
	onRecord, err := allowedCounters(ctx, s)
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, cat.T("serve.listening", ln.Addr()))
	fmt.Fprintln(env.Stdout, cat.T("serve.host_key", fp, *hostKey))
	switch {
	case *keys != "":
		fmt.Fprintln(env.Stdout, cat.T("serve.keys", onRecord, len(fileKeys), *keys))
	default:
		fmt.Fprintln(env.Stdout, cat.T("serve.no_file", onRecord))
	}
	if onRecord+len(fileKeys) == 0 {
		fmt.Fprintln(env.Stdout, cat.T("serve.none_yet"))
	}
	fmt.Fprintln(env.Stdout, cat.T("serve.stop_hint"))
	env.Log.Event("serve listening", "addr", ln.Addr().String(), "host_key", fp, "counters", onRecord, "file_keys", len(fileKeys))
	stopRelay := d.relay(ctx)
	err = serveUntil(ctx, srv, ln, d)
	stopRelay()
	d.waitEmpty(3 * time.Second) // the sessions' last queries run before the store closes
	env.Log.Event("serve stopped", "sessions_left", d.count())
	fmt.Fprintln(env.Stdout, cat.T("serve.stopped"))
	return err
}

// serveHookKey carries a test's look at the running server in serve's context.
type serveHookKey struct{}

// allowedCounters is how many counters on record may connect now.
func allowedCounters(ctx context.Context, s *store.Store) (int, error) {
	list, err := s.Counters(ctx)
	n := 0
	for _, c := range list {
		if !c.Revoked() {
			n++
		}
	}
	return n, err
}

// serveUntil serves until ctx ends, then tells every session and ends it so the store can
// close behind them.
func serveUntil(ctx context.Context, srv *ssh.Server, ln net.Listener, d *desks) error {
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	d.endAll("serve.stopping")
	d.waitEmpty(3 * time.Second) // each session is told and its screen closed
	srv.Close()                  // then the connections go, and any session still open ends with them
	err := <-done
	// a session's handler may still be writing its disconnect (audit row, log line)
	ended := make(chan struct{})
	go func() { d.handlers.Wait(); close(ended) }()
	select {
	case <-ended:
	case <-time.After(3 * time.Second):
	}
	if err != nil && !errors.Is(err, ssh.ErrServerClosed) {
		return err
	}
	return nil
}

// newServer builds the SSH server: public keys only, one desk per terminal session.
func newServer(env *Env, s *store.Store, d *desks, hostKey, keysFile string) (*ssh.Server, error) {
	return wish.NewServer(
		wish.WithHostKeyPath(hostKey),
		wish.WithPublicKeyAuth(func(ctx ssh.Context, key ssh.PublicKey) bool {
			return authorize(env, s, keysFile, ctx, key)
		}),
		wish.WithMiddleware(
			bubbletea.MiddlewareWithProgramHandler(d.program, termenv.ANSI256),
			d.leave,
			needTerminal(d),
			logSession(env, s, d),
		),
	)
}

// needTerminal closes a connection without a PTY after one line in the counter's language.
func needTerminal(d *desks) wish.Middleware {
	return func(next ssh.Handler) ssh.Handler {
		return func(sess ssh.Session) {
			if _, _, ok := sess.Pty(); !ok {
				wish.Println(sess, d.catalogFor(sess).T("serve.no_terminal"))
				_ = sess.Exit(1)
				return
			}
			next(sess)
		}
	}
}

// logSession writes every connect and disconnect to the operations log and the audit log:
// counter and key fingerprint, never what was typed.
func logSession(env *Env, s *store.Store, d *desks) wish.Middleware {
	return func(next ssh.Handler) ssh.Handler {
		return func(sess ssh.Session) {
			d.handlers.Add(1)
			defer d.handlers.Done()
			c := counterOf(sess.Context())
			_, _, pty := sess.Pty()
			began := time.Now()
			env.Log.Event("ssh connect", "counter", c.Name, "key", c.Fingerprint, "remote", sess.RemoteAddr().String(), "pty", pty)
			if err := s.CounterSession(store.AtCounter(context.Background(), c.ID), c.ID, true); err != nil {
				env.Log.Event("ssh audit failed", "counter", c.Name, "cause", err.Error())
			}
			next(sess)
			if err := s.CounterSession(store.AtCounter(context.Background(), c.ID), c.ID, false); err != nil {
				env.Log.Event("ssh audit failed", "counter", c.Name, "cause", err.Error())
			}
			env.Log.Event("ssh disconnect", "counter", c.Name, "key", c.Fingerprint, "ms", time.Since(began).Milliseconds())
		}
	}
}

// hostFingerprint is what a counter checks on its first connection.
func hostFingerprint(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	signer, err := gossh.ParsePrivateKey(b)
	if err != nil {
		return "", fmt.Errorf("host key %s: %v", path, err)
	}
	return gossh.FingerprintSHA256(signer.PublicKey()), nil
}
