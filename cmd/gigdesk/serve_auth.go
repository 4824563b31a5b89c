package main

import (
	"bytes"
	"context"
	"os"

	"github.com/charmbracelet/ssh"
	gossh "golang.org/x/crypto/ssh"

	"gigdesk/store"
)

type counterCtxKey struct{}

// counterOf is the counter a connection was let in as (set by authorize).
func counterOf(ctx context.Context) store.Counter {
	c, _ := ctx.Value(counterCtxKey{}).(store.Counter)
	return c
}

// authorize lets in a key the head added in Admin, or one listed in keysFile (read afresh each
// time, so a key added to or taken out of the file applies to the next connection without a
// restart). A key the head revoked is refused wherever it is listed.
func authorize(env *Env, s *store.Store, keysFile string, ctx ssh.Context, key ssh.PublicKey) bool {
	fp := gossh.FingerprintSHA256(key)
	refuse := func(cause string) bool {
		env.Log.Event("ssh refused", "key", fp, "remote", ctx.RemoteAddr().String(), "cause", cause)
		return false
	}
	c, err := s.CounterByFingerprint(ctx, fp)
	switch {
	case err == nil && c.Revoked():
		return refuse("revoked key")
	case err == nil && !c.FromFile:
		ctx.SetValue(counterCtxKey{}, c)
		return true
	case err != nil && !notFound(err):
		return refuse(err.Error())
	}
	if keysFile == "" {
		return refuse("unknown key")
	}
	listed, err := readCounterKeys(keysFile)
	if err != nil {
		return refuse(err.Error())
	}
	ck, ok := listed[string(key.Marshal())]
	if !ok {
		return refuse("unknown key")
	}
	if c, err = s.CounterFromFile(ctx, ck); err != nil {
		return refuse(err.Error())
	}
	if c.Revoked() {
		return refuse("revoked key")
	}
	ctx.SetValue(counterCtxKey{}, c)
	return true
}

func notFound(err error) bool {
	e := store.AsError(err)
	return e != nil && e.Code == store.NotFound
}

// readCounterKeys reads an OpenSSH authorized_keys file: the wire form of each key → the key
// with its comment (the counter's name) and options (kiosk: the door screen; self: the
// workers' self-service terminal). Lines that are not keys are skipped, as sshd does.
func readCounterKeys(path string) (map[string]store.CounterKey, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	out := map[string]store.CounterKey{}
	for _, line := range bytes.Split(b, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		ck, err := store.ParseCounterKey(string(line))
		if err != nil {
			continue
		}
		out[string(ck.Key.Marshal())] = ck
	}
	return out, nil
}
