// Package board is the live job board of open jobs.
package board

import "gigdesk/tui/common"

// New returns the Board screen.
func New(c *common.Common) common.Screen {
	return common.NewPending(c, "tab.board", "pending.board")
}
