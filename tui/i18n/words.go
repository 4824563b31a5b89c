package i18n

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"gigdesk/store"
	"gigdesk/store/valid"
)

// Err turns any error into one sentence in the staff member's language. Store errors carry a
// catalogue key; anything else is an internal error. An internal error is logged (once) with
// its cause and operation, and its sentence ends with the log line's code and what to do.
func (c *Catalog) Err(err error) string {
	if err == nil {
		return ""
	}
	var se *store.Error
	if errors.As(err, &se) {
		text := c.T("err.code." + string(se.Code))
		if se.Key == "db.error" && c.Log != nil {
			text = c.T("err.internal.db") // its sentence says "logged"; the code says where
		} else if se.Key != "" && Has("err."+se.Key) {
			text = c.T("err." + se.Key)
		} else if se.Code == store.Internal && c.Log != nil {
			text = c.T("err.internal")
		}
		if se.Code != store.Internal {
			return text
		}
		return c.traced(text, se, err)
	}
	var p *valid.Problem
	if errors.As(err, &p) && Has("err."+p.Key) {
		return c.T("err." + p.Key)
	}
	if c.Log == nil {
		return c.T("err.code.internal")
	}
	return c.traced(c.T("err.internal"), nil, err)
}

// SaveErr is Err for a form's save: when the server cannot be reached it says that nothing was
// saved, that the form keeps what was typed and which key (saveKey) saves it once it is back.
func (c *Catalog) SaveErr(err error, saveKey string) string {
	if se := store.AsError(err); se != nil && se.Key == "db.unreachable" {
		return c.T("err.db.unreachable_save", saveKey) // no log code: the cause is named, nothing to trace
	}
	return c.Err(err)
}

// traced ends an internal error's sentence with its code, logging it the first time it is shown.
func (c *Catalog) traced(text string, se *store.Error, err error) string {
	if c.Log == nil {
		return text
	}
	code := ""
	if se != nil {
		code = se.Trace
	}
	if code == "" {
		op, key := "", ""
		if se != nil {
			op, key = se.Op, se.Key
			if op == "" {
				op = se.Key
			}
		}
		code = c.Log.Internal(op, err, "key", key)
		if se != nil {
			se.Trace = code
		}
	}
	return strings.TrimRight(text, "。.") + c.T("err.trace", code)
}

// Trade is a trade's name in this language.
func (c *Catalog) Trade(t store.Trade) string {
	if c.Lang == En {
		return t.NameEn
	}
	return t.NameZh
}

// TradeName is the name in this language of the trade with id in rec, "" when unknown.
func (c *Catalog) TradeName(rec *store.Catalog, id int64) string {
	if t, ok := rec.Trade(id); ok {
		return c.Trade(t)
	}
	return ""
}

// Money shows integer fen as yuan with two decimals: ¥180.00.
func (c *Catalog) Money(fen int64) string {
	return "¥" + valid.FormatYuan(fen)
}

// Pay shows pay with its unit: ¥180.00/天 or ¥180.00/day.
func (c *Catalog) Pay(fen int64, unit store.PayUnit) string {
	return c.Money(fen) + c.T("unit.per."+string(unit))
}

// PayShort is Pay for a narrow column: whole yuan without ".00" and a short unit, ¥180/天,
// ¥12.50/时, ¥300总价 (¥180/day, ¥12.50/hr, ¥300 fixed). The full form is in the detail.
func (c *Catalog) PayShort(fen int64, unit store.PayUnit) string {
	money := c.Money(fen)
	if fen%100 == 0 {
		money = "¥" + strconv.FormatInt(fen/100, 10)
	}
	return money + c.T("unit.short."+string(unit))
}

var weekdayKeys = [...]string{"wd.sun", "wd.mon", "wd.tue", "wd.wed", "wd.thu", "wd.fri", "wd.sat"}

// Weekday is the short name of t's weekday.
func (c *Catalog) Weekday(t time.Time) string { return c.T(weekdayKeys[t.Weekday()]) }

// Date shows a date with its weekday: 2026-11-28 周六.
func (c *Catalog) Date(t time.Time) string {
	return t.Format("2006-01-02") + " " + c.Weekday(t)
}

// When shows a start time relative to today: 今天 09:00, 明天 14:30, or 12-03 周四 09:00.
func (c *Catalog) When(t, now time.Time) string {
	ty, tm, td := t.Date()
	days := int(time.Date(ty, tm, td, 0, 0, 0, 0, time.UTC).Sub(dateOnly(now)) / (24 * time.Hour))
	clock := t.Format("15:04")
	switch days {
	case -1:
		return c.T("day.yesterday") + " " + clock
	case 0:
		return c.T("day.today") + " " + clock
	case 1:
		return c.T("day.tomorrow") + " " + clock
	case 2:
		if c.Lang != En { // 后天; English has no one word for it, and "day after" reads as half a phrase
			return c.T("day.after_tomorrow") + " " + clock
		}
	}
	return t.Format("01-02") + " " + c.Weekday(t) + " " + clock
}

func dateOnly(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Duration shows a job's length in hours or days.
func (c *Catalog) Duration(d time.Duration) string {
	if d >= 24*time.Hour && d%(24*time.Hour) == 0 {
		return c.T("dur.days", int(d/(24*time.Hour)))
	}
	h := d.Hours()
	if h == float64(int(h)) {
		return c.T("dur.hours", int(h))
	}
	return c.T("dur.hours_minutes", int(h), int(d.Minutes())%60)
}

// Count formats n with the catalogue's word for it (e.g. 3 人 / 3 people).
func (c *Catalog) Count(key string, n int) string { return fmt.Sprintf(c.T(key), n) }
