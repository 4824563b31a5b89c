package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// The end-to-end tests drive the real binary in a real terminal (tmux): send-keys to type,
// capture-pane to read the screen.

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// binary builds gigdesk once per test run and returns its path.
func binary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "gigdesk-bin")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "gigdesk")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

// must stops the test when a step of its setup failed.
func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// Term is one tmux session running a command.
type Term struct {
	t      *testing.T
	name   string
	socket string
}

// needTmux skips the test with a clear message only when tmux truly cannot be had.
func needTmux(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end terminal test skipped in -short mode")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed (.ci/run installs it): skipping the real-terminal test")
	}
}

// StartTerm runs the built gigdesk with args in a w×h tmux window. env entries are KEY=VALUE.
func StartTerm(t *testing.T, w, h int, env []string, args ...string) *Term {
	t.Helper()
	needTmux(t)
	bin := binary(t)
	tm := &Term{t: t, name: "gd", socket: filepath.Join(t.TempDir(), "tmux.sock")}
	cmdline := shellQuote(bin)
	for _, a := range args {
		cmdline += " " + shellQuote(a)
	}
	// keep the pane after exit so the last screen and the exit status can be read
	full := []string{"-S", tm.socket, "-f", "/dev/null", "new-session", "-d", "-s", tm.name,
		"-x", fmt.Sprint(w), "-y", fmt.Sprint(h)}
	for _, e := range append([]string{"TERM=xterm-256color", "LANG=zh_CN.UTF-8", "GIGDESK_LANG="}, env...) {
		full = append(full, "-e", e)
	}
	full = append(full, cmdline+"; echo EXIT=$?; sleep 600")
	if out, err := exec.Command("tmux", full...).CombinedOutput(); err != nil {
		t.Fatalf("tmux new-session: %v\n%s", err, out)
	}
	t.Cleanup(func() { exec.Command("tmux", "-S", tm.socket, "kill-server").Run() })
	return tm
}

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

func (tm *Term) tmux(args ...string) string {
	tm.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-S", tm.socket}, args...)...).CombinedOutput()
	if err != nil {
		tm.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// Keys sends tmux key names (Enter, Tab, F3, C-s, M-1, Escape …).
func (tm *Term) Keys(keys ...string) {
	tm.t.Helper()
	for _, k := range keys {
		tm.tmux("send-keys", "-t", tm.name, k)
		time.Sleep(40 * time.Millisecond) // let the app read one key at a time, as a person types
	}
}

// Type sends literal text (Chinese included) as the terminal's input method would.
func (tm *Term) Type(s string) {
	tm.t.Helper()
	tm.tmux("send-keys", "-t", tm.name, "-l", s)
	time.Sleep(60 * time.Millisecond)
}

// Screen is the visible text now.
func (tm *Term) Screen() string {
	tm.t.Helper()
	return tm.tmux("capture-pane", "-p", "-t", tm.name)
}

// WaitFor waits until the screen contains every one of want, and returns the screen.
func (tm *Term) WaitFor(want ...string) string {
	tm.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		scr := tm.Screen()
		ok := true
		for _, w := range want {
			if !strings.Contains(scr, w) {
				ok = false
				break
			}
		}
		if ok {
			return scr
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("screen never showed %q; it shows:\n%s", want, scr)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// FirstRun answers the first-run form: the station's name, its head and the head's PIN (twice).
func (tm *Term) FirstRun(station, head, pin string) {
	tm.t.Helper()
	tm.WaitFor("F10") // the form is up
	for _, s := range []string{station, head, pin, pin} {
		// on a busy machine keys typed ahead of the form land in the wrong field: each step
		// waits until the form has taken the one before
		tm.changes(func() { tm.Type(s) })
		tm.changes(func() { tm.Keys("Enter") })
	}
	// the head's name is on the form too: wait until the header says they are on duty
	tm.WaitForAny("值班："+head, "On duty: "+head)
}

// changes does act and waits until the screen differs from before it (at most 5 s).
func (tm *Term) changes(act func()) {
	tm.t.Helper()
	before := tm.Screen()
	act()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(30 * time.Millisecond) {
		if tm.Screen() != before {
			return
		}
	}
}

// WaitForAny waits until the screen contains one of want, and returns the screen.
func (tm *Term) WaitForAny(want ...string) string {
	tm.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		scr := tm.Screen()
		for _, w := range want {
			if strings.Contains(scr, w) {
				return scr
			}
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("screen never showed any of %q; it shows:\n%s", want, scr)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// OnDuty answers the PIN prompt after a staff member was chosen: once for a known PIN, twice
// when the staff member has none yet and chooses this one.
func (tm *Term) OnDuty(pin string) {
	tm.t.Helper()
	scr := tm.WaitFor("Enter")
	deadline := time.Now().Add(15 * time.Second)
	for !strings.Contains(scr, "密码") && !strings.Contains(scr, "PIN") {
		if time.Now().After(deadline) {
			tm.t.Fatalf("no PIN prompt:\n%s", scr)
		}
		time.Sleep(100 * time.Millisecond)
		scr = tm.Screen()
	}
	tm.Type(pin)
	tm.Keys("Enter")
	if strings.Contains(scr, "新密码") || strings.Contains(scr, "New PIN") {
		tm.Type(pin)
		tm.Keys("Enter")
	}
}

// waitGone waits until text has left the screen (a list reloads after the status line shows).
func waitGone(t *testing.T, tm *Term, text, why string) {
	t.Helper()
	if scr, ok := tm.waitGoneFor(text, 5*time.Second); !ok {
		t.Fatalf("%s:\n%s", why, scr)
	}
}

func (tm *Term) waitGoneFor(text string, d time.Duration) (string, bool) {
	deadline := time.Now().Add(d)
	for {
		scr := tm.Screen()
		if !strings.Contains(scr, text) {
			return scr, true
		}
		if time.Now().After(deadline) {
			return scr, false
		}
		time.Sleep(200 * time.Millisecond)
	}
}
