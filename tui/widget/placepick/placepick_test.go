package placepick

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

func testCommon(t testing.TB, lang i18n.Lang) *common.Common {
	t.Helper()
	return tuitest.Station(t, lang, time.Date(2026, 11, 28, 14, 0, 0, 0, store.Shanghai))
}

func names(opts []Option) []string {
	var out []string
	for _, o := range opts {
		out = append(out, o.Place.Name)
	}
	return out
}

func TestFilter(t *testing.T) {
	c := testCommon(t, i18n.Zh)
	opts := Options(c.Records)
	if len(opts) == 0 {
		t.Fatal("no communities in the seeded catalogue")
	}
	for _, o := range opts {
		if o.Area == "" {
			t.Errorf("%s has no sub-district", o.Place.Name)
		}
	}
	tests := []struct {
		query     string
		first     string   // the best match
		include   []string // also among the matches
		exclude   []string // never among the matches
		wantEmpty bool
	}{
		{query: "hj", first: "后街社区", exclude: []string{"冶金三村社区"}},
		{query: "HJ", first: "后街社区"},
		{query: "ｈｊ", first: "后街社区"},
		{query: "houjie", first: "后街社区", exclude: []string{"黄桷坪正街社区"}},
		{query: "yj", first: "冶金三村社区", include: []string{"杨家坪正街社区"}},
		{query: "yejin", first: "冶金三村社区"},
		{query: "后街", first: "后街社区"},
		{query: "后", first: "后街社区"},
		{query: " 后 街 ", first: "后街社区"},
		{query: "金", first: "金凤社区", include: []string{"冶金三村社区"}},
		{query: "三村", first: "冶金三村社区", include: []string{"铁路三村社区"}},
		// the sub-district finds its communities, after any name that matches itself
		{query: "石坪桥", first: "石坪桥正街社区", include: []string{"后街社区", "冶金三村社区", "团结村社区"}},
		{query: "spq", first: "石坪桥正街社区", include: []string{"后街社区"}},
		{query: "西彭", first: "西彭社区", include: []string{"元明村"}},
		{query: "jfc", first: "解放村"},
		{query: "zzz", wantEmpty: true},
		{query: "😀", wantEmpty: true},
		{query: "\x1b[31m后街", first: "后街社区"},
	}
	for _, tt := range tests {
		got := names(Filter(opts, tt.query))
		if tt.wantEmpty {
			if len(got) != 0 {
				t.Errorf("Filter(%q) = %v, want nothing", tt.query, got)
			}
			continue
		}
		if len(got) == 0 || got[0] != tt.first {
			t.Errorf("Filter(%q) = %v, want %s first", tt.query, got, tt.first)
			continue
		}
		joined := "|" + strings.Join(got, "|") + "|"
		for _, w := range tt.include {
			if !strings.Contains(joined, "|"+w+"|") {
				t.Errorf("Filter(%q) = %v, want %s among them", tt.query, got, w)
			}
		}
		for _, w := range tt.exclude {
			if strings.Contains(joined, "|"+w+"|") {
				t.Errorf("Filter(%q) = %v, must not hold %s", tt.query, got, w)
			}
		}
	}
	if got := Filter(opts, ""); len(got) != len(opts) {
		t.Errorf("empty query gives %d of %d", len(got), len(opts))
	}
}

func runes(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

var (
	down  = tea.KeyMsg{Type: tea.KeyDown}
	up    = tea.KeyMsg{Type: tea.KeyUp}
	enter = tea.KeyMsg{Type: tea.KeyEnter}
	esc   = tea.KeyMsg{Type: tea.KeyEsc}
	bksp  = tea.KeyMsg{Type: tea.KeyBackspace}
)

func view(m *Model) string { return ansi.Strip(m.View()) }

func TestPickByInitials(t *testing.T) {
	c := testCommon(t, i18n.Zh)
	m := New(c)
	m.SetWidth(60)
	m.Focus()
	m.Update(runes("h"))
	m.Update(runes("j"))
	if !m.Open() {
		t.Fatal("typing does not open the list")
	}
	v := view(m)
	if !strings.Contains(v, "后街社区") || !strings.Contains(v, "石坪桥街道") {
		t.Fatalf("list misses 后街社区 beside its sub-district:\n%s", v)
	}
	m.Update(enter)
	if m.Value() != 100 || m.Open() {
		t.Fatalf("Enter chose %d (open %v), want 后街社区 (100)", m.Value(), m.Open())
	}
	if v := view(m); !strings.Contains(v, "后街社区") || !strings.Contains(v, "石坪桥街道") {
		t.Fatalf("chosen community not shown with its sub-district: %q", v)
	}
}

func TestPickWithArrows(t *testing.T) {
	c := testCommon(t, i18n.En)
	m := New(c)
	m.SetWidth(40)
	m.SetRows(3)
	m.Focus()
	m.Update(runes("yj"))
	m.Update(down)
	m.Update(enter)
	if m.Name() != "杨家坪正街社区" {
		t.Fatalf("↓ Enter chose %q, want the second match 杨家坪正街社区", m.Name())
	}
	// typing over a choice starts a new search; Esc closes the list and keeps nothing half-chosen
	m.Blur()
	m.Focus()
	m.Update(runes("冶金"))
	if m.Value() != 0 || !m.Open() {
		t.Fatalf("typing over a choice should start again: value %d open %v", m.Value(), m.Open())
	}
	m.Update(down)
	m.Update(up)
	m.Update(enter)
	if m.Name() != "冶金三村社区" {
		t.Fatalf("got %q", m.Name())
	}
}

func TestScrollAndWidth(t *testing.T) {
	c := testCommon(t, i18n.Zh)
	m := New(c)
	m.SetWidth(24)
	m.SetRows(4)
	m.Focus()
	m.Update(down) // empty query: ↓ lists every community
	all := len(Options(c.Records))
	for range all + 5 {
		m.Update(down)
	}
	v := view(m)
	if lines := strings.Split(v, "\n"); len(lines) != 5 {
		t.Fatalf("want input + 4 rows, got %d:\n%s", len(lines), v)
	}
	for _, l := range strings.Split(v, "\n") {
		if w := ansi.StringWidth(l); w > 24 {
			t.Errorf("line %q is %d cells wide, limit 24", l, w)
		}
	}
	m.Update(enter)
	last := Options(c.Records)[all-1].Place
	if m.Value() != last.ID {
		t.Fatalf("scrolling to the end chose %d, want %d %s", m.Value(), last.ID, last.Name)
	}
}

func TestBlurResolvesAndRefuses(t *testing.T) {
	c := testCommon(t, i18n.Zh)
	m := New(c)
	m.Focus()
	m.Update(runes("冶金三村社区"))
	m.Blur()
	if m.Value() != 101 || m.Unresolved() {
		t.Fatalf("an exact name typed and left should choose it: %d", m.Value())
	}
	m.Focus()
	m.Update(runes("不存在的地方"))
	if v := view(m); !strings.Contains(v, "没有这个社区") {
		t.Fatalf("no-match message missing:\n%s", v)
	}
	m.Blur()
	if m.Value() != 0 || !m.Unresolved() || m.Query() != "不存在的地方" {
		t.Fatalf("unknown text must stay typed and unresolved: value %d query %q", m.Value(), m.Query())
	}
	m.Focus()
	for range 20 {
		m.Update(bksp)
	}
	m.Blur()
	if m.Unresolved() || m.Value() != 0 {
		t.Fatal("an emptied picker is simply no community")
	}
	// Esc closes the list and restores the earlier choice
	m.SetValue(100)
	m.Focus()
	m.Update(bksp)
	m.Update(down)
	m.Update(esc)
	if m.Open() {
		t.Fatal("Esc leaves the list open")
	}
	m.Update(runes(strings.Repeat("长", 10000)))
	if n := len([]rune(m.Query())); n > MaxQuery {
		t.Fatalf("pasted 10,000 characters kept %d", n)
	}
}

func BenchmarkFilter(b *testing.B) {
	c := testCommon(b, i18n.Zh)
	opts := Options(c.Records)
	for b.Loop() {
		Filter(opts, "yj")
	}
}
