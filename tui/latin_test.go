package tui

import (
	"context"
	"regexp"
	"sort"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store/demo"
	"gigdesk/tui/i18n"
)

// latinWord is a run of two or more Latin letters: in a zh screen it must be a key, a code or
// a name, never an English word the catalogue forgot.
var latinWord = regexp.MustCompile(`[A-Za-z][A-Za-z]+`)

// allowedLatin are the words a zh screen may show: key names, the program's name, the demo mark.
var allowedLatin = map[string]bool{"Ctrl": true, "Enter": true, "Esc": true, "Tab": true, "Shift": true, "PgUp": true,
	"PgDn": true, "Space": true, "Backspace": true, "Insert": true, "Del": true, "Home": true, "End": true,
	"Alt": true, "gigdesk": true, "DEMO": true, "Excel": true, "xlsx": true, "csv": true, "json": true, "JSON": true,
	"zsf": true} // the search hint's example of pinyin initials

// TestZhScreensSpeakChinese walks every screen of a demo station in Chinese at 80x24 and fails
// on a Latin word that is not a key, a code or a name.
func TestZhScreensSpeakChinese(t *testing.T) {
	s := newStore(t)
	o := demo.Defaults()
	o.Now = clock()
	if _, err := demo.Generate(context.Background(), s, o); err != nil {
		t.Fatalf("demo: %v", err)
	}
	m0 := New(Options{Store: s, Lang: i18n.Zh, Now: clock})
	var m tea.Model = m0
	m, _ = m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m = drive(t, m, m0.Init())
	m = press(t, m, enter, runes(demo.PIN), enter)
	if m0.Common().Staff.ID == 0 {
		t.Fatalf("not signed in:\n%s", screen(m))
	}
	allowed := map[string]bool{}
	for w := range allowedLatin {
		allowed[w] = true
	}
	for _, tr := range m0.Common().Records.Trades { // Admin lists each trade's code and English name
		for _, w := range latinWord.FindAllString(tr.Code+" "+tr.NameEn, -1) {
			allowed[w] = true
		}
	}
	key := func(k tea.KeyType) tea.KeyMsg { return tea.KeyMsg{Type: k} }
	steps := []struct {
		name string
		keys []tea.KeyMsg
	}{
		{"register", []tea.KeyMsg{key(tea.KeyF1)}},
		{"register search", []tea.KeyMsg{runes("张")}},
		{"worker page", []tea.KeyMsg{enter}},
		{"register form", []tea.KeyMsg{esc, key(tea.KeyCtrlN)}},
		{"jobs", []tea.KeyMsg{esc, key(tea.KeyF2)}},
		{"job form", []tea.KeyMsg{runes("n")}},
		{"board", []tea.KeyMsg{esc, key(tea.KeyF3)}},
		{"match", []tea.KeyMsg{key(tea.KeyF4)}},
		{"match job", []tea.KeyMsg{runes("g"), runes("1"), enter}},
		{"match today", []tea.KeyMsg{runes("t")}},
		{"match follow-up", []tea.KeyMsg{runes("f")}},
		{"match plan", []tea.KeyMsg{runes("p")}},
		{"summary", []tea.KeyMsg{esc, key(tea.KeyF5)}},
		{"help", []tea.KeyMsg{key(tea.KeyF12)}},
		{"admin", []tea.KeyMsg{esc, key(tea.KeyF6)}},
	}
	for i := range 9 {
		steps = append(steps, struct {
			name string
			keys []tea.KeyMsg
		}{"admin section " + string(rune('1'+i)), []tea.KeyMsg{key(tea.KeyF6)}})
	}
	before := ""
	for _, st := range steps {
		m = press(t, m, st.keys...)
		scr := screen(m)
		if scr == before {
			t.Errorf("%s: the keys changed nothing on screen:\n%s", st.name, scr)
		}
		before = scr
		var bad []string
		for _, line := range strings.Split(scr, "\n") {
			for _, tok := range strings.Fields(line) {
				if strings.Contains(tok, "/") || strings.Contains(tok, ".db") {
					continue // the database's path
				}
				for _, w := range latinWord.FindAllString(tok, -1) {
					if !allowed[w] {
						bad = append(bad, w)
					}
				}
			}
		}
		if len(bad) > 0 {
			sort.Strings(bad)
			t.Errorf("%s: English on a zh screen: %v\n%s", st.name, bad, scr)
		}
	}
}
