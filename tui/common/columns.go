package common

import "github.com/charmbracelet/lipgloss"

// Column is one column of a table laid out by Layout: it never gets fewer than Min cells, grows
// towards the widest text it holds (Need, raised by Fit) up to Max (0: no cap) before any column
// goes past its cap, and shares with the other Flex columns whatever is left after every text fits.
type Column struct {
	Min, Max, Need, Flex int
}

// Fit raises the column's need to the widest of texts.
func (c *Column) Fit(texts ...string) {
	for _, s := range texts {
		c.Need = max(c.Need, lipgloss.Width(s))
	}
}

// Layout is the widths of cols in a row of total cells with gap cells between columns. Short
// texts fit first (water-filling), so the column with the longest text is the one cut when
// there is not room for all; a column is cut only when every cell of the row is in use, unless
// even the minimums do not fit (then the row is wider than total and the caller cuts it).
func Layout(cols []Column, total, gap int) []int {
	w := make([]int, len(cols))
	room := total - gap*max(len(cols)-1, 0)
	for i, c := range cols {
		w[i] = c.Min
		room -= c.Min
	}
	capped := func(c Column) int {
		if c.Max > 0 {
			return min(c.Need, c.Max)
		}
		return c.Need
	}
	room = fill(w, cols, room, capped)
	room = fill(w, cols, room, func(c Column) int { return c.Need })
	flex := 0
	for _, c := range cols {
		flex += c.Flex
	}
	if room <= 0 || flex == 0 {
		return w
	}
	given, share := 0, room
	for i, c := range cols {
		if c.Flex > 0 {
			add := share * c.Flex / flex
			w[i] += add
			given += add
		}
	}
	for i := len(cols) - 1; i >= 0 && given < share; i-- { // the rounding's remainder goes to the last flex column
		if cols[i].Flex > 0 {
			w[i] += share - given
			given = share
		}
	}
	return w
}

// fill gives room, one cell at a time, to the narrowest column still short of want, and
// returns what is left.
func fill(w []int, cols []Column, room int, want func(Column) int) int {
	for room > 0 {
		best := -1
		for i, c := range cols {
			if w[i] < want(c) && (best < 0 || w[i] < w[best]) {
				best = i
			}
		}
		if best < 0 {
			break
		}
		w[best]++
		room--
	}
	return room
}
