// Package match is the Match screen: ranked candidates for a job, calls and dispatch.
package match

import "gigdesk/tui/common"

// New returns the Match screen.
func New(c *common.Common) common.Screen {
	return common.NewPending(c, "tab.match", "pending.match")
}
