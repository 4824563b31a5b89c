package store

import (
	"time"
)

// Shanghai is the default station time zone.
var Shanghai = mustZone("Asia/Shanghai")

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		return time.FixedZone("CST", 8*3600) // no tz database on this PC: China has no DST
	}
	return loc
}

// Now is the store's clock in the station's time zone.
func (s *Store) Now() time.Time { return s.now().In(s.loc) }

// Location is the station's time zone.
func (s *Store) Location() *time.Location { return s.loc }

// Today is the station's local date as YYYY-MM-DD.
func (s *Store) Today() string { return s.DayOf(s.now()) }

// DayOf is the station-local date of t as YYYY-MM-DD.
func (s *Store) DayOf(t time.Time) string { return t.In(s.loc).Format(time.DateOnly) }

// DayRange is the half-open [start, end) of a station-local date.
func (s *Store) DayRange(day string) (time.Time, time.Time, error) {
	start, err := time.ParseInLocation(time.DateOnly, day, s.loc)
	if err != nil {
		return time.Time{}, time.Time{}, &Error{Code: Invalid, Key: "date.invalid", Field: "date", Detail: day}
	}
	return start, start.AddDate(0, 0, 1), nil
}
