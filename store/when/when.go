// Package when reads the start times and durations staff type at the counter or on the
// phone: 明天9点, 下午3点, 12-03 9:00, 2026-12-03 09:00, 4小时, 半天, 3d. It is pure: the
// caller passes now, and every refusal is a message key the UI translates ("err."+key).
// It must not read the clock, the station's settings or the database.
package when

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"gigdesk/store/valid"
)

// Message keys of refusals.
const (
	KeyEmpty         = "when.empty"          // nothing typed
	KeyFormat        = "when.format"         // not a day and time we can read
	KeyDate          = "when.date"           // no such date (2月30日, 13月)
	KeyTime          = "when.time"           // no such time of day (25:00, 9:75)
	KeyPast          = "when.past"           // the start is already over
	KeyTooFar        = "when.too_far"        // more than a year ahead
	KeyDurationEmpty = "when.duration_empty" // no duration typed
	KeyDuration      = "when.duration"       // not a duration we can read
	KeyDurationRange = "when.duration_range" // shorter than 30 minutes or longer than 31 days
	KeyEndBefore     = "when.end_before"     // the end is not after the start
)

// Keys lists every refusal key, for the catalogue test.
var Keys = []string{KeyEmpty, KeyFormat, KeyDate, KeyTime, KeyPast, KeyTooFar, KeyDurationEmpty, KeyDuration, KeyDurationRange, KeyEndBefore}

// Grace is how far in the past a start may be: "now" typed is already a minute old when saved.
const Grace = 15 * time.Minute

// DefaultHour is the start when only a day is given: day labour starts in the morning.
const DefaultHour = 8

// MaxInput bounds what is read: anything longer is no time anyone typed.
const MaxInput = 64

// Duration limits of one job.
const (
	MinDuration = 30 * time.Minute
	MaxDuration = 31 * 24 * time.Hour
)

// shortDays are the spoken forms of a day and a part of it in one word (今晚 is 今天晚上), as
// callers say them for a night job: they are read as the two words.
var shortDays = strings.NewReplacer("今晚", "今天晚上", "今夜", "今天夜里", "明晚", "明天晚上", "明早", "明天早上",
	"明晨", "明天早上", "后晚", "后天晚上")

// fold drops escape sequences and controls, turns full-width digits, letters and punctuation into ASCII and
// lower-cases; runs of spaces become one; 今晚 and its like become a day and a part of it.
func fold(s string) string {
	return shortDays.Replace(foldRunes(s))
}

func foldRunes(s string) string {
	var b strings.Builder
	space := false
	for _, r := range valid.StripControls(s) {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			r -= 0xFEE0
		case r == 0x3000:
			r = ' '
		case r == '。':
			r = '.'
		}
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

var (
	relDays = []struct {
		word string
		days int
	}{
		{"大后天", 3}, {"后天", 2}, {"明天", 1}, {"明日", 1}, {"今天", 0}, {"今日", 0},
		{"day after tomorrow", 2}, {"tomorrow", 1}, {"today", 0}, {"tmrw", 1}, {"tmr", 1}, {"tom", 1},
		// pinyin initials, as staff type them without waiting for the input method
		{"dht", 3}, {"jt", 0}, {"mt", 1}, {"ht", 2},
	}
	// enWeekdays are English day names, longest first so "tues" is not read as "tue" + "s"
	enWeekdays = []struct {
		word string
		day  time.Weekday
	}{
		{"wednesday", time.Wednesday}, {"thursday", time.Thursday}, {"saturday", time.Saturday},
		{"tuesday", time.Tuesday}, {"monday", time.Monday}, {"friday", time.Friday}, {"sunday", time.Sunday},
		{"thurs", time.Thursday}, {"tues", time.Tuesday}, {"thur", time.Thursday}, {"weds", time.Wednesday},
		{"mon", time.Monday}, {"tue", time.Tuesday}, {"wed", time.Wednesday}, {"thu", time.Thursday},
		{"fri", time.Friday}, {"sat", time.Saturday}, {"sun", time.Sunday},
	}
	weekdays = map[rune]time.Weekday{'一': time.Monday, '二': time.Tuesday, '三': time.Wednesday, '四': time.Thursday,
		'五': time.Friday, '六': time.Saturday, '日': time.Sunday, '天': time.Sunday}
	dateRe = regexp.MustCompile(`^(?:(\d{4})\s*[-/.年]\s*)?(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?`)
	timeRe = regexp.MustCompile(`^(上午|早上|早晨|清早|中午|下午|傍晚|晚上|夜里|凌晨)?\s*(\d{1,2})(?:\s*[:.]\s*(\d{1,2})|\s*[点时]\s*(半|(\d{1,2})\s*分?)?)?\s*(am|pm|a\.m\.|p\.m\.)?$`)
)

// Parse reads a start time typed by staff, relative to now (the station's local time):
// a day (今天, 明天, 后天, today, tomorrow, 周六, 12-03, 12月3日, 2026-12-03) and/or a time
// of day (9:00, 9点, 9点半, 下午3点, 14:30, 3pm). A day alone starts at DefaultHour; a time
// alone is today. A date without a year that has passed this year is next year's.
// It returns the start, or a message key saying why the text was refused.
func Parse(text string, now time.Time) (time.Time, string) {
	s := fold(text)
	if s == "" {
		return time.Time{}, KeyEmpty
	}
	if len(s) > MaxInput*4 {
		return time.Time{}, KeyFormat
	}
	if s == "现在" || s == "马上" || s == "now" {
		return now.Truncate(time.Minute), ""
	}
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, now.Location())
	day, rest, hasDay, key := parseDay(s, today)
	if key != "" {
		return time.Time{}, key
	}
	rest = strings.TrimSpace(rest)
	hour, minute := DefaultHour, 0
	if rest != "" {
		var ok bool
		hour, minute, ok, key = parseClock(rest)
		if key != "" {
			return time.Time{}, key
		}
		if !ok {
			return time.Time{}, KeyFormat
		}
	} else if !hasDay {
		return time.Time{}, KeyFormat
	}
	t := time.Date(day.Year(), day.Month(), day.Day(), hour, minute, 0, 0, now.Location())
	if t.Before(now.Add(-Grace)) {
		return time.Time{}, KeyPast
	}
	if t.After(now.AddDate(1, 0, 0)) {
		return time.Time{}, KeyTooFar
	}
	return t, ""
}

// parseDay takes the day off the front of s; without one the day is today.
func parseDay(s string, today time.Time) (day time.Time, rest string, has bool, key string) {
	for _, r := range relDays {
		if strings.HasPrefix(s, r.word) {
			return today.AddDate(0, 0, r.days), s[len(r.word):], true, ""
		}
	}
	for _, d := range enWeekdays {
		if strings.HasPrefix(s, d.word) && (len(s) == len(d.word) || !isLetter(s[len(d.word)])) {
			ahead := (int(d.day) - int(today.Weekday()) + 7) % 7
			return today.AddDate(0, 0, ahead), s[len(d.word):], true, ""
		}
	}
	for _, p := range []string{"星期", "礼拜", "周"} {
		if strings.HasPrefix(s, p) {
			rs := []rune(s[len(p):])
			if len(rs) > 0 {
				if wd, ok := weekdays[rs[0]]; ok {
					ahead := (int(wd) - int(today.Weekday()) + 7) % 7
					return today.AddDate(0, 0, ahead), string(rs[1:]), true, ""
				}
			}
		}
	}
	m := dateRe.FindStringSubmatch(s)
	if m == nil {
		return today, s, false, ""
	}
	// "9.30" reads as a time of day, not September 30th, unless a date word follows
	if m[1] == "" && !strings.ContainsAny(m[0], "-/月") {
		return today, s, false, ""
	}
	month, _ := strconv.Atoi(m[2])
	dom, _ := strconv.Atoi(m[3])
	year := today.Year()
	if m[1] != "" {
		year, _ = strconv.Atoi(m[1])
	}
	if month < 1 || month > 12 || dom < 1 || dom > 31 {
		return today, "", true, KeyDate
	}
	d := time.Date(year, time.Month(month), dom, 0, 0, 0, 0, today.Location())
	if d.Month() != time.Month(month) || d.Day() != dom {
		return today, "", true, KeyDate // 2月30日 rolled into March
	}
	if m[1] == "" && d.Before(today) {
		d = d.AddDate(1, 0, 0)
		if d.Month() != time.Month(month) { // 2月29日 of a leap year gone, next year has none
			return today, "", true, KeyDate
		}
	}
	return d, s[len(m[0]):], true, ""
}

// parseClock reads a time of day; ok is false when the text is no time at all.
func parseClock(s string) (hour, minute int, ok bool, key string) {
	m := timeRe.FindStringSubmatch(s)
	if m == nil {
		return 0, 0, false, ""
	}
	period, suffix := m[1], m[6]
	hour, _ = strconv.Atoi(m[2])
	switch {
	case m[3] != "":
		minute, _ = strconv.Atoi(m[3])
	case m[4] == "半":
		minute = 30
	case m[5] != "":
		minute, _ = strconv.Atoi(m[5])
	}
	if hour > 23 || minute > 59 {
		return 0, 0, true, KeyTime
	}
	switch {
	case period == "下午" || period == "傍晚" || period == "晚上" || period == "夜里" || strings.HasPrefix(suffix, "p"):
		if hour > 12 && period != "" || hour == 0 {
			return 0, 0, true, KeyTime // 下午15点 is no afternoon hour
		}
		if hour < 12 {
			hour += 12
		}
	case period == "中午":
		if hour >= 1 && hour <= 3 {
			hour += 12
		} else if hour != 12 && hour != 11 {
			return 0, 0, true, KeyTime
		}
	case period != "" || strings.HasPrefix(suffix, "a"):
		if hour > 12 {
			return 0, 0, true, KeyTime // 上午15点
		}
		if hour == 12 {
			hour = 0
		}
	}
	return hour, minute, true, ""
}

var (
	hmRe  = regexp.MustCompile(`^(\d{1,4})\s*(?:小时|钟头|h|hr|hrs)\s*(\d{1,2})\s*(?:分钟|分|min|mins|m)?$`)
	durRe = regexp.MustCompile(`^(\d+(?:\.\d+)?|半)?\s*(个半|个)?\s*(小时|钟头|钟|hours|hour|hrs|hr|h|天|日|days|day|d|分钟|分|minutes|minute|mins|min|m|周|星期|weeks|week|w)?(半)?$`)
	cnNum = map[rune]string{'一': "1", '两': "2", '二': "2", '三': "3", '四': "4", '五': "5", '六': "6", '七': "7", '八': "8", '九': "9", '十': "10"}
)

// ParseDuration reads how long a job lasts: 4小时, 4h, 1.5小时, 一个半小时, 半天 (4 hours),
// 1天 or 3d (whole days of 24 hours, as the slot a worker is booked for), 90分钟, 1周.
// A bare number is hours. It returns the duration or a message key.
func ParseDuration(text string) (time.Duration, string) {
	s := strings.ReplaceAll(fold(text), " ", "")
	if s == "" {
		return 0, KeyDurationEmpty
	}
	if len(s) > MaxInput*4 {
		return 0, KeyDuration
	}
	if s == "半天" || s == "halfday" || s == "halfaday" {
		return 4 * time.Hour, ""
	}
	if s == "全天" || s == "一整天" || s == "整天" {
		return 24 * time.Hour, ""
	}
	var b strings.Builder
	for _, r := range s {
		if d, ok := cnNum[r]; ok {
			b.WriteString(d)
		} else {
			b.WriteRune(r)
		}
	}
	if m := hmRe.FindStringSubmatch(b.String()); m != nil { // 5小时30分, 5h30m: as screens write it
		h, _ := strconv.Atoi(m[1])
		mins, _ := strconv.Atoi(m[2])
		d := time.Duration(h)*time.Hour + time.Duration(mins)*time.Minute
		if mins > 59 || d < MinDuration || d > MaxDuration {
			return 0, KeyDurationRange
		}
		return d, ""
	}
	m := durRe.FindStringSubmatch(b.String())
	if m == nil || m[1] == "" && m[3] == "" {
		return 0, KeyDuration
	}
	n := 1.0
	if m[1] == "半" {
		n = 0.5
	} else if m[1] != "" {
		var err error
		if n, err = strconv.ParseFloat(m[1], 64); err != nil || n > 10000 {
			return 0, KeyDurationRange
		}
	}
	if m[2] == "个半" || m[4] == "半" {
		n += 0.5
	}
	unit := time.Hour
	switch m[3] {
	case "天", "日", "days", "day", "d":
		unit = 24 * time.Hour
	case "分钟", "分", "minutes", "minute", "mins", "min", "m":
		unit = time.Minute
	case "周", "星期", "weeks", "week", "w":
		unit = 7 * 24 * time.Hour
	}
	if m[3] == "" && m[2] != "" {
		return 0, KeyDuration // "3个" says no unit
	}
	d := time.Duration(n * float64(unit)).Round(time.Minute)
	if d < MinDuration || d > MaxDuration {
		return 0, KeyDurationRange
	}
	return d, ""
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' }
