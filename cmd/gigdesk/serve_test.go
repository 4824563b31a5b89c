package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"

	"gigdesk/store"
	"gigdesk/store/oplog"
)

// syncBuffer is a buffer that the server writes while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// served is a running gigdesk serve on loopback.
type served struct {
	addr, hostFP, db string
	known            gossh.Signer
	knownPEM         []byte // the same key as an OpenSSH private key file, for the system ssh
	stop             func() // ends serve as Ctrl+C does and waits for it
}

func newSigner(t testing.TB) gossh.Signer {
	s, _ := newKey(t)
	return s
}

// newKey is a fresh ed25519 key as a signer and as an OpenSSH private key file's bytes.
func newKey(t testing.TB) (gossh.Signer, []byte) {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	block, err := gossh.MarshalPrivateKey(priv, "")
	if err != nil {
		t.Fatal(err)
	}
	return s, pem.EncodeToMemory(block)
}

// startServe runs the real serve command on 127.0.0.1 with a random port, one counter key
// ("desk-1") authorised, and stops it when the test ends.
func startServe(t *testing.T) *served { return startServeOn(t, nil) }

// startServeOn is startServe on a database that prepare fills first (nil: a new station).
func startServeOn(t *testing.T, prepare func(db string)) *served {
	t.Helper()
	return startServeLang(t, "en", prepare)
}

// startServeLang is startServeOn with serve's --lang.
func startServeLang(t *testing.T, lang string, prepare func(db string)) *served {
	t.Helper()
	return startServeHooked(t, lang, prepare, nil)
}

// startServeHooked is startServeLang that hands the test serve's store and open sessions.
func startServeHooked(t testing.TB, lang string, prepare func(db string), hook func(*store.Store, *desks)) *served {
	t.Helper()
	sv := &served{db: stationDB(t, "gigdesk.db")}
	dir := besideDB(sv.db)
	sv.known, sv.knownPEM = newKey(t)
	if prepare != nil {
		prepare(sv.db)
	}
	keys := filepath.Join(dir, "authorized_keys")
	line := string(bytes.TrimSpace(gossh.MarshalAuthorizedKey(sv.known.PublicKey()))) + " desk-1\n"
	if err := os.WriteFile(keys, []byte("# the station's counters\n"+line), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	if hook != nil {
		ctx = context.WithValue(ctx, serveHookKey{}, hook)
	}
	out, errw := &syncBuffer{}, &syncBuffer{}
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--db", sv.db, "--listen", "127.0.0.1:0", "--authorized-keys", keys, "--lang", lang}, strings.NewReader(""), out, errw)
	}()
	var once sync.Once
	sv.stop = func() {
		once.Do(func() {
			cancel()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("serve ended with %v", err)
				}
			case <-time.After(10 * time.Second):
				t.Error("serve did not stop")
			}
		})
	}
	t.Cleanup(sv.stop)
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if m := servedAddr.FindString(out.String()); m != "" {
			sv.addr = m
		}
		if m := servedFP.FindString(out.String()); m != "" {
			sv.hostFP = m
		}
		if sv.addr != "" && sv.hostFP != "" {
			return sv
		}
		select {
		case err := <-done:
			t.Fatalf("serve ended early: %v\n%s%s", err, out, errw)
		case <-time.After(20 * time.Millisecond):
		}
	}
	t.Fatalf("serve did not start:\n%s%s", out, errw)
	return nil
}

// what serve prints, in either language: the address it listens on and its host key
var (
	servedAddr = regexp.MustCompile(`127\.0\.0\.1:[0-9]+`)
	servedFP   = regexp.MustCompile(`SHA256:[A-Za-z0-9+/]+`)
)

// dial connects as signer, checking the host key against the fingerprint serve printed.
func (sv *served) dial(signer gossh.Signer) (*gossh.Client, error) {
	return gossh.Dial("tcp", sv.addr, &gossh.ClientConfig{
		User: "desk",
		Auth: []gossh.AuthMethod{gossh.PublicKeys(signer)},
		HostKeyCallback: func(_ string, _ net.Addr, key gossh.PublicKey) error {
			if fp := gossh.FingerprintSHA256(key); fp != sv.hostFP {
				return io.ErrUnexpectedEOF
			}
			return nil
		},
		Timeout: 5 * time.Second,
	})
}

// counter is one SSH session with a terminal, as a counter PC's ssh client opens it.
type counter struct {
	client *gossh.Client
	sess   *gossh.Session
	stdin  io.Writer
	screen *syncBuffer
}

// openCounter connects with the known key, asks for a 100x30 terminal and starts the desk.
func (sv *served) openCounter(t testing.TB) *counter {
	t.Helper()
	c, err := sv.dial(sv.known)
	if err != nil {
		t.Fatalf("known key refused: %v", err)
	}
	t.Cleanup(func() { c.Close() })
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty("xterm-256color", 30, 100, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	ct := &counter{client: c, sess: sess, screen: &syncBuffer{}}
	sess.Stdout = ct.screen
	if ct.stdin, err = sess.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	waitScreen(t, ct.screen, "\x1b]11;?")
	// answer the background and device-attributes queries as a real terminal does
	ct.stdin.Write([]byte("\x1b]11;rgb:0000/0000/0000\x1b\\\x1b[?62;22c"))
	return ct
}

func TestServeKnownKeyGetsTheDesk(t *testing.T) {
	sv := startServe(t)
	ct := sv.openCounter(t)
	sess, screen, stdin := ct.sess, ct.screen, ct.stdin
	waitScreen(t, screen, "First run: set up the station")
	fi, err := os.Stat(filepath.Join(besideDB(sv.db), "gigdesk_host_ed25519"))
	if err != nil {
		t.Fatalf("no host key beside the database: %v", err)
	}
	if runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Errorf("host key mode %v, want 0600", fi.Mode().Perm())
	}
	stdin.Write([]byte{3}) // Ctrl+C leaves the desk, and the session with it
	ended := make(chan error, 1)
	go func() { ended <- sess.Wait() }()
	select {
	case <-ended:
	case <-time.After(5 * time.Second):
		t.Error("the session did not end after Ctrl+C")
	}
	waitLog(t, sv.db, "ssh disconnect")
	log := readLog(t, sv.db)
	if !strings.Contains(log, `"counter":"desk-1"`) || !strings.Contains(log, gossh.FingerprintSHA256(sv.known.PublicKey())) {
		t.Errorf("connect not logged with counter and key:\n%s", log)
	}
}

func TestServeRefusesUnknownKey(t *testing.T) {
	sv := startServe(t)
	c, err := sv.dial(newSigner(t))
	if err == nil {
		c.Close()
		t.Fatal("an unknown key got in")
	}
	if !strings.Contains(err.Error(), "unable to authenticate") {
		t.Errorf("refusal = %v", err)
	}
	waitLog(t, sv.db, "ssh refused")
}

// Ctrl+C on the station PC ends the open sessions, then closes the store.
func TestServeStopsWithSessionsOpen(t *testing.T) {
	sv := startServe(t)
	ct := sv.openCounter(t)
	waitScreen(t, ct.screen, "First run: set up the station")
	sv.stop()
	ended := make(chan error, 1)
	go func() { ended <- ct.sess.Wait() }()
	select {
	case <-ended:
	case <-time.After(5 * time.Second):
		t.Fatal("the counter's session outlived the server")
	}
	waitScreen(t, ct.screen, "The station PC is stopping gigdesk; everything saved is kept.")
	if log := readLog(t, sv.db); !strings.Contains(log, `"msg":"serve stopped","sessions_left":0`) {
		t.Errorf("stop not logged with no session left:\n%s", log)
	}
}

// The keys file is read on every connection: a key taken out is refused from the next one on.
func TestServeKeyTakenOutIsRefusedNextTime(t *testing.T) {
	sv := startServe(t)
	c, err := sv.dial(sv.known)
	if err != nil {
		t.Fatal(err)
	}
	c.Close()
	if err := os.WriteFile(filepath.Join(besideDB(sv.db), "authorized_keys"), []byte("# no counters\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if c, err := sv.dial(sv.known); err == nil {
		c.Close()
		t.Fatal("a key taken out of the file still got in")
	}
}

func TestServeWithoutTerminalGetsOneLine(t *testing.T) {
	sv := startServe(t)
	c, err := sv.dial(sv.known)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	out, err := sess.CombinedOutput("list-workers")
	if err == nil {
		t.Error("a session without a terminal ended with success")
	}
	if got := strings.TrimSpace(string(out)); got != "gigdesk needs a terminal: connect with plain ssh, no command after it." {
		t.Errorf("without a PTY the counter read %q", got)
	}
}

func waitScreen(t testing.TB, screen *syncBuffer, want string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if raw := screen.String(); strings.Contains(raw, want) || strings.Contains(ansi.Strip(raw), want) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("the screen never showed %q:\n%s\nraw %q", want, ansi.Strip(screen.String()), screen.String())
}

func readLog(t *testing.T, db string) string {
	t.Helper()
	b, err := os.ReadFile(oplog.PathFor(store.LocalPath(db, dataDir())))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func waitLog(t *testing.T, db, want string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if b, err := os.ReadFile(oplog.PathFor(store.LocalPath(db, dataDir()))); err == nil && strings.Contains(string(b), want) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("the log never said %q:\n%s", want, readLog(t, db))
}

// Two counters at once over one store: each signs in as its own staff member with its own PIN.
func TestServeTwoCountersSignInAsDifferentStaff(t *testing.T) {
	sv := startServeOn(t, func(db string) {
		ctx := context.Background()
		s, err := store.Open(db)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		head, err := s.SetupWithPIN(ctx, "后街零工驿站", "王芳", "2468")
		if err != nil {
			t.Fatal(err)
		}
		clerk, err := s.AddStaff(ctx, head.ID, "李明", store.RoleStaff)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.SetPIN(ctx, head.ID, clerk.ID, "2468"); err != nil {
			t.Fatal(err)
		}
	})
	a, b := sv.openCounter(t), sv.openCounter(t)
	waitScreen(t, a.screen, "李明")
	waitScreen(t, b.screen, "李明")
	a.stdin.Write([]byte("\r"))
	b.stdin.Write([]byte("\x1b[B"))
	time.Sleep(200 * time.Millisecond)
	b.stdin.Write([]byte("\r"))
	for _, ct := range []*counter{a, b} {
		waitScreen(t, ct.screen, "PIN")
		ct.stdin.Write([]byte("2468"))
		time.Sleep(100 * time.Millisecond)
		ct.stdin.Write([]byte("\r"))
	}
	onDuty := func(ct *counter) string {
		waitScreen(t, ct.screen, "On duty: ")
		scr := ansi.Strip(ct.screen.String())
		_, rest, _ := strings.Cut(scr[strings.LastIndex(scr, "On duty: "):], "On duty: ")
		return strings.Fields(rest)[0]
	}
	na, nb := onDuty(a), onDuty(b)
	if na == nb {
		t.Errorf("both counters are signed in as %s", na)
	}
	t.Logf("counter a: %s, counter b: %s", na, nb)
}

// The system's own ssh client in an 80x24 tmux window under a zh_CN locale: the first-run form
// is answered over SSH and the borders keep their width (CJK and box-drawing cells right).
func TestServeThroughSystemSSHInTmux(t *testing.T) {
	needTmux(t)
	sshPath, err := exec.LookPath("ssh")
	if err != nil {
		t.Skip("no ssh client on this machine")
	}
	sv := startServeLang(t, "zh", nil)
	dir := t.TempDir()
	keyFile := filepath.Join(dir, "counter_key")
	must(t, os.WriteFile(keyFile, sv.knownPEM, 0o600))
	host, port, _ := strings.Cut(sv.addr, ":")
	cmdline := strings.Join([]string{shellQuote(sshPath), "-F", "/dev/null", "-tt", "-p", port, "-i", shellQuote(keyFile),
		"-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=accept-new",
		"-o", "UserKnownHostsFile=" + shellQuote(filepath.Join(dir, "known_hosts")), "desk@" + host}, " ")
	tm := &Term{t: t, name: "gd", socket: filepath.Join(dir, "tmux.sock")}
	args := []string{"-S", tm.socket, "-f", "/dev/null", "new-session", "-d", "-s", tm.name, "-x", "80", "-y", "24",
		"-e", "TERM=xterm-256color", "-e", "LANG=zh_CN.UTF-8", cmdline + "; echo EXIT=$?; sleep 600"}
	if out, err := exec.Command("tmux", args...).CombinedOutput(); err != nil {
		t.Fatalf("tmux: %v\n%s", err, out)
	}
	t.Cleanup(func() { exec.Command("tmux", "-S", tm.socket, "kill-server").Run() })
	tm.FirstRun("后街零工驿站", "王芳", "2468")
	scr := tm.WaitFor("值班：王芳")
	lines := strings.Split(scr, "\n")
	if len(lines) < 3 || lines[2] != strings.Repeat("─", 80) {
		t.Errorf("the tab bar's rule is not 80 cells over SSH:\n%s", scr)
	}
	known, err := os.ReadFile(filepath.Join(dir, "known_hosts"))
	must(t, err)
	if !strings.Contains(string(known), "ssh-ed25519") {
		t.Errorf("ssh recorded no ed25519 host key: %s", known)
	}
}
