package board

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"gigdesk/store"
	"gigdesk/store/pinyinkey"
)

// Day filters.
type dayFilter int

const (
	anyDay dayFilter = iota
	today
	tomorrow
	thisWeek
	dayFilters
)

var dayKeys = [dayFilters]string{"board.day.any", "board.day.today", "board.day.tomorrow", "board.day.week"}

// cycle steps a filter through 0 (everything) and ids, backwards when back.
func (m *Model) cycle(cur int64, ids []int64, back bool) int64 {
	all := append([]int64{0}, ids...)
	i := max(slices.Index(all, cur), 0)
	if back {
		i = (i + len(all) - 1) % len(all)
	} else {
		i = (i + 1) % len(all)
	}
	return all[i]
}

func (m *Model) tradeIDs() []int64 {
	if m.c.Records == nil {
		return nil
	}
	ids := make([]int64, 0, len(m.c.Records.Trades))
	for _, t := range m.c.Records.Trades {
		ids = append(ids, t.ID)
	}
	return ids
}

func (m *Model) subIDs() []int64 {
	if m.c.Records == nil {
		return nil
	}
	var ids []int64
	for _, p := range m.c.Records.Places {
		if p.Level == store.LevelSubdistrict || p.Level == store.LevelTown {
			ids = append(ids, p.ID)
		}
	}
	return ids
}

// refilter applies the filters and the search to all rows; the cursor stays on the same job
// when it is still shown, otherwise on the row that took its place.
func (m *Model) refilter() {
	m.matches = newMatchSet(m.search.Value(), m.c.Records)
	from, to := m.dayRange()
	m.shown = m.shown[:0]
	m.wanted = 0
	for i := range m.all {
		r := &m.all[i]
		j := &r.job
		switch {
		case m.trade != 0 && j.TradeID != m.trade,
			m.sub != 0 && r.sub != m.sub,
			m.urgent && !j.Urgent,
			!from.IsZero() && (j.StartsAt.Before(from) || !j.StartsAt.Before(to)),
			!m.matches.match(r):
			continue
		}
		m.shown = append(m.shown, i)
		m.wanted += max(j.Headcount-j.Filled, 0)
	}
	cur := -1
	if m.selected != 0 {
		cur = slices.IndexFunc(m.shown, func(i int) bool { return m.all[i].job.ID == m.selected })
	}
	if cur < 0 {
		cur = min(m.cursor, len(m.shown)-1)
	}
	m.cursor = max(cur, 0)
	if len(m.shown) > 0 {
		m.selected = m.all[m.shown[m.cursor]].job.ID
	}
	m.scroll()
}

// dayRange is the start-time window of the day filter; zero times mean any day.
func (m *Model) dayRange() (time.Time, time.Time) {
	now := m.c.Clock()
	y, mo, d := now.Date()
	start := time.Date(y, mo, d, 0, 0, 0, 0, now.Location())
	switch m.day {
	case today:
		return start, start.AddDate(0, 0, 1)
	case tomorrow:
		return start.AddDate(0, 0, 1), start.AddDate(0, 0, 2)
	case thisWeek: // today to the end of Sunday: 本周 at the counter is the calendar week
		left := (7 - int(now.Weekday())) % 7
		return start, start.AddDate(0, 0, left+1)
	}
	return time.Time{}, time.Time{}
}

// matchSet is what a search finds: the trades and places whose names, pinyin or initials
// match, worked out once per keystroke so each job is only a few lookups.
type matchSet struct {
	query  string
	digits string
	trades map[int64]bool
	places map[int64]bool
}

func newMatchSet(q string, rec *store.Catalog) matchSet {
	q = strings.ToLower(strings.TrimSpace(q))
	ms := matchSet{query: q}
	if q == "" {
		return ms
	}
	if d := strings.TrimLeft(strings.TrimPrefix(strings.TrimPrefix(q, "no."), "#"), "0"); d != "" && strings.Trim(d, "0123456789") == "" {
		ms.digits = d
	}
	if rec == nil {
		return ms
	}
	ms.trades, ms.places = map[int64]bool{}, map[int64]bool{}
	for _, t := range rec.Trades {
		if nameMatches(q, t.NameZh) || strings.Contains(strings.ToLower(t.NameEn), q) || strings.Contains(strings.ToLower(t.Code), q) {
			ms.trades[t.ID] = true
		}
	}
	for _, p := range rec.Places {
		if p.Level != store.LevelDistrict && nameMatches(q, p.Name) {
			ms.places[p.ID] = true
		}
	}
	return ms
}

// nameMatches: the name holds q, or its pinyin (full or initials) starts with it.
func nameMatches(q, name string) bool {
	if strings.Contains(name, q) {
		return true
	}
	return pinyinkey.Matches(q, []string{pinyinkey.Initials(name), pinyinkey.Full(name)})
}

func (ms *matchSet) match(r *row) bool {
	if ms.query == "" {
		return true
	}
	if ms.digits != "" && strings.HasPrefix(strconv.FormatInt(r.job.ID, 10), ms.digits) {
		return true
	}
	return ms.trades[r.job.TradeID] || ms.places[r.job.CommunityID] || ms.places[r.sub]
}
