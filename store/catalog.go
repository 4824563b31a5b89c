package store

import (
	"context"
)

// Trade is a kind of work (工种).
type Trade struct {
	ID     int64
	Code   string
	NameZh string
	NameEn string
}

// PlaceLevel is where a place sits in district → sub-district or town → community.
type PlaceLevel string

const (
	LevelDistrict    PlaceLevel = "district"
	LevelSubdistrict PlaceLevel = "subdistrict"
	LevelTown        PlaceLevel = "town"
	LevelCommunity   PlaceLevel = "community"
)

// Place is a district, sub-district, town or community.
type Place struct {
	ID       int64
	ParentID int64
	Level    PlaceLevel
	Name     string
}

// Catalog is the trades and places, read once and shared by screens and matching.
type Catalog struct {
	Trades    []Trade
	Related   map[[2]int64]bool // both orders are present
	Places    []Place
	placeByID map[int64]int
	tradeByID map[int64]int
}

// Trade returns the trade with id.
func (c *Catalog) Trade(id int64) (Trade, bool) {
	i, ok := c.tradeByID[id]
	if !ok {
		return Trade{}, false
	}
	return c.Trades[i], true
}

// Place returns the place with id.
func (c *Catalog) Place(id int64) (Place, bool) {
	i, ok := c.placeByID[id]
	if !ok {
		return Place{}, false
	}
	return c.Places[i], true
}

// Communities lists every community, in catalogue order.
func (c *Catalog) Communities() []Place {
	var out []Place
	for _, p := range c.Places {
		if p.Level == LevelCommunity {
			out = append(out, p)
		}
	}
	return out
}

// Area returns the sub-district (or town) and district that hold a community.
func (c *Catalog) Area(community int64) (sub, district int64) {
	p, ok := c.Place(community)
	if !ok {
		return 0, 0
	}
	if p.Level == LevelCommunity {
		sub = p.ParentID
		if sp, ok := c.Place(sub); ok {
			district = sp.ParentID
		}
		return sub, district
	}
	if p.Level == LevelSubdistrict || p.Level == LevelTown {
		return p.ID, p.ParentID
	}
	return 0, p.ID
}

// Catalog reads the trades, their relations and the places.
func (s *Store) Catalog(ctx context.Context) (*Catalog, error) {
	c := &Catalog{Related: map[[2]int64]bool{}, placeByID: map[int64]int{}, tradeByID: map[int64]int{}}
	rows, err := s.db.QueryContext(ctx, `SELECT id, code, name_zh, name_en FROM trades ORDER BY sort, id`)
	if err != nil {
		return nil, dbError(err, s.path)
	}
	for rows.Next() {
		var t Trade
		if err := rows.Scan(&t.ID, &t.Code, &t.NameZh, &t.NameEn); err != nil {
			rows.Close()
			return nil, dbError(err, s.path)
		}
		c.tradeByID[t.ID] = len(c.Trades)
		c.Trades = append(c.Trades, t)
	}
	rows.Close()
	rows, err = s.db.QueryContext(ctx, `SELECT trade_id, related_id FROM trade_relations`)
	if err != nil {
		return nil, dbError(err, s.path)
	}
	for rows.Next() {
		var a, b int64
		if err := rows.Scan(&a, &b); err != nil {
			rows.Close()
			return nil, dbError(err, s.path)
		}
		c.Related[[2]int64{a, b}] = true
		c.Related[[2]int64{b, a}] = true
	}
	rows.Close()
	rows, err = s.db.QueryContext(ctx, `SELECT id, coalesce(parent_id, 0), level, name FROM places ORDER BY id`)
	if err != nil {
		return nil, dbError(err, s.path)
	}
	defer rows.Close()
	for rows.Next() {
		var p Place
		if err := rows.Scan(&p.ID, &p.ParentID, &p.Level, &p.Name); err != nil {
			return nil, dbError(err, s.path)
		}
		c.placeByID[p.ID] = len(c.Places)
		c.Places = append(c.Places, p)
	}
	return c, dbError0(rows.Err(), s.path)
}

// AddTrade adds a station's own trade.
func (s *Store) AddTrade(ctx context.Context, staff int64, t Trade) (Trade, error) {
	if t.Code == "" || t.NameZh == "" || t.NameEn == "" {
		return t, Errorf(Invalid, "trade.incomplete", "trade needs a code and zh and en names")
	}
	err := s.write(ctx, staff, func(tx *Tx) error {
		id, err := tx.insert(`INSERT INTO trades (code, name_zh, name_en, sort) VALUES (?, ?, ?, (SELECT coalesce(max(sort), 0) + 1 FROM trades))`, t.Code, t.NameZh, t.NameEn)
		if isUnique(err) {
			return &Error{Code: Conflict, Key: "trade.exists", Detail: t.NameZh}
		}
		if err != nil {
			return err
		}
		t.ID = id
		return tx.audit("create", "trade", id, t.NameZh)
	})
	return t, err
}
