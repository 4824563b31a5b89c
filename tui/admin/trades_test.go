package admin

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"gigdesk/store"
	"gigdesk/tui/common"
	"gigdesk/tui/i18n"
	"gigdesk/tui/tuitest"
)

func init() {
	lipgloss.SetColorProfile(termenv.Ascii)
	store.UseFastPINHashing()
}

var testNow = time.Date(2026, 11, 28, 14, 30, 0, 0, store.Shanghai)

// opened is the Admin view of a fresh station, for its head (or a clerk), at w×h.
func opened(t *testing.T, lang i18n.Lang, head bool, w, h int) (*Model, *store.Store) {
	t.Helper()
	clk := func() time.Time { return testNow }
	s, err := store.Open(filepath.Join(t.TempDir(), "gigdesk.db"), store.WithClock(clk))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	ctx := context.Background()
	st, err := s.SetupWithPIN(ctx, "后街零工市场", "王芳", "2468")
	if err != nil {
		t.Fatal(err)
	}
	if !head {
		if st, err = s.AddStaff(ctx, st.ID, "李强", store.RoleStaff); err != nil {
			t.Fatal(err)
		}
	}
	cat := i18n.New(lang)
	settings := must(s.Settings(ctx))(t, "Settings")
	records := must(s.Catalog(ctx))(t, "Catalog")
	c := &common.Common{Ctx: ctx, Store: s, Cat: cat, Styles: common.DefaultStyles(), Keys: common.DefaultKeyMap(cat.T),
		Now: clk, Staff: st, Settings: settings, Records: records, Width: w, Height: h + 5}
	m := New(c)
	m.SetSize(w, h)
	run(t, m, m.Init())
	return m, s
}

// must stops the test when a read it builds on fails, saying which: x := must(s.Read())(t, "Read").
func must[T any](v T, err error) func(t testing.TB, what string) T {
	return func(t testing.TB, what string) T {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		return v
	}
}

// run feeds a command's messages back into the model, as the Bubble Tea loop would.
func run(t *testing.T, m *Model, cmd tea.Cmd) {
	t.Helper()
	tuitest.Run(cmd, func(msg tea.Msg) tea.Cmd {
		if _, ok := msg.(common.ChangedMsg); ok {
			return nil
		}
		_, next := m.Update(msg)
		return next
	})
}

func keys(t *testing.T, m *Model, ks ...any) string {
	t.Helper()
	for _, k := range ks {
		var msg tea.KeyMsg
		switch k := k.(type) {
		case string:
			msg = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
		case tea.KeyType:
			msg = tea.KeyMsg{Type: k}
		}
		_, cmd := m.Update(msg)
		run(t, m, cmd)
	}
	return ansi.Strip(m.View())
}

var (
	enter = tea.KeyEnter
	esc   = tea.KeyEsc
	save  = tea.KeyCtrlS
	tab   = tea.KeyTab
)

func TestTradesAndPlaces(t *testing.T) {
	m, s := opened(t, i18n.Zh, true, 80, 19)
	run(t, m, m.Next()) // F6, as the root routes it: staff → settings → trades & places
	run(t, m, m.Next())
	scr := keys(t, m)
	if !strings.Contains(scr, "工种（14）") || !strings.Contains(scr, "管道疏通") || !strings.Contains(scr, "Plumbing") {
		t.Fatalf("trades list:\n%s", scr)
	}
	// a bad code and an unknown related trade are refused at their fields; what was typed stays
	scr = keys(t, m, "+", "Glass!", enter, "玻璃安装", enter, "Glass fitting", enter, "木工 飞行员", enter)
	if !strings.Contains(scr, "不认识的工种：飞行员") || !strings.Contains(scr, "玻璃安装") {
		t.Fatalf("unknown related trade:\n%s", scr)
	}
	scr = keys(t, m, tea.KeyBackspace, tea.KeyBackspace, tea.KeyBackspace, tea.KeyBackspace, save)
	if !strings.Contains(scr, "代码只能用小写英文字母") || !strings.Contains(scr, "Glass fitting") {
		t.Fatalf("bad code:\n%s", scr)
	}
	if cat := must(s.Catalog(context.Background()))(t, "Catalog"); len(cat.Trades) != 14 {
		t.Fatalf("a refused trade was saved: %d trades", len(cat.Trades))
	}
	// fix the code: saved, related both ways, audited, and every screen's catalogue has it
	// the refusal put the cursor back on the code
	for range 6 {
		keys(t, m, tea.KeyBackspace)
	}
	scr = keys(t, m, "glass", save)
	cat := must(s.Catalog(context.Background()))(t, "Catalog")
	if len(cat.Trades) != 15 || cat.Trades[14].NameZh != "玻璃安装" || cat.Trades[14].Code != "glass" || !cat.Related[[2]int64{3, cat.Trades[14].ID}] {
		t.Fatalf("trade not saved with its relation: %+v\n%s", cat.Trades, scr)
	}
	if len(m.c.Records.Trades) != 15 || !strings.Contains(scr, "工种（15）") || !strings.Contains(scr, "玻璃安装") {
		t.Fatalf("shared catalogue not reloaded:\n%s", scr)
	}
	// the same name again is a conflict at the name field
	scr = keys(t, m, "+", "glass2", enter, "玻璃安装", enter, "Glass", save)
	if !strings.Contains(scr, "已有这个工种") {
		t.Fatalf("duplicate:\n%s", scr)
	}
	// Esc with a form typed into asks first; y discards
	if scr = keys(t, m, esc); !strings.Contains(scr, "放弃填写的内容") {
		t.Fatalf("Esc dropped a typed form without asking:\n%s", scr)
	}
	keys(t, m, "y")
	// change the related trades of 水电 (the first row)
	for range 20 {
		keys(t, m, tea.KeyUp)
	}
	scr = keys(t, m, "r")
	if !strings.Contains(scr, "水电 的相关工种") || !strings.Contains(scr, "管道疏通 家电维修") {
		t.Fatalf("related form:\n%s", scr)
	}
	for range 12 {
		keys(t, m, tea.KeyBackspace)
	}
	keys(t, m, "drain", enter)
	cat = must(s.Catalog(context.Background()))(t, "Catalog")
	if !cat.Related[[2]int64{1, 6}] || cat.Related[[2]int64{1, 11}] || cat.Related[[2]int64{11, 1}] {
		t.Fatalf("relations after the change: %v", cat.Related)
	}
	// a community under 石坪桥
	scr = keys(t, m, tab, "+")
	if !strings.Contains(scr, "所属街道/镇") {
		t.Fatalf("place form:\n%s", scr)
	}
	for range 10 {
		keys(t, m, tea.KeyBackspace)
	}
	scr = keys(t, m, "火星", enter, enter)
	if !strings.Contains(scr, "找不到这个街道或镇：火星") {
		t.Fatalf("unknown parent:\n%s", scr)
	}
	keys(t, m, tea.KeyBackspace, tea.KeyBackspace)
	scr = keys(t, m, "石坪桥", enter)
	if !strings.Contains(scr, "→ 石坪桥街道") {
		t.Fatalf("parent not resolved:\n%s", scr)
	}
	scr = keys(t, m, "后街社区", enter)
	if !strings.Contains(scr, "已有同名社区") {
		t.Fatalf("duplicate community:\n%s", scr)
	}
	for range 4 {
		keys(t, m, tea.KeyBackspace)
	}
	scr = keys(t, m, "新村社区", enter)
	cat = must(s.Catalog(context.Background()))(t, "Catalog")
	comms := cat.Communities()
	last := comms[len(comms)-1]
	if last.Name != "新村社区" || last.ParentID != 13 || !strings.Contains(scr, "社区（") {
		t.Fatalf("community not added: %+v\n%s", last, scr)
	}
	a := must(s.Audit(context.Background(), store.AuditFilter{Entity: "place"}))(t, "Audit")
	if len(a) != 1 || a[0].Action != "create" || a[0].StaffID != m.c.Staff.ID {
		t.Fatalf("community audit: %+v", a)
	}
	if a := must(s.Audit(context.Background(), store.AuditFilter{Entity: "trade", Action: "relate"}))(t, "Audit"); len(a) != 2 {
		t.Fatalf("relate audit: %+v", a)
	}
	for _, line := range strings.Split(ansi.Strip(m.View()), "\n") {
		if lipgloss.Width(line) > 80 {
			t.Fatalf("line wider than 80: %q", line)
		}
	}
}

// A clerk reaching the store methods is refused: only the head manages trades and places.
func TestTradesHeadOnly(t *testing.T) {
	m, s := opened(t, i18n.En, false, 120, 30)
	run(t, m, m.Next())
	run(t, m, m.Next())
	scr := keys(t, m, "+", "glass", enter, "玻璃", enter, "Glass", enter, enter)
	if !strings.Contains(scr, "Only the station head may do this.") {
		t.Fatalf("clerk:\n%s", scr)
	}
	if cat := must(s.Catalog(context.Background()))(t, "Catalog"); len(cat.Trades) != 14 {
		t.Fatal("a clerk added a trade")
	}
}

// TestTradeAliasesInAdmin: a edits the counter's words for the trade under the cursor; a word
// another trade already has is refused at the field and what was typed stays.
func TestTradeAliasesInAdmin(t *testing.T) {
	m, s := opened(t, i18n.Zh, true, 100, 19)
	run(t, m, m.Next())
	run(t, m, m.Next())
	for range 6 { // 泥水 is the seventh trade
		keys(t, m, tea.KeyDown)
	}
	scr := keys(t, m, "a")
	if !strings.Contains(scr, "泥水 的别的叫法") || !strings.Contains(scr, "泥工") {
		t.Fatalf("aliases form:\n%s", scr)
	}
	scr = keys(t, m, tea.KeyEnd, " 搬运", enter)
	if !strings.Contains(scr, "这个叫法已经是别的工种的名称或叫法") || !strings.Contains(scr, "搬运") {
		t.Fatalf("a taken word was not refused at its field:\n%s", scr)
	}
	for range 3 {
		keys(t, m, tea.KeyBackspace)
	}
	if scr = keys(t, m, " 抹灰工", enter); strings.Contains(scr, "的别的叫法") {
		t.Fatalf("the form stayed open:\n%s", scr)
	}
	tr, _ := must(s.Catalog(context.Background()))(t, "Catalog").Trade(7)
	if !slices.Contains(tr.Aliases, "抹灰工") || !slices.Contains(tr.Aliases, "泥工") || slices.Contains(tr.Aliases, "搬运") {
		t.Fatalf("aliases of 泥水 = %v", tr.Aliases)
	}
}
