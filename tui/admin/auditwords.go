package admin

import (
	"strconv"
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

// detailWords is an audit detail in the staff's language: the key=value references the store
// writes ("job=12 worker=7") become 需求 12 · 零工 7; any other text shows as it is.
func detailWords(c *common.Common, detail string) string {
	fields := strings.Fields(detail)
	var out []string
	for _, f := range fields {
		k, v, ok := strings.Cut(f, "=")
		if !ok || !c.Cat.Has("audit.ref."+k) {
			out = append(out, f)
			continue
		}
		out = append(out, c.T("audit.ref."+k, refValue(c, k, v)))
	}
	return strings.Join(out, " · ")
}

// refValue is one reference's value in words: money in yuan, yes or no, a pay unit, a reason.
func refValue(c *common.Common, k, v string) string {
	switch {
	case k == "fen":
		if n, err := strconv.ParseInt(v, 10, 64); err == nil {
			return c.Cat.Money(n)
		}
	case v == "true" || v == "false":
		return c.T("audit.val." + v)
	case c.Cat.Has("audit.val." + v):
		return c.T("audit.val." + v)
	case k == "unit" && c.Cat.Has("unit."+v):
		return c.T("unit." + v)
	}
	return v
}
