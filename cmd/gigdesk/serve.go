package main

// gigdesk serve: one station PC owns the database and every other counter connects to it over
// SSH, each connection a full desk of its own (sign-in, page, size, language, idle lock).

import (
	"bytes"
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

// noTerminalLine is all a connection without a PTY (ssh host some-command, scp) is told.
const noTerminalLine = "gigdesk 需要一个终端：请直接 ssh 连接，不带命令 / gigdesk needs a terminal: connect with plain ssh, no command"

type counterCtxKey struct{}

func cmdServe(ctx context.Context, env *Env, args []string) error {
	fs := flags(env, "serve")
	db := dbFlag(fs)
	lang := langFlag(fs, env)
	listen := fs.String("listen", defaultListen, "address to listen on (host:port)")
	keys := fs.String("authorized-keys", "", "the counters' public keys, OpenSSH authorized_keys format; the comment names the counter")
	hostKey := fs.String("host-key", "", "the server's private key, made on first start (default: beside the database)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := setLang(env, *lang); err != nil {
		return err
	}
	if *keys == "" {
		return usageErr("err.cli.need", "--authorized-keys FILE")
	}
	counters, err := readCounterKeys(*keys)
	if err != nil {
		return err
	}
	s, err := openStore(env, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	if *hostKey == "" {
		*hostKey = filepath.Join(filepath.Dir(*db), "gigdesk_host_ed25519")
	}
	d := newDesks()
	srv, err := newServer(env, s, d, *hostKey, *keys)
	if err != nil {
		return err
	}
	fp, err := hostFingerprint(*hostKey)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "gigdesk serve: listening on %s\n", ln.Addr())
	fmt.Fprintf(env.Stdout, "host key %s %s\n", fp, *hostKey)
	fmt.Fprintf(env.Stdout, "%d counter keys from %s\n", len(counters), *keys)
	env.Log.Event("serve listening", "addr", ln.Addr().String(), "host_key", fp, "counters", len(counters))
	err = serveUntil(ctx, srv, ln)
	d.waitEmpty(3 * time.Second) // the sessions' last queries run before the store closes
	env.Log.Event("serve stopped", "sessions_left", d.count())
	return err
}

// serveUntil serves until ctx ends, then closes every session so the store can close behind it.
func serveUntil(ctx context.Context, srv *ssh.Server, ln net.Listener) error {
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		srv.Close() // sessions still open after the grace: their contexts end, their programs quit
	}
	if err := <-done; err != nil && !errors.Is(err, ssh.ErrServerClosed) {
		return err
	}
	return nil
}

// newServer builds the SSH server: public keys only, one desk per terminal session.
func newServer(env *Env, s *store.Store, d *desks, hostKey, keysFile string) (*ssh.Server, error) {
	return wish.NewServer(
		wish.WithHostKeyPath(hostKey),
		wish.WithPublicKeyAuth(func(ctx ssh.Context, key ssh.PublicKey) bool {
			return authorize(env, keysFile, ctx, key)
		}),
		wish.WithMiddleware(
			bubbletea.MiddlewareWithProgramHandler(deskProgram(env, s, d), termenv.ANSI256),
			leaveDesks(d),
			needTerminal,
			logSession(env),
		),
	)
}

// needTerminal closes a connection without a PTY after one line.
func needTerminal(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if _, _, ok := sess.Pty(); !ok {
			wish.Println(sess, noTerminalLine)
			_ = sess.Exit(1)
			return
		}
		next(sess)
	}
}

// logSession writes every connect and disconnect to the operations log: counter and key
// fingerprint, never what was typed.
func logSession(env *Env) wish.Middleware {
	return func(next ssh.Handler) ssh.Handler {
		return func(sess ssh.Session) {
			counter, _ := sess.Context().Value(counterCtxKey{}).(string)
			fp := ""
			if k := sess.PublicKey(); k != nil {
				fp = gossh.FingerprintSHA256(k)
			}
			_, _, pty := sess.Pty()
			began := time.Now()
			env.Log.Event("ssh connect", "counter", counter, "key", fp, "remote", sess.RemoteAddr().String(), "pty", pty)
			next(sess)
			env.Log.Event("ssh disconnect", "counter", counter, "key", fp, "ms", time.Since(began).Milliseconds())
		}
	}
}

// authorize lets in a key listed in keysFile, read afresh each time so a key added or taken out
// applies to the next connection without a restart.
func authorize(env *Env, keysFile string, ctx ssh.Context, key ssh.PublicKey) bool {
	counters, err := readCounterKeys(keysFile)
	fp := gossh.FingerprintSHA256(key)
	if err != nil {
		env.Log.Event("ssh refused", "key", fp, "remote", ctx.RemoteAddr().String(), "cause", err.Error())
		return false
	}
	name, ok := counters[string(key.Marshal())]
	if !ok {
		env.Log.Event("ssh refused", "key", fp, "remote", ctx.RemoteAddr().String(), "cause", "unknown key")
		return false
	}
	ctx.SetValue(counterCtxKey{}, name)
	return true
}

// readCounterKeys reads an OpenSSH authorized_keys file: the wire form of each key → its
// comment, the counter's name (the key's fingerprint when it has none). Lines that are not
// keys are skipped, as sshd does.
func readCounterKeys(path string) (map[string]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for rest := b; len(bytes.TrimSpace(rest)) > 0; {
		key, comment, _, next, err := gossh.ParseAuthorizedKey(rest)
		if err != nil {
			break // no further key in the file
		}
		if comment == "" {
			comment = gossh.FingerprintSHA256(key)
		}
		out[string(key.Marshal())] = comment
		rest = next
	}
	return out, nil
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
