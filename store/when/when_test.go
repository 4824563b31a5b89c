package when

import (
	"strings"
	"testing"
	"time"
)

var shanghai = time.FixedZone("CST", 8*3600)

// now is Saturday 2026-11-28 14:00 at the station.
var now = time.Date(2026, 11, 28, 14, 0, 0, 0, shanghai)

func at(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, shanghai)
}

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
		key  string
	}{
		{"明天9点", at(2026, 11, 29, 9, 0), ""},
		{"今晚10点", at(2026, 11, 28, 22, 0), ""}, // a day and a part of it in one word
		{"今晚8点半", at(2026, 11, 28, 20, 30), ""},
		{"今夜11点", at(2026, 11, 28, 23, 0), ""},
		{"明晚8点", at(2026, 11, 29, 20, 0), ""},
		{"明早6点", at(2026, 11, 29, 6, 0), ""},
		{"明天 9:00", at(2026, 11, 29, 9, 0), ""},
		{"明天9:30", at(2026, 11, 29, 9, 30), ""},
		{"明天9点半", at(2026, 11, 29, 9, 30), ""},
		{"明天9点15分", at(2026, 11, 29, 9, 15), ""},
		{"明天九点", time.Time{}, KeyFormat},
		{"明天", at(2026, 11, 29, DefaultHour, 0), ""},
		{"mt9", at(2026, 11, 29, 9, 0), ""},
		{"tom 9", at(2026, 11, 29, 9, 0), ""},
		{"tmrw 9am", at(2026, 11, 29, 9, 0), ""},
		{"mon 9", at(2026, 11, 30, 9, 0), ""},
		{"Monday 9:00", at(2026, 11, 30, 9, 0), ""},
		{"friday 2pm", at(2026, 12, 4, 14, 0), ""},
		{"tues 8", at(2026, 12, 1, 8, 0), ""},
		{"sat 8am", at(2026, 11, 28, 8, 0), KeyPast},
		{"ht8:30", at(2026, 11, 30, 8, 30), ""},
		{"jt 16", at(2026, 11, 28, 16, 0), ""},
		{"明日下午3点", at(2026, 11, 29, 15, 0), ""},
		{"后天上午10点", at(2026, 11, 30, 10, 0), ""},
		{"大后天7:00", at(2026, 12, 1, 7, 0), ""},
		{"今天下午3点", at(2026, 11, 28, 15, 0), ""},
		{"下午3点", at(2026, 11, 28, 15, 0), ""},
		{"晚上8点", at(2026, 11, 28, 20, 0), ""},
		{"中午12点", at(2026, 11, 28, 12, 0), KeyPast},
		{"明天中午12点", at(2026, 11, 29, 12, 0), ""},
		{"明天中午1点", at(2026, 11, 29, 13, 0), ""},
		{"14:30", at(2026, 11, 28, 14, 30), ""},
		{"14.30", at(2026, 11, 28, 14, 30), ""},
		{"13:50", at(2026, 11, 28, 13, 50), ""}, // ten minutes ago: within the grace
		{"13:30", time.Time{}, KeyPast},
		{"9:00", time.Time{}, KeyPast},
		{"today 15:00", at(2026, 11, 28, 15, 0), ""},
		{"Tomorrow 9:00", at(2026, 11, 29, 9, 0), ""},
		{"tomorrow 3pm", at(2026, 11, 29, 15, 0), ""},
		{"tomorrow 9am", at(2026, 11, 29, 9, 0), ""},
		{"tomorrow 12am", at(2026, 11, 29, 0, 0), ""},
		{"12-03 9:00", at(2026, 12, 3, 9, 0), ""},
		{"12/3 9:00", at(2026, 12, 3, 9, 0), ""},
		{"12月3日9点", at(2026, 12, 3, 9, 0), ""},
		{"12月3号 下午2点", at(2026, 12, 3, 14, 0), ""},
		{"12-03", at(2026, 12, 3, DefaultHour, 0), ""},
		{"2026-12-03 09:00", at(2026, 12, 3, 9, 0), ""},
		{"2026/12/03 09:00", at(2026, 12, 3, 9, 0), ""},
		{"2026年12月3日 9:00", at(2026, 12, 3, 9, 0), ""},
		{"１２－０３　９：００", at(2026, 12, 3, 9, 0), ""},
		{"明天９：３０", at(2026, 11, 29, 9, 30), ""},
		{"01-05 8:00", at(2027, 1, 5, 8, 0), ""}, // January has passed this year: next year's
		{"周一 8点", at(2026, 11, 30, 8, 0), ""},
		{"星期六下午4点", at(2026, 11, 28, 16, 0), ""},
		{"周日", at(2026, 11, 29, DefaultHour, 0), ""},
		{"现在", at(2026, 11, 28, 14, 0), ""},
		{"2月30日 9:00", time.Time{}, KeyDate},
		{"2027-02-29 9:00", time.Time{}, KeyDate},
		{"2028-02-29 9:00", time.Time{}, KeyTooFar},
		{"13-01 9:00", time.Time{}, KeyDate},
		{"04-31", time.Time{}, KeyDate},
		{"2026-11-27 09:00", time.Time{}, KeyPast},
		{"2025-12-03 09:00", time.Time{}, KeyPast},
		{"明天25:00", time.Time{}, KeyTime},
		{"明天9:75", time.Time{}, KeyTime},
		{"明天下午15点", time.Time{}, KeyTime},
		{"明天上午13点", time.Time{}, KeyTime},
		{"", time.Time{}, KeyEmpty},
		{"   ", time.Time{}, KeyEmpty},
		{"\x1b[31m", time.Time{}, KeyEmpty},
		{"明天\x1b[31m9点", at(2026, 11, 29, 9, 0), ""}, // a pasted colour escape is dropped whole
		{"下周", time.Time{}, KeyFormat},
		{"😀", time.Time{}, KeyFormat},
		{"abc", time.Time{}, KeyFormat},
		{strings.Repeat("9", 10000), time.Time{}, KeyFormat},
	}
	for _, tt := range tests {
		got, key := Parse(tt.in, now)
		if key != tt.key {
			t.Errorf("Parse(%q) key = %q, want %q (got %v)", tt.in, key, tt.key, got)
			continue
		}
		if key == "" && !got.Equal(tt.want) {
			t.Errorf("Parse(%q) = %v, want %v", tt.in, got, tt.want)
		}
		if key != "" && !got.IsZero() {
			t.Errorf("Parse(%q) refused with %s but returned %v", tt.in, key, got)
		}
	}
}

func TestParseDuration(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
		key  string
	}{
		{"4小时", 4 * time.Hour, ""},
		{"5小时30分", 5*time.Hour + 30*time.Minute, ""},
		{"5h30m", 5*time.Hour + 30*time.Minute, ""},
		{"2小时75分", 0, KeyDurationRange},
		{"4个小时", 4 * time.Hour, ""},
		{"两个小时", 2 * time.Hour, ""},
		{"一个半小时", 90 * time.Minute, ""},
		{"1.5小时", 90 * time.Minute, ""},
		{"2h", 2 * time.Hour, ""},
		{"2 hours", 2 * time.Hour, ""},
		{"４小时", 4 * time.Hour, ""},
		{"4", 4 * time.Hour, ""},
		{"半天", 4 * time.Hour, ""},
		{"1天", 24 * time.Hour, ""},
		{"一天", 24 * time.Hour, ""},
		{"3d", 72 * time.Hour, ""},
		{"3天", 72 * time.Hour, ""},
		{"1天半", 36 * time.Hour, ""},
		{"90分钟", 90 * time.Minute, ""},
		{"30min", 30 * time.Minute, ""},
		{"1周", 7 * 24 * time.Hour, ""},
		{"小时", time.Hour, ""},
		{"10分钟", 0, KeyDurationRange},
		{"0", 0, KeyDurationRange},
		{"32天", 0, KeyDurationRange},
		{"99999999999999999999h", 0, KeyDurationRange},
		{"", 0, KeyDurationEmpty},
		{"很久", 0, KeyDuration},
		{"3个", 0, KeyDuration},
		{"-2h", 0, KeyDuration},
		{"😀", 0, KeyDuration},
		{strings.Repeat("1", 10000), 0, KeyDuration},
	}
	for _, tt := range tests {
		got, key := ParseDuration(tt.in)
		if key != tt.key || got != tt.want {
			t.Errorf("ParseDuration(%q) = %v, %q; want %v, %q", tt.in, got, key, tt.want, tt.key)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"明天9点", "12-03 9:00", "2026-12-03 09:00", "下午3点半", "2月30日", "4小时", "半天", "3d", "\x1b[0m", "１２：００"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, key := Parse(s, now)
		if key == "" {
			if got.Before(now.Add(-Grace)) || got.After(now.AddDate(1, 0, 0)) {
				t.Fatalf("Parse(%q) = %v accepted outside the allowed range", s, got)
			}
			if got.Second() != 0 {
				t.Fatalf("Parse(%q) = %v has seconds", s, got)
			}
		} else if !got.IsZero() {
			t.Fatalf("Parse(%q) refused (%s) but returned %v", s, key, got)
		}
		d, dkey := ParseDuration(s)
		if dkey == "" && (d < MinDuration || d > MaxDuration) {
			t.Fatalf("ParseDuration(%q) = %v outside the limits", s, d)
		}
	})
}

func BenchmarkParse(b *testing.B) {
	for b.Loop() {
		Parse("12月3日 下午2点半", now)
	}
}
