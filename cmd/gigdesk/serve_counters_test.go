package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"gigdesk/store"
)

// headOpens opens the served database as the station PC's desk would, set up with a head.
func headOpens(t *testing.T, db string) (*store.Store, store.Staff) {
	t.Helper()
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	head, err := s.SetupWithPIN(context.Background(), "后街零工驿站", "王芳", "2468")
	if err != nil {
		t.Fatal(err)
	}
	return s, head
}

func keyText(s gossh.Signer, comment string) string {
	return string(bytes.TrimSpace(gossh.MarshalAuthorizedKey(s.PublicKey()))) + " " + comment
}

// openAs is openCounter with another key.
func (sv *served) openAs(t *testing.T, signer gossh.Signer) *counter {
	t.Helper()
	known := sv.known
	sv.known = signer
	defer func() { sv.known = known }()
	return sv.openCounter(t)
}

func waitEnd(t *testing.T, ct *counter) {
	t.Helper()
	ended := make(chan error, 1)
	go func() { ended <- ct.sess.Wait() }()
	select {
	case <-ended:
	case <-time.After(5 * time.Second):
		t.Fatal("the session did not end")
	}
}

// A key the head adds in Admin connects in its counter's language; revoking it ends the open
// session within a second, saying why, and refuses the next connection. Each step is audited.
func TestServeCounterAddedInAdminThenRevoked(t *testing.T) {
	var s *store.Store
	var head store.Staff
	phone := newSigner(t)
	var added store.Counter
	sv := startServeLang(t, "zh", func(db string) {
		s, head = headOpens(t, db)
		var err error
		added, err = s.AddCounter(context.Background(), head.ID, store.NewCounter{Name: "电话调度台", Key: keyText(phone, "x"), Lang: "en"})
		if err != nil {
			t.Fatal(err)
		}
	})
	ct := sv.openAs(t, phone)
	waitScreen(t, ct.screen, "counter 电话调度台") // in English, its footer naming the counter
	if err := s.RevokeCounter(context.Background(), head.ID, added.ID); err != nil {
		t.Fatal(err)
	}
	began := time.Now()
	waitScreen(t, ct.screen, "The station head revoked this counter's key")
	waitEnd(t, ct)
	if took := time.Since(began); took > 2*time.Second {
		t.Errorf("the revoked session lasted %v", took)
	}
	if c, err := sv.dial(phone); err == nil {
		c.Close()
		t.Fatal("a revoked key got in again")
	}
	waitLog(t, sv.db, "revoked key")
	// the session ends on the server's side after the client sees it end: wait for its row
	want, got := "ssh:disconnect revoke ssh:connect create", ""
	for deadline := time.Now().Add(5 * time.Second); got != want && time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		rows, err := s.Audit(context.Background(), store.AuditFilter{Entity: "counter", EntityID: added.ID})
		if err != nil {
			t.Fatal(err)
		}
		var acts []string
		for _, a := range rows {
			acts = append(acts, a.Action)
		}
		got = strings.Join(acts, " ")
	}
	if got != want {
		t.Errorf("audit of the counter, newest first: %s", got)
	}
	if c, _ := s.CounterByID(context.Background(), added.ID); c.LastSeen.IsZero() {
		t.Error("last seen not recorded")
	}
}

// A key in the file marked kiosk gets the door screen; the file's key shows in the counters.
func TestServeKioskKeyGetsTheDoorScreen(t *testing.T) {
	door := newSigner(t)
	sv := startServeLang(t, "zh", func(db string) { headOpens(t, db) })
	appendKeys(t, sv, "kiosk "+keyText(door, "门口屏"))
	ct := sv.openAs(t, door)
	waitScreen(t, ct.screen, "后街零工驿站")
	waitScreen(t, ct.screen, "招工信息") // the door screen, not a sign-in
	if strings.Contains(ct.screen.String(), "PIN") {
		t.Error("the door screen asked for a PIN")
	}
	s, err := store.Open(sv.db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c, err := s.CounterByFingerprint(context.Background(), gossh.FingerprintSHA256(door.PublicKey()))
	if err != nil || c.Kind != store.CounterKiosk || !c.FromFile || c.Name != "门口屏" {
		t.Errorf("the file's kiosk key on record: %+v %v", c, err)
	}
}

// appendKeys adds lines to the served keys file.
func appendKeys(t *testing.T, sv *served, lines ...string) {
	t.Helper()
	path := filepath.Join(besideDB(sv.db), "authorized_keys")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b = append(b, []byte(strings.Join(lines, "\n")+"\n")...)
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}
