package common

// ScrollOffset is the first row to draw so that the cursor's row stays inside a window of
// visible rows over total rows, moving the window as little as possible.
func ScrollOffset(cursor, offset, visible, total int) int {
	if cursor < offset {
		offset = cursor
	}
	if cursor >= offset+visible {
		offset = cursor - visible + 1
	}
	return max(min(offset, total-visible), 0)
}
