package tui

import "time"

// The root's modes, and the idle lock that covers them.

// mode is what the root shows: which model gets the keys.
type mode int

const (
	modeLoading mode = iota
	modeSetup        // first-run setup
	modeStaff        // the staff chooser, or the idle lock
	modeMain         // the five pages (F1–F5)
	modeAdmin        // the station head's Admin area (F6), outside the five pages
)

// idleLock is the root's sign-in state: when the keys were last touched, and whether the idle
// lock covers the screens. It only keeps time and state; the root decides what to show.
type idleLock struct {
	lastInput time.Time // the last key or click, on the app's clock
	locked    bool
	lockedIn  mode // the mode to return to after unlocking
}

// touch notes a key or a click.
func (l *idleLock) touch(now time.Time) { l.lastInput = now }

// due reports that nobody has touched the keys for idle minutes (0 never locks).
func (l *idleLock) due(now time.Time, idle int) bool {
	return idle > 0 && !l.locked && !l.lastInput.IsZero() && now.Sub(l.lastInput) >= time.Duration(idle)*time.Minute
}

// close locks, remembering the mode to come back to.
func (l *idleLock) close(in mode) { l.locked, l.lockedIn = true, in }

// open unlocks and returns the mode that was locked.
func (l *idleLock) open(now time.Time) mode {
	l.locked, l.lastInput = false, now
	return l.lockedIn
}
