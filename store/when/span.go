package when

import (
	"strings"
	"time"
)

// spanSeps split "明天8点到5点" into its start and end; "-" is tried last and from the right,
// since a date (12-03) holds one too.
var spanSeps = []string{"到", "至", "~", "～", "—", "–", " to ", "-"}

// ParseSpan reads a start that may carry its end, as a caller says it on the phone:
// 明天8点到5点 (17:00), 晚上10点到凌晨2点 (the next day's 02:00), 8:00-17:00. Without an end
// it returns Parse's start and a zero end: the caller asks for a duration instead.
func ParseSpan(text string, now time.Time) (start, end time.Time, key string) {
	s := fold(text)
	for _, sep := range spanSeps {
		i := strings.Index(s, sep)
		if sep == "-" {
			i = strings.LastIndex(s, sep)
		}
		if i <= 0 || i+len(sep) >= len(s) {
			continue
		}
		left, right := strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+len(sep):])
		if _, _, ok, _ := parseClock(right); !ok && !hasDayWord(right) {
			continue // "12-03 9点": the dash belongs to the date
		}
		start, key = Parse(left, now)
		if key != "" {
			return time.Time{}, time.Time{}, key
		}
		end, key = ParseEnd(right, start, now)
		if key != "" {
			return time.Time{}, time.Time{}, key
		}
		return start, end, ""
	}
	start, key = Parse(text, now)
	return start, time.Time{}, key
}

// nextDayWords name the day after the start.
var nextDayWords = []string{"次日", "第二天", "next day ", "next day", "nextday"}

// hasDayWord tells whether s starts with a day (明天, 12-03, 周六).
func hasDayWord(s string) bool {
	for _, w := range nextDayWords {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	_, _, has, key := parseDay(s, time.Time{})
	return has || key != ""
}

// ParseEnd reads when a job ends, given its start: a time of day (17:00, 5点, 凌晨2点) is
// the first such moment after the start, reading an hour without 上午/下午 as the afternoon
// when the morning hour is already past (8点到5点 ends at 17:00) and as the next day when
// both are (晚上10点到2点 ends at 02:00 the next morning); a day and a time (后天8点, the day
// counted from now as at the start) is that moment.
// The span must last MinDuration to MaxDuration.
func ParseEnd(text string, start, now time.Time) (time.Time, string) {
	s := fold(text)
	for _, w := range []string{"到", "至"} { // 到早上6点: the end as callers say it
		s = strings.TrimSpace(strings.TrimPrefix(s, w))
	}
	if s == "" {
		return time.Time{}, KeyEmpty
	}
	if len(s) > MaxInput*4 {
		return time.Time{}, KeyFormat
	}
	startDay := time.Date(start.Year(), start.Month(), start.Day(), 0, 0, 0, 0, start.Location())
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, start.Location())
	day, rest, hasDay, key := parseDay(s, today)
	for _, w := range nextDayWords { // 次日02:00: the day after the start, as screens write a night job's end
		if strings.HasPrefix(s, w) {
			day, rest, hasDay, key = startDay.AddDate(0, 0, 1), s[len(w):], true, ""
		}
	}
	if key != "" {
		return time.Time{}, key
	}
	hour, minute, ok, key := parseClock(strings.TrimSpace(rest))
	if key != "" {
		return time.Time{}, key
	}
	if !ok {
		return time.Time{}, KeyFormat
	}
	at := func(d time.Time, h int) time.Time {
		return time.Date(d.Year(), d.Month(), d.Day(), h, minute, 0, 0, start.Location())
	}
	var end time.Time
	if hasDay {
		end = at(day, hour)
	} else {
		candidates := []time.Time{at(startDay, hour)}
		if hour < 12 && !hasPeriod(rest) {
			candidates = append(candidates, at(startDay, hour+12))
		}
		candidates = append(candidates, at(startDay.AddDate(0, 0, 1), hour))
		for _, c := range candidates {
			if c.After(start) {
				end = c
				break
			}
		}
	}
	if !end.After(start) {
		return time.Time{}, KeyEndBefore
	}
	if d := end.Sub(start); d < MinDuration || d > MaxDuration {
		return time.Time{}, KeyDurationRange
	}
	return end, ""
}

// hasPeriod tells whether a time of day names its part of the day (上午, 晚上, pm).
func hasPeriod(s string) bool {
	m := timeRe.FindStringSubmatch(strings.TrimSpace(s))
	return m != nil && (m[1] != "" || m[6] != "")
}
