// Package summary is the end-of-day Summary screen.
package summary

import "gigdesk/tui/common"

// New returns the Summary screen.
func New(c *common.Common) common.Screen {
	return common.NewPending(c, "tab.summary", "pending.summary")
}
