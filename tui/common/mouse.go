package common

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// BodyTop is the first screen row of a page's body: under the header, the tabs and the rule.
// The root hands pages mouse events with Y counted from here.
const BodyTop = 3

// DoubleClick is the longest gap between two clicks on one row that opens it.
const DoubleClick = 500 * time.Millisecond

// RowClick reads mouse events on a list whose first row is drawn at body line first, with top
// the index of that row and n the index after the last row drawn: the wheel moves by a row, a
// click picks the row under it (row ≥ 0), a second click on the same row soon after opens it.
type RowClick struct {
	last    time.Time
	lastRow int
}

// Mouse reads msg against the list: move is -1/+1 for the wheel, row the index clicked (-1 for
// none), open true on a double click.
func (r *RowClick) Mouse(msg tea.MouseMsg, first, top, n int, now time.Time) (move, row int, open bool) {
	row = -1
	switch {
	case msg.Button == tea.MouseButtonWheelUp:
		return -1, row, false
	case msg.Button == tea.MouseButtonWheelDown:
		return 1, row, false
	case msg.Button != tea.MouseButtonLeft || msg.Action != tea.MouseActionRelease:
		return 0, row, false
	}
	i := msg.Y - first + top
	if msg.Y < first || i >= n {
		return 0, -1, false
	}
	open = i == r.lastRow && !r.last.IsZero() && now.Sub(r.last) <= DoubleClick
	r.last, r.lastRow = now, i
	if open {
		r.last = time.Time{} // a third click starts over
	}
	return 0, i, open
}

// Pick applies what Mouse read to a list of n rows selected at *sel: the wheel moves the
// selection a row, a click puts it on the row clicked. It reports a double click on that row,
// which the caller opens as Enter would.
func Pick(sel *int, n, move, row int, open bool) bool {
	switch {
	case move != 0:
		*sel = min(max(*sel+move, 0), max(n-1, 0))
	case row >= 0:
		*sel = row
		return open
	}
	return false
}
