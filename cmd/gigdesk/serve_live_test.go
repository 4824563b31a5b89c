package main

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
)

// press writes keys to a counter's terminal with a breath after them, as a person types.
func (ct *counter) press(keys ...string) {
	for _, k := range keys {
		ct.stdin.Write([]byte(k))
		time.Sleep(80 * time.Millisecond)
	}
}

const (
	keyEnter = "\r"
	keyCtrlN = "\x0e"
	keyCtrlS = "\x13"
	keyF1    = "\x1bOP"
	keyF2    = "\x1bOQ"
	keyF3    = "\x1bOR"
)

// One counter registers a worker and posts a job by keys; the other, on the Board, has the job
// within a second of the save, and finds the worker by pinyin at its own search.
func TestServeOneCounterSavesTheOtherSeesIt(t *testing.T) {
	sv := startServeHooked(t, "en", func(db string) { stationWithClerks(t, db, 2) }, nil)
	a, b := sv.openCounter(t), sv.openCounter(t)
	signIn(t, a, 1)
	signIn(t, b, 2)
	b.press(keyF3)
	waitScreen(t, b.screen, "No open jobs right now.")

	a.press(keyCtrlN)
	waitScreen(t, a.screen, "Register a worker")
	a.press("张三丰", keyEnter, "13800138000", keyEnter, "sd", keyEnter, keyEnter, "hj", keyEnter, keyCtrlS)
	waitScreen(t, a.screen, "Read out: worker number 1")

	a.press(keyEnter, keyF2)
	waitScreen(t, a.screen, "No jobs today yet")
	a.press("n", "13900139000", keyEnter)
	waitScreen(t, a.screen, "New employer")
	a.press(keyEnter, "Zhang", keyEnter, keyEnter, "12 Back Street", keyEnter, "hj")
	waitScreen(t, a.screen, "后街社区")
	a.press(keyEnter, "sd", keyEnter, "2", keyEnter, "tomorrow 9:00", keyEnter, "4h", keyEnter, keyEnter, keyEnter, "300")
	seen := len(b.screen.String())
	a.stdin.Write([]byte(keyCtrlS))
	saved := time.Now()
	waitScreen(t, a.screen, "Job number 1")
	for !strings.Contains(ansi.Strip(b.screen.String()[seen:]), "2 workers wanted") {
		if time.Since(saved) > time.Second {
			t.Fatalf("the other counter's board lacks the job a second after the save:\n%s", ansi.Strip(b.screen.String()[seen:]))
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Logf("the job was on the other counter's board %v after Ctrl+S", time.Since(saved).Round(time.Millisecond))

	b.press(keyF1, "zsf")
	waitScreen(t, b.screen, "张三丰")
}
