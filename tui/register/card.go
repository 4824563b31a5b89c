package register

import (
	"strconv"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/store/valid"
	"gigdesk/tui/common"
)

// savedCard shows a new worker's number to read out, with a key to sign them in at once.
type savedCard struct {
	c *common.Common
	w store.Worker
}

// cardWant is what a key on the card asks of the screen.
type cardWant int

const (
	cardStays   cardWant = iota
	cardNewForm          // Ctrl+N: the next registration
	cardDone             // Enter or Esc: back to the search
)

func (cd *savedCard) key(msg tea.KeyMsg) (tea.Cmd, cardWant) {
	k := cd.c.Keys
	switch {
	case key.Matches(msg, keySignIn):
		return signInCmd(cd.c, cd.w.ID, cd.w.Name), cardStays
	case key.Matches(msg, keyNew):
		return nil, cardNewForm
	case key.Matches(msg, k.Select), key.Matches(msg, k.Back):
		return nil, cardDone
	}
	return nil, cardStays
}

func (cd *savedCard) view() string {
	c, s, w := cd.c, cd.c.Styles, cd.w
	body := s.Title.Render(c.T("reg.card.title")) + "\n\n" +
		c.T("reg.card.number") + "  " + s.Big.Render(strconv.FormatInt(w.ID, 10)) + "\n" +
		w.Name + "  " + valid.MaskPhone(w.Phone) + "\n" +
		tradeNames(c, w.Trades) + "  " + c.Records.PlaceName(w.CommunityID) + "\n\n" +
		s.Good.Render(c.T("reg.card.readout", w.ID))
	return s.Card.Render(body) + "\n" + s.Subtle.Render(c.T("reg.card.keys"))
}
