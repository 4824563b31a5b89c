package register

import (
	"strconv"
	"strings"

	"gigdesk/store"
	"gigdesk/store/valid"
	"gigdesk/tui/common"
)

// mergeTyped is the record w updated with what was typed at the counter: every field typed
// replaces the record's, an empty one keeps it; trades and groups are added, notes appended.
func mergeTyped(w, typed store.Worker) store.Worker {
	merged := w
	merged.Name = typed.Name
	if typed.Phone != "" {
		merged.Phone = typed.Phone
	}
	if typed.IDNumber != "" {
		merged.IDNumber = typed.IDNumber
	}
	if typed.BirthYear != 0 {
		merged.BirthYear = typed.BirthYear
	}
	if typed.CommunityID != 0 {
		merged.CommunityID = typed.CommunityID
	}
	if typed.Gender != "" {
		merged.Gender = typed.Gender
	}
	if typed.ExpectedPayFen > 0 {
		merged.ExpectedPayFen, merged.ExpectedPayUnit = typed.ExpectedPayFen, typed.ExpectedPayUnit
	}
	merged.Trades = append([]store.WorkerTrade(nil), typed.Trades...)
	for _, t := range w.Trades {
		if !hasTrade(merged.Trades, t.TradeID) {
			merged.Trades = append(merged.Trades, t)
		}
	}
	merged.Groups = append([]string(nil), w.Groups...)
	for _, g := range typed.Groups {
		if indexOf(merged.Groups, g) < 0 {
			merged.Groups = append(merged.Groups, g)
		}
	}
	merged.Insured = merged.Insured || typed.Insured
	merged.Consent = merged.Consent || typed.Consent
	if typed.Notes != "" && !strings.Contains(merged.Notes, typed.Notes) {
		merged.Notes = strings.TrimSpace(merged.Notes + " " + typed.Notes)
	}
	return merged
}

// change is one field an update would change, in words: label, before, after.
type change struct{ label, before, after string }

// workerChanges lists what updating old to merged would change, phone and ID masked.
func workerChanges(c *common.Common, old, merged store.Worker) []change {
	var out []change
	add := func(key, before, after string) {
		if before != after {
			out = append(out, change{c.T(key), orNone(c, before), orNone(c, after)})
		}
	}
	add("reg.f.name", old.Name, merged.Name)
	add("reg.f.phone", valid.MaskPhone(old.Phone), valid.MaskPhone(merged.Phone))
	add("reg.f.idno", valid.MaskID(old.IDNumber), valid.MaskID(merged.IDNumber))
	add("reg.f.birth", birthText(old.BirthYear), birthText(merged.BirthYear))
	add("reg.f.community", c.Records.PlaceName(old.CommunityID), c.Records.PlaceName(merged.CommunityID))
	add("reg.f.gender", genderText(c, old.Gender), genderText(c, merged.Gender))
	add("reg.f.pay", payText(c, old), payText(c, merged))
	add("reg.f.trades", tradeNames(c, old.Trades), tradeNames(c, merged.Trades))
	add("reg.f.notes", old.Notes, merged.Notes)
	return out
}

func orNone(c *common.Common, s string) string {
	if s == "" {
		return c.T("reg.value.none")
	}
	return s
}

// birthText is a birth year, or "" when it was never given.
func birthText(year int) string {
	if year == 0 {
		return ""
	}
	return strconv.Itoa(year)
}

func genderText(c *common.Common, g string) string {
	if g == "" {
		return ""
	}
	return c.T("reg.gender." + g)
}

func payText(c *common.Common, w store.Worker) string {
	if w.ExpectedPayFen <= 0 {
		return ""
	}
	return c.Cat.Pay(w.ExpectedPayFen, w.ExpectedPayUnit)
}
