package register

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"gigdesk/store"
	"gigdesk/store/valid"
	"gigdesk/tui/common"
	"gigdesk/tui/widget/caseform"
)

// On a worker's page: their training wishes and the offers that fit them (store.MatchWishes),
// a referral logged with one key, and their rights cases, with a key to open one.

// ask is the rights question the worker's page is asking.
type ask int

const (
	askNone  ask = iota
	askWish      // a new training wish (typed)
	askClose     // which wish to remove (a digit)
	askRefer     // which matched offer to refer to (a digit)
)

// rightsMsg answers loadRights for the page of worker.
type rightsMsg struct {
	id      int
	worker  int64
	wishes  []store.TrainingWish
	matches []store.OfferMatch
	cases   []store.RightsCase
	err     error
}

// rightsDoneMsg answers a wish, a referral or a case saved from the page.
type rightsDoneMsg struct {
	text string
	err  error
	c    bool // it was the case form
}

func (rightsMsg) Owner() common.Page     { return common.PageRegister }
func (rightsDoneMsg) Owner() common.Page { return common.PageRegister }

// rightsState is what the worker's page holds of the worker's rights and training.
type rightsState struct {
	id      int
	wishes  []store.TrainingWish // open ones
	matches []store.OfferMatch
	cases   []store.RightsCase
	ask     ask
	in      textinput.Model
	caseF   *caseform.Form
}

func newRightsState() rightsState {
	in := common.NewInput()
	in.Prompt, in.CharLimit = "", 60
	return rightsState{in: in}
}

// Keys of the page's rights and training line.
var (
	keyWish   = key.NewBinding(key.WithKeys("w"), key.WithHelp("w", ""))
	keyUnwish = key.NewBinding(key.WithKeys("x"), key.WithHelp("x", ""))
	keyRefer  = key.NewBinding(key.WithKeys("f"), key.WithHelp("f", ""))
)

func (m *Model) rightsHelp() []key.Binding {
	return []key.Binding{m.bind(keyWish, "rights.reg.key.wish"), m.bind(keyUnwish, "rights.reg.key.unwish"), m.bind(keyRefer, "rights.reg.key.refer"),
		m.bind(m.c.Keys.RightsCase, "rights.key.case")}
}

// loadRights reads the page's worker's wishes, the offers that fit and their cases.
func (m *Model) loadRights() tea.Cmd {
	if m.page.ID == 0 {
		return nil
	}
	m.rs.id++
	id, wid, s, ctx, today := m.rs.id, m.page.ID, m.c.Store, m.c.Ctx, m.c.Store.Today()
	return func() tea.Msg {
		ws, err := s.Wishes(ctx, wid)
		if err != nil {
			return rightsMsg{id: id, worker: wid, err: err}
		}
		var open []store.TrainingWish
		for _, w := range ws {
			if !w.Closed {
				open = append(open, w)
			}
		}
		offers, err := s.Offers(ctx, false)
		if err != nil {
			return rightsMsg{id: id, worker: wid, err: err}
		}
		cases, err := s.RightsCases(ctx, store.CaseFilter{WorkerID: wid, Limit: 20})
		return rightsMsg{id: id, worker: wid, wishes: open, matches: store.MatchWishes(open, offers, today), cases: cases, err: err}
	}
}

func (m *Model) onRights(msg rightsMsg) tea.Cmd {
	if msg.id != m.rs.id || msg.worker != m.page.ID {
		return nil
	}
	if msg.err != nil {
		return common.Status(m.c.Cat.Err(msg.err), true)
	}
	m.rs.wishes, m.rs.matches, m.rs.cases = msg.wishes, msg.matches, msg.cases
	return nil
}

func (m *Model) onRightsDone(msg rightsDoneMsg) tea.Cmd {
	if msg.err != nil {
		if msg.c && m.rs.caseF != nil {
			m.rs.caseF.SetError(msg.err) // at its field, with what was typed
			return nil
		}
		return common.Status(m.c.Cat.Err(msg.err), true) // a wish keeps its prompt and text
	}
	if msg.c {
		m.rs.caseF = nil
	}
	m.closeAsk()
	return tea.Batch(common.Status(msg.text, false), func() tea.Msg { return common.ChangedMsg{} })
}

func (m *Model) closeAsk() {
	m.rs.ask = askNone
	m.rs.in.Blur()
	m.rs.in.SetValue("")
}

// rightsCapturing is true while the page takes typing for a wish or a case.
func (m *Model) rightsCapturing() bool { return m.rs.ask == askWish || m.rs.caseF != nil }

func (m *Model) rightsDirty() bool {
	return m.rs.caseF != nil && m.rs.caseF.Dirty() || m.rs.ask == askWish && m.rs.in.Value() != ""
}

// rightsKey handles the page's rights and training keys; ok is false for other keys.
func (m *Model) rightsKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	k := m.c.Keys
	w := m.page
	s, ctx, staff := m.c.Store, m.c.Ctx, m.c.Staff.ID
	if m.rs.caseF != nil {
		cmd, res := m.rs.caseF.Update(msg)
		switch res {
		case caseform.Cancel:
			m.rs.caseF = nil
		case caseform.Submit:
			c, ok := m.rs.caseF.Case()
			if !ok {
				return nil, true
			}
			return func() tea.Msg {
				c, err := s.OpenCase(ctx, staff, c)
				return rightsDoneMsg{text: m.c.T("rights.opened", c.ID), err: err, c: true}
			}, true
		}
		return cmd, true
	}
	switch m.rs.ask {
	case askWish:
		switch {
		case key.Matches(msg, k.Back):
			m.closeAsk()
			return nil, true
		case key.Matches(msg, k.Select), key.Matches(msg, k.Save):
			topic := m.rs.in.Value()
			return func() tea.Msg {
				_, err := s.AddWish(ctx, staff, store.TrainingWish{WorkerID: w.ID, Topic: topic})
				return rightsDoneMsg{text: m.c.T("rights.reg.wish.added", strings.TrimSpace(topic)), err: err}
			}, true
		}
		var cmd tea.Cmd
		m.rs.in, cmd = m.rs.in.Update(msg)
		return cmd, true
	case askClose, askRefer:
		n := digit(msg)
		a := m.rs.ask
		m.rs.ask = askNone
		switch {
		case a == askClose && n >= 1 && n <= len(m.rs.wishes):
			wish := m.rs.wishes[n-1]
			return func() tea.Msg {
				err := s.CloseWish(ctx, staff, wish.ID)
				return rightsDoneMsg{text: m.c.T("rights.reg.wish.removed", wish.Topic), err: err}
			}, true
		case a == askRefer && n >= 1 && n <= len(m.rs.matches):
			mt := m.rs.matches[n-1]
			return func() tea.Msg {
				_, err := s.Refer(ctx, staff, w.ID, mt.Offer.ID, mt.WishID)
				return rightsDoneMsg{text: m.c.T("training.referred", valid.MaskName(w.Name), mt.Offer.Title), err: err}
			}, true
		}
		return nil, true // any other key leaves the question
	}
	switch {
	case key.Matches(msg, keyWish):
		m.rs.ask = askWish
		m.rs.in.SetValue("")
		return m.rs.in.Focus(), true
	case key.Matches(msg, keyUnwish):
		if len(m.rs.wishes) == 0 {
			return common.Status(m.c.T("rights.reg.wish.none"), true), true
		}
		if len(m.rs.wishes) == 1 {
			m.rs.ask = askClose
			return m.rightsKey(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("1")})
		}
		m.rs.ask = askClose
		return nil, true
	case key.Matches(msg, keyRefer):
		if len(m.rs.matches) == 0 {
			return common.Status(m.c.T("rights.reg.refer.none"), true), true
		}
		m.rs.ask = askRefer
		if len(m.rs.matches) == 1 {
			return m.rightsKey(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("1")})
		}
		return nil, true
	case key.Matches(msg, k.RightsCase):
		about := m.c.T("rights.open.worker", w.ID, valid.MaskName(w.Name))
		m.rs.caseF = caseform.New(m.c, store.RightsCase{WorkerID: w.ID, OpenedBy: store.ByWorker}, about, 0)
		m.rs.caseF.SetWidth(m.width)
		return m.rs.caseF.Focus(), true
	}
	return nil, false
}

// digit is the number 1–9 a key stands for, 0 for any other key.
func digit(msg tea.KeyMsg) int {
	s := msg.String()
	if len(s) == 1 && s[0] >= '1' && s[0] <= '9' {
		return int(s[0] - '0')
	}
	return 0
}

// rightsView is the page's lines on training and rights, under the worker's history.
func (m *Model) rightsView() string {
	st := m.c.Styles
	width := max(m.width-1, 20)
	var lines []string
	var wishes []string
	for i, w := range m.rs.wishes {
		wishes = append(wishes, fmt.Sprintf("%d %s", i+1, w.Topic))
	}
	line := st.Label.Render(m.c.T("training.wishes")) + "  "
	if len(wishes) == 0 {
		line += st.Subtle.Render(m.c.T("rights.reg.wish.empty"))
	} else {
		line += strings.Join(wishes, " · ")
	}
	if len(m.rs.matches) > 0 {
		var offers []string
		for i, mt := range m.rs.matches {
			o := mt.Offer.Title
			if mt.Offer.StartsOn != "" {
				o += " " + mt.Offer.StartsOn[5:]
			}
			offers = append(offers, fmt.Sprintf("%d %s", i+1, o))
		}
		line += "  " + st.Good.Render(m.c.T("training.match", strings.Join(offers, " · ")))
	}
	lines = append(lines, ansi.Truncate(line, width, "…"))
	if len(m.rs.cases) > 0 {
		var cs []string
		for _, c := range m.rs.cases {
			cs = append(cs, fmt.Sprintf("#%d %s %s", c.ID, m.c.T("rights.kind."+string(c.Kind)), m.c.T("rights.status."+string(c.Status))))
		}
		lines = append(lines, ansi.Truncate(st.Label.Render(m.c.T("rights.reg.cases"))+"  "+strings.Join(cs, " · "), width, "…"))
	}
	switch m.rs.ask {
	case askWish:
		lines = append(lines, st.Warning.Render(m.c.T("rights.reg.wish.ask"))+" "+m.rs.in.View())
	case askClose:
		lines = append(lines, st.Warning.Render(m.c.T("rights.reg.wish.which")))
	case askRefer:
		lines = append(lines, st.Warning.Render(m.c.T("rights.reg.refer.which")))
	}
	return strings.Join(lines, "\n")
}

// caseView is the worker's name over the rights-case form, which needs the page's room.
func (m *Model) caseView() string {
	st := m.c.Styles
	return st.Title.Render(m.c.T("reg.page.title", m.page.ID, m.page.Name)) + "\n\n" + m.rs.caseF.View(max(m.width-1, 20))
}
