package when

import (
	"testing"
	"time"
)

func TestParseSpan(t *testing.T) {
	tests := []struct {
		in         string
		start, end time.Time
		key        string
	}{
		{"明天8点到5点", at(2026, 11, 29, 8, 0), at(2026, 11, 29, 17, 0), ""},
		{"明天8点到17点", at(2026, 11, 29, 8, 0), at(2026, 11, 29, 17, 0), ""},
		{"明天 8:00-17:30", at(2026, 11, 29, 8, 0), at(2026, 11, 29, 17, 30), ""},
		{"晚上10点到凌晨2点", at(2026, 11, 28, 22, 0), at(2026, 11, 29, 2, 0), ""},
		{"晚上10点到2点", at(2026, 11, 28, 22, 0), at(2026, 11, 29, 2, 0), ""},
		{"今晚10点到明早6点", at(2026, 11, 28, 22, 0), at(2026, 11, 29, 6, 0), ""},
		{"今天 22:00–次日02:00", at(2026, 11, 28, 22, 0), at(2026, 11, 29, 2, 0), ""},
		{"下午3点至6点", at(2026, 11, 28, 15, 0), at(2026, 11, 28, 18, 0), ""},
		{"明天上午9点到上午11点", at(2026, 11, 29, 9, 0), at(2026, 11, 29, 11, 0), ""},
		{"明天8点到后天8点", at(2026, 11, 29, 8, 0), at(2026, 11, 30, 8, 0), ""},
		{"tomorrow 9:00 to 17:00", at(2026, 11, 29, 9, 0), at(2026, 11, 29, 17, 0), ""},
		{"12-03 9点-12点", at(2026, 12, 3, 9, 0), at(2026, 12, 3, 12, 0), ""},
		// no end: the date's dash is not a range, and the caller asks for a duration
		{"12-03 9点", at(2026, 12, 3, 9, 0), time.Time{}, ""},
		{"明天9点", at(2026, 11, 29, 9, 0), time.Time{}, ""},
		// refusals
		{"明天8点到8点", at(2026, 11, 29, 8, 0), at(2026, 11, 29, 20, 0), ""}, // eight to eight is a long day
		{"明天8点到明天7点", time.Time{}, time.Time{}, KeyEndBefore},
		{"明天8点到8点10分", time.Time{}, time.Time{}, KeyDurationRange},
		{"明天8点到25点", time.Time{}, time.Time{}, KeyTime},
		{"明天8点到下午", time.Time{}, time.Time{}, KeyFormat},
		{"昨天8点到5点", time.Time{}, time.Time{}, KeyFormat},
		{"上午9点到上午11点", time.Time{}, time.Time{}, KeyPast},
	}
	for _, tt := range tests {
		start, end, key := ParseSpan(tt.in, now)
		if key != tt.key || !start.Equal(tt.start) || !end.Equal(tt.end) {
			t.Errorf("ParseSpan(%q) = %v, %v, %q; want %v, %v, %q", tt.in, start, end, key, tt.start, tt.end, tt.key)
		}
	}
}

func TestParseEnd(t *testing.T) {
	start := at(2026, 11, 28, 22, 0)
	tests := []struct {
		in   string
		want time.Time
		key  string
	}{
		{"2点", at(2026, 11, 29, 2, 0), ""},
		{"凌晨2点", at(2026, 11, 29, 2, 0), ""},
		{"23:30", at(2026, 11, 28, 23, 30), ""},
		{"明天6点", at(2026, 11, 29, 6, 0), ""},
		{"次日02:00", at(2026, 11, 29, 2, 0), ""},
		{"次日 14:00", at(2026, 11, 29, 14, 0), ""},
		{"next day 02:00", at(2026, 11, 29, 2, 0), ""},
		{"到早上6点", at(2026, 11, 29, 6, 0), ""}, // the end as a caller says it
		{"至凌晨3点", at(2026, 11, 29, 3, 0), ""},
		{"明早6点", at(2026, 11, 29, 6, 0), ""},
		{"", time.Time{}, KeyEmpty},
		{"很晚", time.Time{}, KeyFormat},
		{"今天21点", time.Time{}, KeyEndBefore},
	}
	for _, tt := range tests {
		got, key := ParseEnd(tt.in, start, now)
		if key != tt.key || !got.Equal(tt.want) {
			t.Errorf("ParseEnd(%q) = %v, %q; want %v, %q", tt.in, got, key, tt.want, tt.key)
		}
	}
}

func FuzzParseSpan(f *testing.F) {
	for _, s := range []string{"明天8点到5点", "晚上10点到凌晨2点", "12-03 9点-12点", "-", "到到"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		start, end, key := ParseSpan(s, now)
		if key != "" {
			return
		}
		if !end.IsZero() && (!end.After(start) || end.Sub(start) > MaxDuration) {
			t.Fatalf("ParseSpan(%q) = %v..%v", s, start, end)
		}
	})
}
