package tradepick

import (
	"strings"

	"gigdesk/store"
	"gigdesk/store/pinyinkey"
	"gigdesk/store/valid"
)

// Option is a trade with the words it is found by.
type Option struct {
	Trade store.Trade
	keys  []string // the name's full pinyin and initials, the English name and the code, lower case
	words []alias  // the other words the counter uses for it
	// Via is the alias the last filter matched, when it was not the name (泥工 for 泥水).
	Via string
}

// alias is one other word for a trade, with its pinyin.
type alias struct {
	word string
	keys []string
}

// Options lists the catalogue's trades in catalogue order.
func Options(cat *store.Catalog) []Option {
	if cat == nil {
		return nil
	}
	out := make([]Option, 0, len(cat.Trades))
	for _, t := range cat.Trades {
		o := Option{Trade: t, keys: []string{pinyinkey.Full(t.NameZh), pinyinkey.Initials(t.NameZh),
			strings.ToLower(strings.ReplaceAll(t.NameEn, " ", "")), strings.ToLower(t.Code)}}
		for _, a := range t.Aliases {
			o.words = append(o.words, alias{word: a, keys: []string{pinyinkey.Full(a), pinyinkey.Initials(a)}})
		}
		out = append(out, o)
	}
	return out
}

// How well an option matches a query, best first; noMatch keeps it out.
const (
	exact       = iota // the name, an alias or one of their pinyin is the query
	namePrefix         // the name or its pinyin or English name starts with it
	aliasPrefix        // an alias or its pinyin starts with it
	nameHolds          // the name holds it
	aliasHolds         // an alias or the English name holds it
	noMatch
)

// Filter keeps the trades the query names, by their names, aliases or the pinyin of either:
// exact matches first, then names that start with it, aliases that start with it, names
// that hold it and aliases that hold it; the catalogue order within each.
func Filter(opts []Option, query string) []Option {
	q := valid.PickQuery(query)
	if q == "" {
		return opts
	}
	tiers := make([][]Option, noMatch)
	for _, o := range opts {
		r, via := rank(o, q)
		if r == noMatch {
			continue
		}
		o.Via = via
		tiers[r] = append(tiers[r], o)
	}
	var out []Option
	for _, t := range tiers {
		out = append(out, t...)
	}
	return out
}

// rank is how well o matches q, and the alias that matched when the name did not.
func rank(o Option, q string) (int, string) {
	name := o.Trade.NameZh
	if name == q || equalsAny(q, o.keys[:2]) {
		return exact, ""
	}
	for _, a := range o.words {
		if a.word == q || equalsAny(q, a.keys) {
			return exact, a.word
		}
	}
	if strings.HasPrefix(name, q) || pinyinkey.Matches(q, o.keys) {
		return namePrefix, ""
	}
	short := len([]rune(q)) < 2 // one letter is too little to find a trade by another word's pinyin
	for _, a := range o.words {
		if strings.HasPrefix(a.word, q) || !short && pinyinkey.Matches(q, a.keys) {
			return aliasPrefix, a.word
		}
	}
	if strings.Contains(name, q) {
		return nameHolds, ""
	}
	for _, a := range o.words {
		if strings.Contains(a.word, q) {
			return aliasHolds, a.word
		}
	}
	if strings.Contains(strings.ToLower(o.Trade.NameEn), q) {
		return aliasHolds, ""
	}
	return noMatch, ""
}

func equalsAny(q string, keys []string) bool {
	for _, k := range keys {
		if k == q {
			return true
		}
	}
	return false
}
