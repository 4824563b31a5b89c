package jobs

import (
	"time"

	"gigdesk/store/when"
)

// A job's length can be said three ways: a start with its end (明天8点到5点), a duration
// (4小时), or an end typed where the duration goes (17:00, 凌晨2点, 次日02:00). The duration
// field shows both what was typed means: 4小时 · 至次日02:00.

// start is the start typed, without any end typed with it.
func (f *form) start() (time.Time, string) {
	t, _, key := when.ParseSpan(f.inputs[fWhen].Value(), f.c.Clock())
	return t, key
}

// duration reads the duration field: a length, or else an end after the start.
func (f *form) duration() (time.Duration, string) {
	v := f.inputs[fDur].Value()
	d, key := when.ParseDuration(v)
	if key == "" || key == when.KeyDurationEmpty {
		return d, key
	}
	start, skey := f.start()
	if skey != "" {
		return 0, key
	}
	end, ekey := when.ParseEnd(v, start, f.c.Clock())
	switch ekey {
	case "":
		return end.Sub(start), ""
	case when.KeyFormat:
		return 0, key // neither a length nor a time of day: the duration's own message
	}
	return 0, ekey
}

// spanLeft, on leaving the start, moves an end typed with it ("明天8点到5点") into the
// duration field as the length it gives.
func (f *form) spanLeft() {
	start, end, key := when.ParseSpan(f.inputs[fWhen].Value(), f.c.Clock())
	if key != "" || end.IsZero() {
		return
	}
	f.setDuration(end.Sub(start))
	delete(f.errs, fDur)
}

// setDuration writes d into the duration field so that when.ParseDuration reads it back.
func (f *form) setDuration(d time.Duration) {
	if f.c.Cat.Lang == "en" {
		f.inputs[fDur].SetValue(durationText(d))
		return
	}
	f.inputs[fDur].SetValue(f.c.Cat.Duration(d))
}

// durationPreview is what the duration means, with the end it gives: → 4小时 · 至次日02:00.
func (f *form) durationPreview(d time.Duration) string {
	out := "→ " + f.c.Cat.Duration(d)
	if start, key := f.start(); key == "" {
		out += " · " + f.c.T("jobs.dur.until", f.c.Cat.EndClock(start, start.Add(d)))
	}
	return out
}
