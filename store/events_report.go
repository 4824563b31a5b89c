package store

import (
	"context"
	"strings"
)

// FairFigures are a fair's figures, or those of every fair held on the days of a period. The
// first four are the bureau's form (参会企业, 提供岗位, 求职人数, 达成意向), counted as it counts them:
//   - Firms: employers taking part, one per event however many positions they bring.
//   - Positions: the places offered (岗位数), the head-count of every position; PositionKinds
//     is how many positions (titles) they come in.
//   - Attendees: people signed in at the door, one per event however often they came by;
//     Newcomers those registered at the door, PriorityAttendees those in a priority group.
//   - Intentions: attendees who agreed at least one intention (达成意向人数);
//     IntentionRecords every attendee × position agreed, Hired and NotHired their outcomes.
type FairFigures struct {
	Events            int
	Firms             int
	Positions         int
	PositionKinds     int
	Attendees         int
	Newcomers         int
	PriorityAttendees int
	Intentions        int
	IntentionRecords  int
	Hired             int
	NotHired          int
}

// FairArea is a fair's figures for one trade (by the position's trade) or one firm.
type FairArea struct {
	ID            int64 // the trade's id, or the firm row's
	Name          string
	PositionKinds int
	Positions     int // head-count
	Intentions    int // intention records
	Hired         int
}

// EventReport is one fair's report: its figures, by trade and by firm, and its priority-group
// attendees by group.
type EventReport struct {
	Event   Event
	Figures FairFigures
	ByTrade []FairArea // trades in catalogue order, only those with positions
	ByFirm  []FairArea // firms in the order they were added
	ByGroup map[string]int
}

// fairCounts counts the figures of the events chosen by where (on the events table e).
func (s *Store) fairCounts(ctx context.Context, where string, args ...any) (FairFigures, error) {
	var f FairFigures
	q := func(sql string) string { return strings.ReplaceAll(sql, "$EV", `SELECT id FROM events e WHERE `+where) }
	n := strings.Count(q(fairCountsSQL), "?")
	all := make([]any, 0, n)
	for len(all) < n {
		all = append(all, args...)
	}
	err := s.db.QueryRowContext(ctx, q(fairCountsSQL), all...).Scan(&f.Events, &f.Firms, &f.Positions, &f.PositionKinds, &f.Attendees,
		&f.Newcomers, &f.PriorityAttendees, &f.Intentions, &f.IntentionRecords, &f.Hired, &f.NotHired)
	return f, dbError(err, s.path)
}

const fairCountsSQL = `SELECT
	(SELECT count(*) FROM ($EV) x),
	(SELECT count(*) FROM event_firms WHERE event_id IN ($EV)),
	(SELECT coalesce(sum(headcount), 0) FROM event_positions WHERE event_id IN ($EV)),
	(SELECT count(*) FROM event_positions WHERE event_id IN ($EV)),
	(SELECT count(*) FROM event_attendees WHERE event_id IN ($EV)),
	(SELECT count(*) FROM event_attendees WHERE newcomer = 1 AND event_id IN ($EV)),
	(SELECT count(*) FROM event_attendees a JOIN workers w ON w.id = a.worker_id WHERE w.groups <> '' AND a.event_id IN ($EV)),
	(SELECT count(DISTINCT attendee_id) FROM event_intentions WHERE event_id IN ($EV)),
	(SELECT count(*) FROM event_intentions WHERE event_id IN ($EV)),
	(SELECT count(*) FROM event_intentions WHERE outcome = 'hired' AND event_id IN ($EV)),
	(SELECT count(*) FROM event_intentions WHERE outcome = 'not_hired' AND event_id IN ($EV))`

// FairFigures counts the fairs held on the station-local days [from, to].
func (s *Store) FairFigures(ctx context.Context, from, to string) (FairFigures, error) {
	if _, _, err := s.rangeOf(from, to); err != nil {
		return FairFigures{}, err
	}
	return s.fairCounts(ctx, `e.day >= ? AND e.day <= ?`, from, to)
}

// EventReport reads one fair's report.
func (s *Store) EventReport(ctx context.Context, eventID int64) (EventReport, error) {
	r := EventReport{ByGroup: map[string]int{}}
	var err error
	if r.Event, err = s.Event(ctx, eventID); err != nil {
		return r, err
	}
	if r.Figures, err = s.fairCounts(ctx, `e.id = ?`, eventID); err != nil {
		return r, err
	}
	area := func(sc scanner) (FairArea, error) {
		var a FairArea
		err := sc.Scan(&a.ID, &a.Name, &a.PositionKinds, &a.Positions, &a.Intentions, &a.Hired)
		return a, err
	}
	const perPosition = `count(*), sum(p.headcount),
		sum((SELECT count(*) FROM event_intentions i WHERE i.position_id = p.id)),
		sum((SELECT count(*) FROM event_intentions i WHERE i.position_id = p.id AND i.outcome = 'hired'))`
	if r.ByTrade, err = queryAll(ctx, s, area, `SELECT t.id, t.name_zh, `+perPosition+` FROM event_positions p JOIN trades t ON t.id = p.trade_id
		WHERE p.event_id = ? GROUP BY t.id, t.name_zh, t.sort ORDER BY t.sort, t.id`, eventID); err != nil {
		return r, err
	}
	if r.ByFirm, err = queryAll(ctx, s, area, `SELECT f.id, e.name, count(p.id), coalesce(sum(p.headcount), 0),
		coalesce(sum((SELECT count(*) FROM event_intentions i WHERE i.position_id = p.id)), 0),
		coalesce(sum((SELECT count(*) FROM event_intentions i WHERE i.position_id = p.id AND i.outcome = 'hired')), 0)
		FROM event_firms f JOIN employers e ON e.id = f.employer_id LEFT JOIN event_positions p ON p.firm_id = f.id
		WHERE f.event_id = ? GROUP BY f.id, e.name ORDER BY f.id`, eventID); err != nil {
		return r, err
	}
	groups, err := queryAll(ctx, s, scanOne[string], `SELECT w.groups FROM event_attendees a JOIN workers w ON w.id = a.worker_id
		WHERE a.event_id = ? AND w.groups <> ''`, eventID)
	for _, g := range groups {
		for _, one := range strings.Split(g, ",") {
			r.ByGroup[one]++
		}
	}
	return r, err
}

// EventReports reads the report of every fair held on the days [from, to], in day order.
func (s *Store) EventReports(ctx context.Context, from, to string) ([]EventReport, error) {
	evs, err := s.Events(ctx, from, to)
	if err != nil {
		return nil, err
	}
	var out []EventReport
	for _, e := range evs {
		r, err := s.EventReport(ctx, e.ID)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// DoorCount is what the board and the door screen show of a fair held today: no personal data.
type DoorCount struct {
	EventID   int64
	Name      string
	Firms     int
	Positions int // head-count
	Attendees int
}

// FairsToday lists the fairs held today with their live counts.
func (s *Store) FairsToday(ctx context.Context) ([]DoorCount, error) {
	return queryAll(ctx, s, func(sc scanner) (DoorCount, error) {
		var d DoorCount
		err := sc.Scan(&d.EventID, &d.Name, &d.Firms, &d.Positions, &d.Attendees)
		return d, err
	}, `SELECT e.id, e.name,
		(SELECT count(*) FROM event_firms f WHERE f.event_id = e.id),
		(SELECT coalesce(sum(p.headcount), 0) FROM event_positions p WHERE p.event_id = e.id),
		(SELECT count(*) FROM event_attendees a WHERE a.event_id = e.id)
		FROM events e WHERE e.day = ? ORDER BY e.id`, s.Today())
}
