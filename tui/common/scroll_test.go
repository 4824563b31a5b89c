package common

import "testing"

func TestScrollOffset(t *testing.T) {
	for _, tc := range []struct{ cursor, offset, visible, total, want int }{
		{0, 0, 5, 20, 0},   // at the top
		{4, 0, 5, 20, 0},   // last visible row: no move
		{5, 0, 5, 20, 1},   // one below: the window moves one row
		{19, 0, 5, 20, 15}, // jump to the end
		{3, 10, 5, 20, 3},  // above the window: it moves up to the cursor
		{2, 8, 5, 4, 0},    // the list shrank below the window
		{0, 0, 5, 0, 0},    // empty list
	} {
		if got := ScrollOffset(tc.cursor, tc.offset, tc.visible, tc.total); got != tc.want {
			t.Errorf("ScrollOffset(%d, %d, %d, %d) = %d, want %d", tc.cursor, tc.offset, tc.visible, tc.total, got, tc.want)
		}
	}
}
