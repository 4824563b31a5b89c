// Package jobs is the Jobs screen: employers and jobs taken at the counter or on the phone.
package jobs

import "gigdesk/tui/common"

// New returns the Jobs screen.
func New(c *common.Common) common.Screen {
	return common.NewPending(c, "tab.jobs", "pending.jobs")
}
