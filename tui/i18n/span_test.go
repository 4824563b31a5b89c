package i18n

import (
	"testing"
	"time"
)

func TestSpanShowsTheNextDay(t *testing.T) {
	loc := time.FixedZone("CST", 8*3600)
	now := time.Date(2026, 12, 6, 14, 0, 0, 0, loc)
	tests := []struct {
		lang       Lang
		start      time.Time
		d          time.Duration
		end, whole string
	}{
		{Zh, time.Date(2026, 12, 7, 8, 0, 0, 0, loc), 9 * time.Hour, "17:00", "明天 08:00–17:00（9小时）"},
		{Zh, time.Date(2026, 12, 6, 22, 0, 0, 0, loc), 4 * time.Hour, "次日02:00", "今天 22:00–次日02:00（4小时）"},
		{En, time.Date(2026, 12, 6, 22, 0, 0, 0, loc), 4 * time.Hour, "next day 02:00", "today 22:00–next day 02:00 (4 h)"},
		{Zh, time.Date(2026, 12, 7, 8, 0, 0, 0, loc), 72 * time.Hour, "12-10 08:00", "明天 08:00–12-10 08:00（3天）"},
	}
	for _, tt := range tests {
		c := New(tt.lang)
		if got := c.EndClock(tt.start, tt.start.Add(tt.d)); got != tt.end {
			t.Errorf("EndClock(%v, %v) = %q, want %q", tt.start, tt.d, got, tt.end)
		}
		if got := c.Span(tt.start, tt.d, now); got != tt.whole {
			t.Errorf("Span(%v, %v) = %q, want %q", tt.start, tt.d, got, tt.whole)
		}
	}
}

func TestWhenEndShowsANightJobsEnd(t *testing.T) {
	loc := time.FixedZone("CST", 8*3600)
	now := time.Date(2026, 12, 6, 14, 0, 0, 0, loc)
	c := New(Zh)
	if got := c.WhenEnd(time.Date(2026, 12, 6, 22, 0, 0, 0, loc), 4*time.Hour, now); got != "今天 22:00–次日02:00" {
		t.Errorf("night job = %q", got)
	}
	if got := c.WhenEnd(time.Date(2026, 12, 7, 8, 0, 0, 0, loc), 9*time.Hour, now); got != "明天 08:00" {
		t.Errorf("day job = %q, want its start alone", got)
	}
}
