package register

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"gigdesk/store"
	"gigdesk/store/valid"
	"gigdesk/tui/common"
	"gigdesk/tui/widget/caseform"
)

// On a worker's page: their training wishes and the offers that fit them (store.MatchWishes),
// a referral logged with one key, and their rights cases, with a key to open one.

// rightsState is what the worker's page holds of the worker's rights and training.
type rightsState struct {
	id      int
	wishes  []store.TrainingWish // open ones
	matches []store.OfferMatch
	cases   []store.RightsCase
	ask     *rightsAsk // the question asked, nil when none (prompt.go)
	caseF   *caseform.Form
}

func newRightsState() rightsState { return rightsState{} }

// Keys of the page's rights and training line.
var (
	keyWish   = key.NewBinding(key.WithKeys("w"), key.WithHelp("w", ""))
	keyUnwish = key.NewBinding(key.WithKeys("x"), key.WithHelp("x", ""))
	keyRefer  = key.NewBinding(key.WithKeys("f"), key.WithHelp("f", ""))
)

func (p *pageModel) rightsHelp() []key.Binding {
	return []key.Binding{bind(p.c, keyWish, "rights.reg.key.wish"), bind(p.c, keyUnwish, "rights.reg.key.unwish"),
		bind(p.c, keyRefer, "rights.reg.key.refer"), bind(p.c, p.c.Keys.RightsCase, "rights.key.case")}
}

// loadRights reads the page's worker's wishes, the offers that fit and their cases.
func (p *pageModel) loadRights() tea.Cmd {
	if p.w.ID == 0 {
		return nil
	}
	p.rs.id++
	return rightsCmd(p.c, p.rs.id, p.w.ID)
}

func (p *pageModel) onRights(msg rightsMsg) tea.Cmd {
	if msg.id != p.rs.id || msg.worker != p.w.ID {
		return nil
	}
	if msg.err != nil {
		return common.Status(p.c.Cat.Err(msg.err), true)
	}
	p.rs.wishes, p.rs.matches, p.rs.cases = msg.wishes, msg.matches, msg.cases
	return nil
}

func (p *pageModel) onRightsDone(msg rightsDoneMsg) tea.Cmd {
	if msg.err != nil {
		if msg.c && p.rs.caseF != nil {
			p.rs.caseF.SetError(msg.err) // at its field, with what was typed
			return nil
		}
		return common.Status(p.c.Cat.Err(msg.err), true) // a wish keeps its prompt and text
	}
	if msg.c {
		p.rs.caseF = nil
	}
	p.closeAsk()
	return tea.Batch(common.Status(msg.text, false), changed)
}

func (p *pageModel) closeAsk() {
	p.rs.ask = nil
}

// rightsCapturing is true while the page takes typing for a wish or a case.
func (p *pageModel) rightsCapturing() bool {
	return p.rs.ask != nil && p.rs.ask.typed || p.rs.caseF != nil
}

func (p *pageModel) rightsDirty() bool {
	return p.rs.caseF != nil && p.rs.caseF.Dirty() || p.rs.ask != nil && p.rs.ask.typed && p.rs.ask.p.Value() != ""
}

// rightsKey handles the page's rights and training keys; ok is false for other keys.
func (p *pageModel) rightsKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	if p.rs.caseF != nil {
		return p.caseKey(msg), true
	}
	if p.rs.ask != nil {
		return p.askKey(msg), true
	}
	return p.rightsStart(msg)
}

// caseKey hands a key to the open case form and saves it when it is submitted.
func (p *pageModel) caseKey(msg tea.KeyMsg) tea.Cmd {
	cmd, res := p.rs.caseF.Update(msg)
	switch res {
	case caseform.Cancel:
		p.rs.caseF = nil
	case caseform.Submit:
		rc, ok := p.rs.caseF.Case()
		if !ok {
			return nil
		}
		return openCaseCmd(p.c, rc)
	}
	return cmd
}

// rightsStart handles the keys that ask a rights question or open a case.
func (p *pageModel) rightsStart(msg tea.KeyMsg) (tea.Cmd, bool) {
	one := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("1")} // the only choice, chosen at once
	switch {
	case key.Matches(msg, keyWish):
		return p.askWish(), true
	case key.Matches(msg, keyUnwish):
		if len(p.rs.wishes) == 0 {
			return common.Status(p.c.T("rights.reg.wish.none"), true), true
		}
		p.askPick("rights.reg.wish.which", func() int { return len(p.rs.wishes) },
			func(n int) tea.Cmd { return closeWishCmd(p.c, p.rs.wishes[n-1]) })
		if len(p.rs.wishes) == 1 {
			return p.rightsKey(one)
		}
		return nil, true
	case key.Matches(msg, keyRefer):
		if len(p.rs.matches) == 0 {
			return common.Status(p.c.T("rights.reg.refer.none"), true), true
		}
		p.askPick("rights.reg.refer.which", func() int { return len(p.rs.matches) },
			func(n int) tea.Cmd { return referCmd(p.c, p.w, p.rs.matches[n-1]) })
		if len(p.rs.matches) == 1 {
			return p.rightsKey(one)
		}
		return nil, true
	case key.Matches(msg, p.c.Keys.RightsCase):
		w := p.w
		about := p.c.T("rights.open.worker", w.ID, valid.MaskName(w.Name))
		p.rs.caseF = caseform.New(p.c, store.RightsCase{WorkerID: w.ID, OpenedBy: store.ByWorker}, about, 0)
		p.rs.caseF.SetWidth(p.width)
		return p.rs.caseF.Focus(), true
	}
	return nil, false
}

// rightsView is the page's lines on training and rights, under the worker's history.
func (p *pageModel) rightsView() string {
	st := p.c.Styles
	width := max(p.width-1, 20)
	var lines []string
	var wishes []string
	for i, w := range p.rs.wishes {
		wishes = append(wishes, fmt.Sprintf("%d %s", i+1, w.Topic))
	}
	line := st.Label.Render(p.c.T("training.wishes")) + "  "
	if len(wishes) == 0 {
		line += st.Subtle.Render(p.c.T("rights.reg.wish.empty"))
	} else {
		line += strings.Join(wishes, " · ")
	}
	if len(p.rs.matches) > 0 {
		var offers []string
		for i, mt := range p.rs.matches {
			o := mt.Offer.Title
			if mt.Offer.StartsOn != "" {
				o += " " + mt.Offer.StartsOn[5:]
			}
			offers = append(offers, fmt.Sprintf("%d %s", i+1, o))
		}
		line += "  " + st.Good.Render(p.c.T("training.match", strings.Join(offers, " · ")))
	}
	lines = append(lines, ansi.Truncate(line, width, "…"))
	if len(p.rs.cases) > 0 {
		var cs []string
		for _, c := range p.rs.cases {
			cs = append(cs, fmt.Sprintf("#%d %s %s", c.ID, p.c.T("rights.kind."+string(c.Kind)), p.c.T("rights.status."+string(c.Status))))
		}
		lines = append(lines, ansi.Truncate(st.Label.Render(p.c.T("rights.reg.cases"))+"  "+strings.Join(cs, " · "), width, "…"))
	}
	if p.rs.ask != nil {
		lines = append(lines, p.rs.ask.p.View())
	}
	return strings.Join(lines, "\n")
}

// caseView is the worker's name over the rights-case form, which needs the page's room.
func (p *pageModel) caseView() string {
	st := p.c.Styles
	return st.Title.Render(p.c.T("reg.page.title", p.w.ID, p.w.Name)) + "\n\n" + p.rs.caseF.View(max(p.width-1, 20))
}
