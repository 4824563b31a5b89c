// Package pinyinkey makes the lower-case ASCII search keys staff type to find a
// worker or a place by pinyin: full readings (zhangsanfeng) and initials (zsf).
// It is pure: its tables are built in, it does no I/O and must not import store, which
// keeps the keys it makes in worker_keys.
package pinyinkey

import (
	"slices"
	"strings"
	"unicode"

	gopinyin "github.com/mozillazg/go-pinyin"
	"golang.org/x/text/unicode/norm"
)

// MaxReadings caps how many readings of one name are kept, most likely first.
const MaxReadings = 32

var (
	allReadings  = gopinyin.Args{Style: gopinyin.Normal, Heteronym: true}
	firstReading = gopinyin.Args{Style: gopinyin.Normal}
)

// token is one written unit with its readings, most likely first; a run of
// Latin letters or digits is one token with one reading.
type token struct {
	char     rune // the Han character, 0 for a Latin run
	readings []string
	latin    bool
}

// Keys returns the search keys of a person's name: for each reading (up to
// MaxReadings) the full pinyin joined and the initials; surname readings are
// added for the first character or compound surname. Latin names give one key.
func Keys(name string) []string {
	toks := tokens(name, true)
	if len(toks) == 0 {
		return nil
	}
	var full, initials []string
	for _, combo := range bestCombos(toks, MaxReadings) {
		var f, i strings.Builder
		for t, r := range combo {
			reading := toks[t].readings[r]
			f.WriteString(reading)
			if toks[t].latin {
				i.WriteString(reading)
			} else {
				i.WriteByte(reading[0])
			}
		}
		full = append(full, f.String())
		initials = append(initials, i.String())
	}
	return dedupe(append(full, initials...))
}

// Initials returns the initials of the first reading: 石坪桥 → spq, 重庆 → cq.
func Initials(s string) string {
	var b strings.Builder
	for _, t := range tokens(s, false) {
		if t.latin {
			b.WriteString(t.readings[0])
		} else {
			b.WriteByte(t.readings[0][0])
		}
	}
	return b.String()
}

// Full returns the first full reading joined: 石坪桥 → shipingqiao.
func Full(s string) string {
	var b strings.Builder
	for _, t := range tokens(s, false) {
		b.WriteString(t.readings[0])
	}
	return b.String()
}

// Matches says whether some key starts with the query, compared the way keys are
// made (lower case, no spaces or punctuation). An empty query matches any key.
func Matches(query string, keys []string) bool {
	q := latinKey(query)
	for _, k := range keys {
		if strings.HasPrefix(k, q) {
			return true
		}
	}
	return false
}

// tokens splits s into Han characters (with their readings) and Latin runs.
// forName adds surname readings; otherwise place-name phrases fix first readings.
func tokens(s string, forName bool) []token {
	rs := []rune(norm.NFC.String(s))
	var toks []token
	var latin []rune
	flush := func() {
		if k := latinKey(string(latin)); k != "" {
			toks = append(toks, token{readings: []string{k}, latin: true})
		}
		latin = latin[:0]
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if !unicode.Is(unicode.Han, r) {
			latin = append(latin, r)
			continue
		}
		flush()
		if !forName {
			if phrase, n := phraseAt(rs[i:]); n > 0 {
				for _, p := range phrase {
					toks = append(toks, token{readings: []string{p}})
				}
				i += n - 1
				continue
			}
			if py := gopinyin.SinglePinyin(r, firstReading); len(py) > 0 {
				toks = append(toks, token{readings: py})
			}
			continue
		}
		if py := gopinyin.SinglePinyin(r, allReadings); len(py) > 0 {
			toks = append(toks, token{char: r, readings: py})
		}
	}
	flush()
	if forName {
		addSurnameReadings(toks)
	}
	return toks
}

// addSurnameReadings puts the surname readings first for the leading one or two
// Han characters, keeping the library's readings after them.
func addSurnameReadings(toks []token) {
	if len(toks) == 0 || toks[0].latin {
		return
	}
	if len(toks) >= 2 && !toks[1].latin {
		if readings, ok := compoundSurnames[string([]rune{toks[0].char, toks[1].char})]; ok {
			for i := range 2 {
				toks[i].readings = prepend([]string{readings[i]}, toks[i].readings)
			}
			return
		}
	}
	if readings, ok := surnames[toks[0].char]; ok {
		toks[0].readings = prepend(readings, toks[0].readings)
	}
}

func prepend(first, rest []string) []string {
	out := slices.Clone(first)
	for _, r := range rest {
		if !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}

// latinKey lower-cases letters and digits, drops accents, spaces and punctuation.
func latinKey(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if r >= 0xFF01 && r <= 0xFF5E {
			r -= 0xFEE0 // full-width ASCII
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

func dedupe(keys []string) []string {
	out := keys[:0]
	seen := make(map[string]bool, len(keys))
	for _, k := range keys {
		if k != "" && !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}

// bestCombos returns up to max choices of one reading per token, ordered by the
// sum of reading ranks (0 = most likely), ties by earlier tokens' ranks. Keeping
// the best max prefixes at each step is exact, because costs only add up.
func bestCombos(toks []token, max int) [][]int {
	type combo struct {
		picks []int
		cost  int
	}
	combos := []combo{{}}
	for t, tok := range toks {
		next := make([]combo, 0, len(combos)*len(tok.readings))
		for _, c := range combos {
			for r := range tok.readings {
				picks := make([]int, t+1)
				copy(picks, c.picks)
				picks[t] = r
				next = append(next, combo{picks, c.cost + r})
			}
		}
		slices.SortStableFunc(next, func(a, b combo) int {
			if a.cost != b.cost {
				return a.cost - b.cost
			}
			return slices.Compare(a.picks, b.picks)
		})
		if len(next) > max {
			next = next[:max]
		}
		combos = next
	}
	out := make([][]int, len(combos))
	for i, c := range combos {
		out[i] = c.picks
	}
	return out
}
