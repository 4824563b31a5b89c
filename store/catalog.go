package store

import (
	"context"
	"strconv"
	"strings"

	"gigdesk/store/valid"
)

// Trade is a kind of work (工种).
type Trade struct {
	ID     int64
	Code   string
	NameZh string
	NameEn string
	// Aliases are the other words the counter uses for it (泥工 for 泥水), sorted.
	Aliases []string
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

// Trade returns the trade with id; a nil catalogue (not loaded yet) knows none.
func (c *Catalog) Trade(id int64) (Trade, bool) {
	if c == nil {
		return Trade{}, false
	}
	i, ok := c.tradeByID[id]
	if !ok {
		return Trade{}, false
	}
	return c.Trades[i], true
}

// Place returns the place with id; a nil catalogue (not loaded yet) knows none.
func (c *Catalog) Place(id int64) (Place, bool) {
	if c == nil {
		return Place{}, false
	}
	i, ok := c.placeByID[id]
	if !ok {
		return Place{}, false
	}
	return c.Places[i], true
}

// PlaceName is the name of the place with id, "" when unknown.
func (c *Catalog) PlaceName(id int64) string {
	p, _ := c.Place(id)
	return p.Name
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
	trades, err := queryAll(ctx, s, scanTrade, `SELECT id, code, name_zh, name_en FROM trades ORDER BY sort, id`)
	if err != nil {
		return nil, err
	}
	related, err := queryAll(ctx, s, scanTradePair, `SELECT trade_id, related_id FROM trade_relations`)
	if err != nil {
		return nil, err
	}
	places, err := queryAll(ctx, s, scanPlace, `SELECT id, coalesce(parent_id, 0), level, name FROM places ORDER BY id`)
	if err != nil {
		return nil, err
	}
	c.Trades, c.Places = trades, places
	for i, t := range trades {
		c.tradeByID[t.ID] = i
	}
	for _, r := range related {
		c.Related[r] = true
		c.Related[[2]int64{r[1], r[0]}] = true
	}
	for i, p := range places {
		c.placeByID[p.ID] = i
	}
	return c, s.readAliases(ctx, c)
}

func scanTrade(sc scanner) (Trade, error) {
	var t Trade
	err := sc.Scan(&t.ID, &t.Code, &t.NameZh, &t.NameEn)
	return t, err
}

// scanTradePair reads a trade and one related to it.
func scanTradePair(sc scanner) ([2]int64, error) {
	var r [2]int64
	err := sc.Scan(&r[0], &r[1])
	return r, err
}

func scanPlace(sc scanner) (Place, error) {
	var p Place
	err := sc.Scan(&p.ID, &p.ParentID, &p.Level, &p.Name)
	return p, err
}

// Limits of a station's own trades and places.
const (
	MaxTradeCode  = 20
	MaxTradeName  = 20 // characters, each language
	MaxPlaceName  = 30
	maxRelatedSet = 20
)

// validTrade cleans a new trade's code and names, naming the field at fault.
func validTrade(t Trade) (Trade, error) {
	t.Code = strings.ToLower(strings.TrimSpace(t.Code))
	if t.Code == "" {
		return t, &Error{Code: Invalid, Key: "trade.incomplete", Field: "trade_code", Detail: "no code"}
	}
	if len(t.Code) > MaxTradeCode || t.Code[0] < 'a' || t.Code[0] > 'z' || strings.TrimFunc(t.Code, func(r rune) bool {
		return r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_'
	}) != "" {
		return t, &Error{Code: Invalid, Key: "trade.code", Field: "trade_code", Detail: t.Code}
	}
	for _, f := range []struct {
		name  *string
		field string
	}{{&t.NameZh, "trade_zh"}, {&t.NameEn, "trade_en"}} {
		v, p := valid.Text(f.field, *f.name, MaxTradeName)
		if p != nil {
			return t, fieldError(p)
		}
		if v == "" {
			return t, &Error{Code: Invalid, Key: "trade.incomplete", Field: f.field, Detail: "no name"}
		}
		*f.name = v
	}
	return t, nil
}

// AddTrade adds a station's own trade, related to the trades listed (a weaker match in
// ranking); only the station head may.
func (s *Store) AddTrade(ctx context.Context, staff int64, t Trade, related ...int64) (Trade, error) {
	t, err := validTrade(t)
	if err != nil {
		return t, err
	}
	err = s.write(ctx, staff, func(tx *Tx) error {
		if err := tx.requireHead(); err != nil {
			return err
		}
		id, err := tx.insert(`INSERT INTO trades (code, name_zh, name_en, sort) VALUES (?, ?, ?, (SELECT coalesce(max(sort), 0) + 1 FROM trades))`, t.Code, t.NameZh, t.NameEn)
		if isUnique(err) {
			field := "trade_zh"
			var n int
			if tx.queryRow(`SELECT count(*) FROM trades WHERE code = ?`, t.Code).Scan(&n) == nil && n > 0 {
				field = "trade_code"
			}
			return &Error{Code: Conflict, Key: "trade.exists", Field: field, Detail: t.NameZh}
		}
		if err != nil {
			return err
		}
		t.ID = id
		if err := tx.audit("create", "trade", id, t.NameZh); err != nil {
			return err
		}
		if len(related) == 0 {
			return nil
		}
		return tx.relate(id, related)
	})
	return t, err
}

// SetRelated replaces the trades related to trade id (both directions); only the head may.
func (s *Store) SetRelated(ctx context.Context, staff, id int64, related []int64) error {
	return s.write(ctx, staff, func(tx *Tx) error {
		if err := tx.requireHead(); err != nil {
			return err
		}
		var n int
		if err := tx.queryRow(`SELECT count(*) FROM trades WHERE id = ?`, id).Scan(&n); err != nil || n == 0 {
			return &Error{Code: NotFound, Key: "trade.not_found", Field: "trade", Detail: strconv.FormatInt(id, 10)}
		}
		if _, err := tx.exec(`DELETE FROM trade_relations WHERE trade_id = ? OR related_id = ?`, id, id); err != nil {
			return err
		}
		return tx.relate(id, related)
	})
}

// relate stores id ↔ each of related, checked, and audits the new set.
func (t *Tx) relate(id int64, related []int64) error {
	if len(related) > maxRelatedSet {
		return &Error{Code: Invalid, Key: "trade.related", Field: "trade_related", Detail: "too many related trades"}
	}
	seen := map[int64]bool{}
	var ids []string
	for _, r := range related {
		if r == id {
			return &Error{Code: Invalid, Key: "trade.related_self", Field: "trade_related", Detail: "a trade cannot be related to itself"}
		}
		if seen[r] {
			continue
		}
		seen[r] = true
		var n int
		if err := t.queryRow(`SELECT count(*) FROM trades WHERE id = ?`, r).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return &Error{Code: Invalid, Key: "trade.related", Field: "trade_related", Detail: strconv.FormatInt(r, 10)}
		}
		if _, err := t.exec(`INSERT INTO trade_relations (trade_id, related_id) VALUES (?, ?), (?, ?)`, id, r, r, id); err != nil {
			return err
		}
		ids = append(ids, strconv.FormatInt(r, 10))
	}
	return t.audit("relate", "trade", id, strings.Join(ids, ","))
}

// AddPlace adds a community (or village) under a sub-district or town; only the head may.
func (s *Store) AddPlace(ctx context.Context, staff, parent int64, name string) (Place, error) {
	name, p := valid.Text("place_name", name, MaxPlaceName)
	if p != nil {
		return Place{}, fieldError(p)
	}
	if name == "" {
		return Place{}, &Error{Code: Invalid, Key: "place.name", Field: "place_name", Detail: "no name"}
	}
	pl := Place{ParentID: parent, Level: LevelCommunity, Name: name}
	err := s.write(ctx, staff, func(tx *Tx) error {
		if err := tx.requireHead(); err != nil {
			return err
		}
		var level string
		err := tx.queryRow(`SELECT level FROM places WHERE id = ?`, parent).Scan(&level)
		if err != nil || (PlaceLevel(level) != LevelSubdistrict && PlaceLevel(level) != LevelTown) {
			return &Error{Code: Invalid, Key: "place.parent", Field: "place_parent", Detail: strconv.FormatInt(parent, 10)}
		}
		id, err := tx.insert(`INSERT INTO places (parent_id, level, name) VALUES (?, 'community', ?)`, parent, name)
		if isUnique(err) {
			return &Error{Code: Conflict, Key: "place.exists", Field: "place_name", Detail: name}
		}
		if err != nil {
			return err
		}
		pl.ID = id
		return tx.audit("create", "place", id, name)
	})
	return pl, err
}
