package store

import (
	"context"
	"sort"
	"strconv"
	"strings"

	"gigdesk/store/valid"
)

// MaxTradeAliases is how many other words one trade may be known by.
const MaxTradeAliases = 12

// readAliases fills in every trade's aliases, sorted.
func (s *Store) readAliases(ctx context.Context, c *Catalog) error {
	type alias struct {
		trade int64
		word  string
	}
	all, err := queryAll(ctx, s, func(r scanner) (alias, error) {
		var a alias
		return a, r.Scan(&a.trade, &a.word)
	}, `SELECT trade_id, alias FROM trade_aliases ORDER BY trade_id, alias`)
	if err != nil {
		return err
	}
	for _, a := range all {
		if i, ok := c.tradeByID[a.trade]; ok {
			c.Trades[i].Aliases = append(c.Trades[i].Aliases, a.word)
		}
	}
	return nil
}

// cleanAliases checks the words a trade is also known by: each a short name, none twice.
func cleanAliases(aliases []string) ([]string, error) {
	seen := map[string]bool{}
	var out []string
	for _, a := range aliases {
		v, p := valid.Text("trade_alias", a, MaxTradeName)
		if p != nil {
			return nil, fieldError(p)
		}
		if v == "" || seen[v] {
			continue
		}
		seen[v] = true
		out = append(out, v)
	}
	if len(out) > MaxTradeAliases {
		return nil, &Error{Code: Invalid, Key: "trade.aliases_many", Field: "trade_alias", Detail: strconv.Itoa(len(out))}
	}
	sort.Strings(out)
	return out, nil
}

// SetTradeAliases replaces the words trade id is also known by at the counter; only the head
// may. A word that is another trade's name or alias is refused, naming it.
func (s *Store) SetTradeAliases(ctx context.Context, staff, id int64, aliases []string) error {
	words, err := cleanAliases(aliases)
	if err != nil {
		return err
	}
	return s.write(ctx, staff, func(tx *Tx) error {
		if err := tx.requireHead(); err != nil {
			return err
		}
		var n int
		if err := tx.queryRow(`SELECT count(*) FROM trades WHERE id = ?`, id).Scan(&n); err != nil || n == 0 {
			return &Error{Code: NotFound, Key: "trade.not_found", Field: "trade", Detail: strconv.FormatInt(id, 10)}
		}
		for _, w := range words {
			var taken int
			q := `SELECT (SELECT count(*) FROM trades WHERE id <> ? AND (name_zh = ? OR lower(name_en) = lower(?))) +
			             (SELECT count(*) FROM trade_aliases WHERE trade_id <> ? AND alias = ?)`
			if err := tx.queryRow(q, id, w, w, id, w).Scan(&taken); err != nil {
				return err
			}
			if taken > 0 {
				return &Error{Code: Conflict, Key: "trade.alias_taken", Field: "trade_alias", Detail: w}
			}
		}
		if _, err := tx.exec(`DELETE FROM trade_aliases WHERE trade_id = ?`, id); err != nil {
			return err
		}
		for _, w := range words {
			if _, err := tx.exec(`INSERT INTO trade_aliases (trade_id, alias) VALUES (?, ?)`, id, w); err != nil {
				return err
			}
		}
		return tx.audit("aliases", "trade", id, strings.Join(words, ","))
	})
}
