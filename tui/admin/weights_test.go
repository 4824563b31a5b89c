package admin

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/store/match"
	"gigdesk/tui/common"
	"gigdesk/tui/i18n"
)

func TestMatchWeights(t *testing.T) {
	m, s := opened(t, i18n.Zh, true, 80, 19)
	ctx := context.Background()
	scr := show(t, m, secWeights)
	for _, want := range []string{"匹配权重", "工种", "轮换", "指定", "满分合计 290（默认 290）", "相关工种得一半"} {
		if !strings.Contains(scr, want) {
			t.Fatalf("weights view lacks %q:\n%s", want, scr)
		}
	}
	narrow(t, scr, 80)
	if !m.Capturing() || m.Dirty() {
		t.Fatalf("weights: capturing %v dirty %v", m.Capturing(), m.Dirty())
	}
	// the trade weight cannot be 0: refused at its field, nothing saved, what was typed stays
	scr = keys(t, m, tea.KeyBackspace, tea.KeyBackspace, "0", save)
	if !strings.Contains(scr, "工种权重至少为 1") || !m.Dirty() {
		t.Fatalf("trade 0:\n%s", scr)
	}
	if a := must(s.Audit(ctx, store.AuditFilter{Entity: "match_weights"}))(t, "Audit"); len(a) != 0 {
		t.Fatalf("a refused form saved: %+v", a)
	}
	// a word is not a number; the refusal sits on the present row, where the cursor goes
	scr = keys(t, m, tea.KeyBackspace, "30", tab, tab, tea.KeyBackspace, tea.KeyBackspace, "多", save)
	if !strings.Contains(scr, "请填 0 到 1000 的整数") || m.panes[secWeights].(*weightsPane).f.at != 2 {
		t.Fatalf("present not a number:\n%s", scr)
	}
	lines := strings.Split(scr, "\n")
	for _, l := range lines {
		if strings.Contains(l, "请填 0 到 1000") && !strings.Contains(l, "在站") {
			t.Fatalf("refusal not at the present row: %q", l)
		}
	}
	// too big for the range
	scr = keys(t, m, tea.KeyBackspace, "2000", save)
	if !strings.Contains(scr, "请填 0 到 1000 的整数") {
		t.Fatalf("present 2000:\n%s", scr)
	}
	scr = keys(t, m, tea.KeyBackspace, tea.KeyBackspace, tea.KeyBackspace, tea.KeyBackspace, "40", save)
	w, err := s.MatchWeights(ctx)
	want := match.DefaultWeights()
	want.Trade, want.Present = 30, 40
	if err != nil || w != want {
		t.Fatalf("saved %+v (%v), want %+v\n%s", w, err, want, scr)
	}
	if !strings.Contains(scr, "满分合计 299（默认 290）") || m.Dirty() || m.err != "" {
		t.Fatalf("after save:\n%s", scr)
	}
	// the settings the screens share hold the new weights, so saving the settings keeps them
	if got := must(store.ParseWeights(m.c.Settings.MatchWeights))(t, "ParseWeights"); got != want {
		t.Fatalf("shared settings hold %+v", got)
	}
	if a := must(s.Audit(ctx, store.AuditFilter{Entity: "match_weights"}))(t, "Audit"); len(a) != 1 {
		t.Fatalf("weights save audited %d times", len(a))
	}
	// Ctrl+R fills in the defaults, Esc puts back what is saved, Ctrl+S stores the defaults
	scr = keys(t, m, tea.KeyCtrlR)
	if !strings.Contains(scr, "满分合计 290（默认 290）") || !m.Dirty() {
		t.Fatalf("defaults filled:\n%s", scr)
	}
	scr = keys(t, m, esc)
	if !strings.Contains(scr, "满分合计 299") || m.Dirty() {
		t.Fatalf("Esc keeps the saved weights:\n%s", scr)
	}
	keys(t, m, tea.KeyCtrlR, save)
	if w := must(s.MatchWeights(ctx))(t, "MatchWeights"); w != match.DefaultWeights() {
		t.Fatalf("defaults not saved: %+v", w)
	}
	// ←→ still switch sections from here
	if scr = keys(t, m, tea.KeyRight); m.sec != secCounters || !strings.Contains(scr, "还没有柜台") {
		t.Fatalf("→ from weights:\n%s", scr)
	}
}

func TestMatchWeightsEnglishWide(t *testing.T) {
	m, _ := opened(t, i18n.En, true, 160, 40)
	scr := show(t, m, secWeights)
	for _, want := range []string{"Matching weights", "reliability", "Same community full, same sub-district 2/3", "sliding to 0 at 9 or more"} {
		if !strings.Contains(scr, want) {
			t.Fatalf("English weights lack %q:\n%s", want, scr)
		}
	}
	narrow(t, scr, 160)
}

// TestEscAsksBeforeDroppingTypedWeights: the pane forms (weights, guide pay, training, case
// corrections) ask on Esc once something was typed, as every form does.
func TestEscAsksBeforeDroppingTypedWeights(t *testing.T) {
	m, _ := opened(t, i18n.Zh, true, 80, 19)
	show(t, m, secWeights)
	w := m.panes[secWeights].(*weightsPane)
	before := w.f.inputs[0].Value()
	var status string
	send := func(msg tea.KeyMsg) {
		_, cmd := m.Update(msg)
		if cmd != nil {
			if st, ok := cmd().(common.StatusMsg); ok {
				status = st.Text
			}
		}
	}
	send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("9")})
	send(tea.KeyMsg{Type: tea.KeyEsc})
	if !strings.Contains(status, "放弃填写的内容") || w.f.inputs[0].Value() == before {
		t.Fatalf("Esc after typing: status %q, field %q", status, w.f.inputs[0].Value())
	}
	send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("y")})
	if got := w.f.inputs[0].Value(); got != before {
		t.Fatalf("y kept the typed weight: %q, want %q", got, before)
	}
}

// A weight is a whole number: a letter is refused as it is typed (the field keeps its number)
// and an input method's full-width digits are read as digits.
func TestWeightsRefuseLettersAsTyped(t *testing.T) {
	m, _ := opened(t, i18n.En, true, 80, 19)
	show(t, m, secWeights)
	w := m.panes[secWeights].(*weightsPane)
	before := w.f.inputs[0].Value()
	scr := keys(t, m, "x")
	if got := w.f.inputs[0].Value(); got != before || !strings.Contains(scr, "0 to 1000") {
		t.Fatalf("a letter typed: field %q (was %q)\n%s", got, before, scr)
	}
	keys(t, m, tea.KeyBackspace, tea.KeyBackspace, tea.KeyBackspace, "１２")
	if got := w.f.inputs[0].Value(); got != "12" {
		t.Fatalf("full-width digits: field %q, want 12", got)
	}
}
