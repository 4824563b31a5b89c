// Package register is the counter's Register screen: walk-in workers, search and sign-in.
package register

import "gigdesk/tui/common"

// New returns the Register screen.
func New(c *common.Common) common.Screen {
	return common.NewPending(c, "tab.register", "pending.register")
}
