package store

import (
	"context"
	"strconv"

	"gigdesk/store/valid"
)

// Settings are the station's own details and knobs.
type Settings struct {
	StationName    string
	Phone          string
	Address        string
	CommunityID    int64
	MinHourlyFen   int64 // Chongqing's minimum hourly wage; jobs below it are flagged
	BackupsKept    int
	IdleLockMinute int
	JobValidDays   int
	MatchWeights   string // JSON of match.Weights; "" means the defaults
}

// DefaultSettings are used until the station changes them.
func DefaultSettings() Settings {
	return Settings{MinHourlyFen: 2100, BackupsKept: 14, IdleLockMinute: 10, JobValidDays: 7}
}

// Configured reports whether first-run setup has named the station.
func (st Settings) Configured() bool { return st.StationName != "" }

// Validate checks the settings as the station head typed them.
func (st *Settings) Validate() error {
	name, p := valid.Text("station_name", st.StationName, 40)
	if p != nil {
		return fieldError(p)
	}
	if name == "" {
		return &Error{Code: Invalid, Key: "station.name_empty", Field: "station_name", Detail: "station name is required"}
	}
	st.StationName = name
	var q *valid.Problem
	// A landline is fine for the station, so the phone is free text without control characters.
	if st.Phone, q = valid.Text("station_phone", st.Phone, 30); q != nil {
		return fieldError(q)
	}
	if st.Address, q = valid.Text("station_address", st.Address, 100); q != nil {
		return fieldError(q)
	}
	if st.MinHourlyFen < 0 || st.MinHourlyFen > 100000 {
		return &Error{Code: Invalid, Key: "station.min_wage", Field: "min_hourly", Detail: "minimum hourly wage out of range"}
	}
	return nil
}

var settingKeys = []string{"station_name", "station_phone", "station_address", "station_community", "min_hourly_fen", "backups_kept", "idle_lock_minutes", "job_valid_days", "match_weights"}

func (st *Settings) fields() map[string]string {
	return map[string]string{
		"station_name":      st.StationName,
		"station_phone":     st.Phone,
		"station_address":   st.Address,
		"station_community": strconv.FormatInt(st.CommunityID, 10),
		"min_hourly_fen":    strconv.FormatInt(st.MinHourlyFen, 10),
		"backups_kept":      strconv.Itoa(st.BackupsKept),
		"idle_lock_minutes": strconv.Itoa(st.IdleLockMinute),
		"job_valid_days":    strconv.Itoa(st.JobValidDays),
		"match_weights":     st.MatchWeights,
	}
}

func (st *Settings) set(key, v string) {
	n, _ := strconv.ParseInt(v, 10, 64)
	switch key {
	case "station_name":
		st.StationName = v
	case "station_phone":
		st.Phone = v
	case "station_address":
		st.Address = v
	case "station_community":
		st.CommunityID = n
	case "min_hourly_fen":
		st.MinHourlyFen = n
	case "backups_kept":
		st.BackupsKept = int(n)
	case "idle_lock_minutes":
		st.IdleLockMinute = int(n)
	case "job_valid_days":
		st.JobValidDays = int(n)
	case "match_weights":
		st.MatchWeights = v
	}
}

// Settings reads the station's settings, defaults filled in.
func (s *Store) Settings(ctx context.Context) (Settings, error) {
	st := DefaultSettings()
	rows, err := s.db.QueryContext(ctx, `SELECT key, value FROM settings`)
	if err != nil {
		return st, dbError(err, s.path)
	}
	defer rows.Close()
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return st, dbError(err, s.path)
		}
		st.set(k, v)
	}
	return st, dbError(rows.Err(), s.path)
}

// SaveSettings validates and stores all settings in one transaction.
func (s *Store) SaveSettings(ctx context.Context, staff int64, st Settings) error {
	if err := st.Validate(); err != nil {
		return err
	}
	return s.write(ctx, staff, func(tx *Tx) error {
		f := st.fields()
		for _, k := range settingKeys {
			if _, err := tx.exec(`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, k, f[k]); err != nil {
				return err
			}
		}
		return tx.audit("update", "settings", 0, st.StationName)
	})
}
