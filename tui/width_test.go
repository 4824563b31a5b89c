package tui

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"

	"gigdesk/store/demo"
	"gigdesk/tui/i18n"
)

// tableWidths are the terminal widths every table is tried at.
var tableWidths = []int{80, 100, 120, 160, 200}

// TestTablesUseTheirWidth renders the Jobs list, the Board, Match's candidate list, its today
// and follow-up lists, the day plan and its pick list of a demo station, in both languages at
// each of tableWidths, and fails on a row that cuts a cell ("…") while ten or more of its cells stand empty.
func TestTablesUseTheirWidth(t *testing.T) {
	s := newStore(t)
	o := demo.Defaults()
	o.Now = clock()
	if _, err := demo.Generate(context.Background(), s, o); err != nil {
		t.Fatalf("demo: %v", err)
	}
	key := func(k tea.KeyType) tea.KeyMsg { return tea.KeyMsg{Type: k} }
	steps := []struct {
		name  string
		keys  []tea.KeyMsg
		heads []string // the first word of the table's header line, when not a number's
	}{
		{"jobs", []tea.KeyMsg{key(tea.KeyF2)}, nil},
		{"board", []tea.KeyMsg{key(tea.KeyF3)}, nil},
		{"match job", []tea.KeyMsg{key(tea.KeyF4), runes("g"), runes("3"), enter}, nil},
		{"match today", []tea.KeyMsg{runes("t")}, nil},
		{"match follow-up", []tea.KeyMsg{runes("f")}, nil},
		{"match plan", []tea.KeyMsg{runes("p"), enter}, []string{"Job", "需求"}},
		{"match plan pick", []tea.KeyMsg{runes("c")}, []string{"#", "序"}},
	}
	for _, lang := range []i18n.Lang{i18n.En, i18n.Zh} {
		for _, w := range tableWidths {
			t.Run(fmt.Sprintf("%s/%d", lang, w), func(t *testing.T) {
				m0 := New(Options{Store: s, Lang: lang, Now: clock})
				var m tea.Model = m0
				m, _ = m.Update(tea.WindowSizeMsg{Width: w, Height: 30})
				m = drive(t, m, m0.Init())
				m = press(t, m, enter, runes(demo.PIN), enter)
				for _, st := range steps {
					m = press(t, m, st.keys...)
					scr := screen(m)
					cut, empty, found := tableWaste(scr, st.heads...)
					if !found {
						t.Errorf("%s: no table on screen:\n%s", st.name, scr)
					}
					if cut != "" && empty >= 10 {
						t.Errorf("%s: a cell is cut while %d cells stand empty in every row:\n%s\n\n%s", st.name, empty, cut, scr)
					}
				}
				// the job form's pickers show their hint whole, the short one where the long does not fit
				m = press(t, m, key(tea.KeyF2), runes("n"))
				scr := screen(m)
				cat := m0.Common().Cat
				for _, k := range []string{"reg.trade.placeholder", "place.placeholder"} {
					if !strings.Contains(scr, cat.T(k)) && !strings.Contains(scr, cat.T(k+".short")) {
						t.Errorf("job form: the hint %q is cut:\n%s", cat.T(k), scr)
					}
				}
			})
		}
	}
}

// tableWaste finds the table on scr (from its header line, whose first word is one of heads,
// by default "#", "No." or "编号", to the first empty line) and returns a row in it with a cut
// cell, how many of the table's cells are blank in every row beyond the one-cell gaps between
// columns, and whether there was a table. A detail box
// drawn beside the table ("│", "╭") ends the table's width.
func tableWaste(scr string, heads ...string) (cut string, empty int, found bool) {
	if len(heads) == 0 {
		heads = []string{"#", "No.", "编号"}
	}
	lines := strings.Split(scr, "\n")
	start := -1
	for i, l := range lines {
		if f := strings.Fields(l); len(f) > 0 && slices.Contains(heads, f[0]) {
			start = i
			break
		}
	}
	if start < 0 {
		return "", 0, false
	}
	width := lipgloss.Width(lines[start])
	if i := strings.IndexAny(lines[start], "│╭"); i >= 0 {
		width = lipgloss.Width(lines[start][:i])
	}
	used := make([]bool, width)
	for _, l := range lines[start:] {
		if strings.TrimSpace(l) == "" {
			break
		}
		if strings.Contains(ansi.Truncate(l, width, ""), "…") && cut == "" {
			cut = l
		}
		col := 0
		for _, r := range l {
			w := runewidth.RuneWidth(r)
			for k := 0; k < w && col+k < width; k++ {
				used[col+k] = used[col+k] || r != ' '
			}
			col += w
		}
	}
	for i := 0; i < width; i++ {
		if !used[i] && i > 0 && used[i-1] && i < width-1 {
			continue // the gap before the next column
		}
		if !used[i] {
			empty++
		}
	}
	return cut, empty, true
}
