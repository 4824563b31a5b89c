package i18n

import "time"

// EndClock shows when a job that started at start ends: 17:00 on the same day, 次日02:00
// (next day 02:00) when it runs past midnight, and the date for anything longer.
func (c *Catalog) EndClock(start, end time.Time) string {
	days := int(dateOnly(end).Sub(dateOnly(start)) / (24 * time.Hour))
	switch days {
	case 0:
		return end.Format("15:04")
	case 1:
		return c.T("day.next") + end.Format("15:04")
	}
	return end.Format("01-02") + " " + end.Format("15:04")
}

// WhenEnd shows a start as When does, and for a job that runs past midnight its end too:
// 今天 22:00–次日02:00. A job within one day reads as its start alone.
func (c *Catalog) WhenEnd(start time.Time, d time.Duration, now time.Time) string {
	end := start.Add(d)
	if d <= 0 || dateOnly(end).Equal(dateOnly(start)) {
		return c.When(start, now)
	}
	return c.When(start, now) + "–" + c.EndClock(start, end)
}

// Span shows a job's start (relative to today), its end and its length:
// 明天 22:00–次日02:00（4小时）.
func (c *Catalog) Span(start time.Time, d time.Duration, now time.Time) string {
	return c.T("span.format", c.When(start, now), c.EndClock(start, start.Add(d)), c.Duration(d))
}
