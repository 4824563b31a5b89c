package admin

import (
	"errors"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"gigdesk/store"
	"gigdesk/store/match"
	"gigdesk/store/valid"
	"gigdesk/tui/common"
)

// weightsPane is the matching weights (匹配权重): the eleven factors of a candidate's score, each
// with what it means, the station's value and match's default. Staff type whole numbers,
// Ctrl+S saves them (audited), Ctrl+R fills in the defaults and Esc puts back what is saved;
// the Match screen's next ranking reads them.
type weightsPane struct {
	c     *common.Common
	req   int
	saved match.Weights // as stored
	f     fields
	ready bool
}

type weightsLoaded struct{ w match.Weights }

// weightsSaved carries the stored weights and the settings' JSON of them, so a later save of
// the station settings keeps them.
type weightsSaved struct {
	w  match.Weights
	js string
}

func newWeightsPane(c *common.Common) *weightsPane {
	p := &weightsPane{c: c, f: fields{errAt: -1}}
	for range match.FactorKeys {
		in := common.NewInput()
		in.Prompt, in.CharLimit, in.Width = "", 4, 5
		p.f.inputs = append(p.f.inputs, in)
	}
	p.fill(match.DefaultWeights())
	return p
}

// values are a Weights' numbers in match.FactorKeys order.
func values(w match.Weights) [len(match.FactorKeys)]int {
	return [...]int{w.Trade, w.Experience, w.Present, w.Distance, w.Pay, w.Reliability, w.Rotation, w.Priority, w.Requested, w.Asked, w.Available}
}

func (p *weightsPane) fill(w match.Weights) {
	for i, v := range values(w) {
		p.f.inputs[i].SetValue(strconv.Itoa(v))
	}
	p.f.err, p.f.errAt = "", -1
}

func (p *weightsPane) load() tea.Cmd {
	p.req++
	req, s, ctx := p.req, p.c.Store, p.c.Ctx
	focus := p.f.focus(p.f.at)
	if p.dirty() { // a reload after someone else's change keeps what is being typed
		return focus
	}
	return tea.Batch(focus, func() tea.Msg {
		w, err := s.MatchWeights(ctx)
		return paneMsg{to: secWeights, req: req, v: weightsLoaded{w}, err: err}
	})
}

// changed reads the section again after another screen's change.
func (p *weightsPane) changed() tea.Cmd { return p.load() }

// leave keeps what is typed: the section shows it again when it is back.
func (p *weightsPane) leave() {}

func (p *weightsPane) update(msg tea.Msg) (tea.Cmd, bool) {
	pm := msg.(paneMsg)
	switch v := pm.v.(type) {
	case weightsLoaded:
		if pm.req != p.req {
			return nil, true
		}
		p.saved, p.ready = v.w, true
		if !p.dirty() {
			p.fill(v.w)
		}
		if pm.err != nil { // damaged JSON: the defaults are shown and the reason under them
			p.f.err, p.f.errAt = p.c.Cat.Err(pm.err), -1
		}
	case weightsSaved:
		if pm.err != nil {
			return p.refuse(pm.err), true
		}
		p.saved = v.w
		p.c.Settings.MatchWeights = v.js // the settings form and Match's bars read them here
		p.fill(v.w)
		return tea.Batch(common.Status(p.c.T("admin.weights.saved"), false), func() tea.Msg { return common.ChangedMsg{} }), true
	}
	return nil, true
}

// refuse shows a store refusal at the factor it names.
func (p *weightsPane) refuse(err error) tea.Cmd {
	at := -1
	if se := store.AsError(err); se != nil {
		at = factorIndex(se.Field)
	}
	return p.f.refuse(p.c.Cat.Err(err), at)
}

func factorIndex(field string) int {
	for i, k := range match.FactorKeys {
		if k == field {
			return i
		}
	}
	return -1
}

// typed reads the fields as weights, refusing the first that is not a whole number in range.
func (p *weightsPane) typed() (match.Weights, tea.Cmd, bool) {
	var n [len(match.FactorKeys)]int
	for i := range n {
		v, err := strconv.Atoi(strings.TrimSpace(p.f.inputs[i].Value()))
		if err != nil {
			return match.Weights{}, p.f.refuse(p.c.T("admin.weights.range", match.MaxWeight), i), false
		}
		n[i] = v
	}
	w := match.Weights{Trade: n[0], Experience: n[1], Present: n[2], Distance: n[3], Pay: n[4], Reliability: n[5],
		Rotation: n[6], Priority: n[7], Requested: n[8], Asked: n[9], Available: n[10]}
	var we *match.WeightError
	if err := w.Validate(); errors.As(err, &we) {
		msg := p.c.T("admin.weights.range", match.MaxWeight)
		if we.Field == match.KeyTrade && we.Value == 0 {
			msg = p.c.T("admin.weights.trade_min")
		}
		return w, p.f.refuse(msg, factorIndex(we.Field)), false
	}
	return w, nil, true
}

func (p *weightsPane) key(msg tea.KeyMsg) tea.Cmd {
	k := p.c.Keys
	if key.Matches(msg, k.WeightsDefaults) {
		p.fill(match.DefaultWeights())
		return common.Status(p.c.T("admin.weights.filled"), false)
	}
	if key.Matches(msg, k.Select) { // Enter moves on, never saves by surprise
		return p.f.focus(p.f.at + 1)
	}
	if msg.Type == tea.KeyRunes && !p.f.leaving.Asking() {
		digits, ok := weightDigits(msg.Runes)
		if !ok { // refused as typed, not only on save: a weight is a whole number
			return p.f.refuse(p.c.T("admin.weights.range", match.MaxWeight), p.f.at)
		}
		msg.Runes = digits
	}
	cmd, step := p.f.key(p.c, msg)
	switch step {
	case formCancel:
		p.fill(p.saved)
		return nil
	case formSave:
		w, refuse, ok := p.typed()
		if !ok {
			return refuse
		}
		s, ctx, staff := p.c.Store, p.c.Ctx, p.c.Staff.ID
		return func() tea.Msg {
			if err := s.SaveMatchWeights(ctx, staff, w); err != nil {
				return paneMsg{to: secWeights, v: weightsSaved{}, err: err}
			}
			st, err := s.Settings(ctx)
			return paneMsg{to: secWeights, v: weightsSaved{w: w, js: st.MatchWeights}, err: err}
		}
	}
	return cmd
}

func (p *weightsPane) view(w, h int) string {
	st, t := p.c.Styles, p.c.T
	sum, def := 0, 0
	for i, v := range values(match.DefaultWeights()) {
		def += v
		if n, err := strconv.Atoi(strings.TrimSpace(p.f.inputs[i].Value())); err == nil {
			sum += n
		}
	}
	lines := []string{st.Title.Render(t("admin.weights.title")) + "  " + st.Subtle.Render(t("admin.weights.sum", sum, def))}
	nameW := 4
	for _, fk := range match.FactorKeys {
		nameW = max(nameW, lipgloss.Width(t("match.factor."+fk)))
	}
	valW := max(6, lipgloss.Width(t("admin.weights.col.value")))
	defW := max(4, lipgloss.Width(t("admin.weights.col.default")))
	lines = append(lines, st.Label.Render("  "+common.Cell(t("admin.weights.col.factor"), nameW)+" "+common.Cell(t("admin.weights.col.value"), valW)+" "+
		common.CellRight(t("admin.weights.col.default"), defW)+"   "+t("admin.weights.col.about")))
	defs := values(match.DefaultWeights())
	for i, fk := range match.FactorKeys {
		mark := "  "
		if i == p.f.at {
			mark = "› "
		}
		about := st.Subtle.Render(t("admin.weights.about."+fk, aboutArgs(fk)...))
		if p.f.err != "" && p.f.errAt == i {
			about = st.Error.Render(p.f.err)
		}
		lines = append(lines, mark+common.Cell(t("match.factor."+fk), nameW)+" "+common.Cell(p.f.inputs[i].View(), valW)+" "+
			common.CellRight(strconv.Itoa(defs[i]), defW)+"   "+about)
	}
	// the factor with the cursor is explained in full under the table, wrapped to the width
	if p.f.at >= 0 && p.f.at < len(match.FactorKeys) && h-len(lines) > 3 {
		fk := match.FactorKeys[p.f.at]
		full := t("admin.weights.full", t("match.factor."+fk), t("admin.weights.about."+fk, aboutArgs(fk)...))
		wrapped := strings.Split(lipgloss.NewStyle().Width(max(w-2, 10)).Render(full), "\n")
		lines = append(lines, "")
		lines = append(lines, wrapped[:min(len(wrapped), max(h-len(lines)-2, 1))]...)
	}
	if p.f.err != "" && p.f.errAt < 0 {
		lines = append(lines, st.Error.Render(p.f.err))
	}
	lines = append(lines, st.Subtle.Render(t("admin.weights.hint")))
	return fit(lines, w, h)
}

// weightDigits are typed runes as ASCII digits (an input method's full-width ０–９ too);
// ok is false when any is not a digit.
func weightDigits(rs []rune) ([]rune, bool) {
	out := []rune(valid.FoldWidth(string(rs)))
	for _, r := range out {
		if r < '0' || r > '9' {
			return nil, false
		}
	}
	return out, true
}

// aboutArgs are the shaping constants a factor's meaning names.
func aboutArgs(fk string) []any {
	switch fk {
	case match.KeyExperience:
		return []any{match.ExperienceCapYears}
	case match.KeyReliability:
		return []any{match.MinDispatchesForRecord}
	case match.KeyRotation:
		return []any{match.WorkedWindowDays, match.WorkedCapDays}
	}
	return nil
}

func (p *weightsPane) help() []key.Binding {
	k := p.c.Keys
	return []key.Binding{k.Next, k.Save, k.WeightsDefaults, k.Back}
}

// capturing: the numbers are typed straight into the fields.
func (p *weightsPane) capturing() bool { return true }

func (p *weightsPane) dirty() bool {
	for i, v := range values(p.saved) {
		if strings.TrimSpace(p.f.inputs[i].Value()) != strconv.Itoa(v) {
			return p.ready
		}
	}
	return false
}
