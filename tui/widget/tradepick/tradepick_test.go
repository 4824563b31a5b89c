package tradepick

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"gigdesk/store"
	"gigdesk/tui/common"
	"gigdesk/tui/i18n"
	"gigdesk/tui/tuitest"
)

func testCommon(t *testing.T, lang i18n.Lang) *common.Common {
	t.Helper()
	return tuitest.Station(t, lang, time.Date(2026, 11, 28, 14, 0, 0, 0, store.Shanghai))
}

func TestFilter(t *testing.T) {
	opts := Options(testCommon(t, i18n.Zh).Records)
	for _, tc := range []struct{ query, first string }{
		{"sd", "水电"}, {"SD", "水电"}, {"shuidian", "水电"}, {"水", "水电"}, {"ｓｄ", "水电"},
		{"gd", "管道疏通"}, {"疏通", "管道疏通"}, {"jdwx", "家电维修"}, {"维修", "家电维修"},
		{"lg", "力工"}, {"plumb", "水电"}, {"moving", "搬家"}, {"banjia", "搬家"}, {"bj", "保洁"}, {"hg", "护工"},
	} {
		got := Filter(opts, tc.query)
		if len(got) == 0 || got[0].Trade.NameZh != tc.first {
			t.Errorf("Filter(%q) first = %v, want %s", tc.query, got, tc.first)
		}
	}
	if got := Filter(opts, "xyzq"); len(got) != 0 {
		t.Errorf("nonsense matched %v", got)
	}
	if got := Filter(opts, ""); len(got) != 14 {
		t.Errorf("empty filter shows %d trades", len(got))
	}
}

func keys(m *Model, ks ...tea.KeyMsg) {
	for _, k := range ks {
		m.Update(k)
	}
}

func runes(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

var enter = tea.KeyMsg{Type: tea.KeyEnter}

func TestMultiWithYears(t *testing.T) {
	c := testCommon(t, i18n.Zh)
	m := New(c, true)
	m.Focus()
	keys(m, runes("sd"))
	if !m.Open() {
		t.Fatal("a typed filter owns Enter")
	}
	keys(m, enter, runes("1"), runes("2"), runes("lg"), enter, runes("3"))
	if m.Open() {
		t.Fatal("after picking, Enter is the form's again")
	}
	got := m.Selected()
	if len(got) != 2 || got[0] != (store.WorkerTrade{TradeID: 1, Years: 12}) || got[1] != (store.WorkerTrade{TradeID: 2, Years: 3}) {
		t.Fatalf("selected = %+v", got)
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, "水电 12年 · 力工 3年") {
		t.Fatalf("view = %q", v)
	}
	keys(m, runes("9"), runes("9")) // 39 is fine, a third digit starts over
	if y := m.Selected()[1].Years; y != 9 {
		t.Fatalf("years after 3,9,9 = %d", y)
	}
	bs := tea.KeyMsg{Type: tea.KeyBackspace}
	keys(m, bs, bs)
	if got := m.Selected(); len(got) != 1 || got[0].TradeID != 1 {
		t.Fatalf("backspace drops years, then the trade: %+v", got)
	}
	// Space toggles the highlighted trade off again
	keys(m, runes("sd"), tea.KeyMsg{Type: tea.KeySpace})
	if len(m.Selected()) != 0 {
		t.Fatalf("space did not toggle: %+v", m.Selected())
	}
	// a paste with escapes never reaches the screen
	keys(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("\x1b[31mbanj"), Paste: true})
	if strings.Contains(m.View(), "\x1b[31m") || m.Query() != "banj" {
		t.Fatalf("query = %q", m.Query())
	}
	m.Blur() // one match: picked on leaving
	if m.Value() != 10 {
		t.Fatalf("blur with one match picks it: %v", m.Selected())
	}
}

func TestSingleChoice(t *testing.T) {
	c := testCommon(t, i18n.En)
	m := New(c, false)
	m.Focus()
	keys(m, runes("sd"), enter, runes("banjia"), enter, runes("5"))
	if m.Value() != 10 || len(m.Selected()) != 1 || m.Selected()[0].Years != 0 {
		t.Fatalf("single mode holds one trade without years: %+v", m.Selected())
	}
	m.Blur()
	if v := ansi.Strip(m.View()); !strings.HasPrefix(v, "Moving") {
		t.Fatalf("view = %q", v)
	}
	m.SetValue(0)
	if m.Value() != 0 {
		t.Fatal("SetValue(0) clears")
	}
	m.SetValue(999)
	if m.Value() != 0 {
		t.Fatal("unknown trade accepted")
	}
}

func TestFilterKnowsTheCountersWords(t *testing.T) {
	opts := Options(testCommon(t, i18n.Zh).Records)
	for _, tc := range []struct{ query, first, via string }{
		{"泥工", "泥水", "泥工"}, {"ng", "泥水", "泥工"}, {"瓦工", "泥水", "瓦工"}, {"泥瓦工", "泥水", "泥瓦工"},
		{"搬运", "装卸", "搬运"}, {"by", "装卸", "搬运"}, {"搬家工", "搬家", "搬家工"}, {"保姆", "家政", "保姆"},
		{"泥水", "泥水", ""}, {"ns", "泥水", ""}, {"力工", "力工", ""}, {"维修", "家电维修", ""},
	} {
		got := Filter(opts, tc.query)
		if len(got) == 0 || got[0].Trade.NameZh != tc.first || got[0].Via != tc.via {
			t.Errorf("Filter(%q) first = %+v, want %s via %q", tc.query, got, tc.first, tc.via)
		}
	}
}

func TestTypingAnAliasPicksItsTrade(t *testing.T) {
	c := testCommon(t, i18n.Zh)
	m := New(c, true)
	m.SetWidth(60)
	m.Focus()
	keys(m, runes("泥工"))
	if v := ansi.Strip(m.View()); !strings.Contains(v, "泥水（泥工）") {
		t.Errorf("the list does not say which word found the trade:\n%s", v)
	}
	keys(m, enter, runes("搬运"), enter)
	if got := m.Label(); got != "泥水 · 装卸" {
		t.Errorf("label = %q, want 泥水 · 装卸", got)
	}
}
