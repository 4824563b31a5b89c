package admin

import (
	"strings"

	"gigdesk/tui/common"
)

// actionWords is an audit action in the staff's language: "status:paused" → "改状态：暂停".
// A code the catalogue does not know shows as it is, so nothing in the log is hidden.
func actionWords(c *common.Common, code string) string {
	if k := "audit.act." + code; c.Cat.Has(k) {
		return c.T(k)
	}
	prefix, rest, ok := strings.Cut(code, ":")
	if !ok || !c.Cat.Has("audit.act."+prefix) {
		return code
	}
	sub := rest
	if k := "audit.sub." + rest; c.Cat.Has(k) {
		sub = c.T(k)
	}
	return c.T("audit.joined", c.T("audit.act."+prefix), sub)
}

// entityWords is an audited record kind in the staff's language ("staff" → "工作人员").
func entityWords(c *common.Common, code string) string {
	if k := "audit.ent." + code; c.Cat.Has(k) {
		return c.T(k)
	}
	return code
}
