package register

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"gigdesk/store"
	"gigdesk/store/valid"
	"gigdesk/tui/common"
)

// pageModel is one worker's page: details, history and status, the prompt for a pause or a
// leave, and their training wishes and rights cases (rights.go).
type pageModel struct {
	c        *common.Common
	w        store.Worker
	hist     store.WorkerHistory
	here     bool
	err      string
	revealed map[string]string // field → the full value, once revealed
	rs       rightsState
	self     store.SelfStatus // the worker's self-service PIN and pre-registration (selfpin.go)
	reason   reasonPrompt
	width    int
}

func newPage(c *common.Common) pageModel {
	return pageModel{c: c, revealed: map[string]string{}, rs: newRightsState(), reason: newReasonPrompt(c), width: 80}
}

func (p *pageModel) setSize(w int) {
	p.width = w
	p.reason.setWidth(w)
}

// open starts the page of worker id afresh; the parent loads it.
func (p *pageModel) open(id int64) {
	p.w = store.Worker{ID: id}
	p.hist = store.WorkerHistory{}
	p.revealed = map[string]string{}
	p.rs = newRightsState()
}

func (p *pageModel) onLoaded(msg pageMsg) {
	p.err = p.c.Cat.Err(msg.err)
	if msg.err == nil {
		p.w, p.hist, p.here, p.self = msg.w, msg.hist, msg.here, msg.self
	}
}

// capturing is true while the page takes typing: a reason, a wish or a case.
func (p *pageModel) capturing() bool { return p.reason.open || p.rightsCapturing() }

// helpKey is a key of the page with its help text.
func helpKey(c *common.Common, keys, label, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(keys), key.WithHelp(label, c.T(desc)))
}

func (p *pageModel) help() []key.Binding {
	k, c := p.c.Keys, p.c
	if p.capturing() {
		return []key.Binding{k.Select, k.Back}
	}
	help := []key.Binding{helpKey(c, "e", "e", "reg.key.edit"), helpKey(c, "g", "g", "reg.key.signin"), helpKey(c, "o", "o", "reg.key.signout"),
		helpKey(c, "v", "v", "reg.key.visit"), helpKey(c, "r", "r/i", "reg.key.reveal_phone"), helpKey(c, "p", "p", "reg.key.pause"),
		helpKey(c, "l", "l", "reg.key.leave"), k.Back}
	help = append(help, p.rightsHelp()...)
	help = append(help, helpKey(c, "z", "z", "register.self.key_pin"))
	if p.self.Unconfirmed {
		help = append(help, helpKey(c, "ctrl+k", "Ctrl+K", "register.self.key_confirm"))
	}
	return help
}

// pageWant is what a key on the page asks of the screen.
type pageWant int

const (
	pageStays    pageWant = iota
	pageBack              // Esc: back to the search
	pageNewForm           // Ctrl+N: a new registration
	pageEditForm          // e: edit this worker
	pageVisit             // v: a service visit for this worker
)

func (p *pageModel) key(msg tea.KeyMsg) (tea.Cmd, pageWant) {
	if p.reason.open {
		cmd, reason, ok := p.reason.key(msg)
		if ok {
			return statusCmd(p.c, p.w, p.reason.to, reason), pageStays
		}
		return cmd, pageStays
	}
	w := p.w
	if w.Name != "" {
		if cmd, ok := p.rightsKey(msg); ok {
			return cmd, pageStays
		}
		if cmd, ok := p.selfKey(msg); ok {
			return cmd, pageStays
		}
	}
	switch msg.String() {
	case "esc":
		return nil, pageBack
	case "ctrl+n":
		return nil, pageNewForm
	case "e":
		if w.Name == "" {
			return nil, pageStays
		}
		return nil, pageEditForm
	case "g", "ctrl+g":
		return signInCmd(p.c, w.ID, w.Name), pageStays
	case "o", "ctrl+o":
		return signOutCmd(p.c, w.ID, w.Name), pageStays
	case "v", "ctrl+e":
		return nil, pageVisit
	case "r", "i":
		field := "phone"
		if msg.String() == "i" {
			field = "id_number"
		}
		return revealCmd(p.c, w.ID, field), pageStays
	case "p":
		if w.Status == store.Paused || w.Status == store.Left {
			return statusCmd(p.c, w, store.Active, ""), pageStays
		}
		return p.reason.ask(store.Paused), pageStays
	case "l":
		return p.reason.ask(store.Left), pageStays
	}
	return nil, pageStays
}

func (p *pageModel) view() string {
	if p.rs.caseF != nil {
		return p.caseView()
	}
	s := p.c.Styles
	if p.w.Name == "" {
		if p.err != "" {
			return s.Error.Render(p.err)
		}
		return s.Subtle.Render(p.c.T("reg.page.loading"))
	}
	now := p.c.Clock()
	var b strings.Builder
	b.WriteString(p.headView())
	b.WriteString(p.detailsView(now))
	b.WriteString(p.selfView())
	b.WriteString(p.historyView(now))
	b.WriteString(p.rightsView() + "\n")
	if p.reason.open {
		b.WriteString(p.reason.view())
	}
	return strings.TrimRight(b.String(), "\n")
}

// headView is the title line: number, name, status and its reason.
func (p *pageModel) headView() string {
	c, s, w := p.c, p.c.Styles, p.w
	status := c.T("reg.status." + string(w.Status))
	if p.here {
		status += " · " + c.T("reg.here")
	}
	head := s.Title.Render(c.T("reg.page.title", w.ID, w.Name)) + "  " + status
	if w.StatusReason != "" {
		head += "  " + s.Subtle.Render(c.T("reg.page.reason", w.StatusReason))
	}
	return head + "\n"
}

// detailsView is the worker's record, phone and ID masked until revealed.
func (p *pageModel) detailsView(now time.Time) string {
	c, s, w := p.c, p.c.Styles, p.w
	var b strings.Builder
	line := func(label, value string) {
		b.WriteString(common.Cell(s.Label.Render(c.T(label)), 10) + " " + value + "\n")
	}
	line("reg.f.phone", p.masked("phone", valid.MaskPhone(w.Phone)))
	idno := "-"
	if w.IDNumber != "" {
		idno = p.masked("id_number", valid.MaskID(w.IDNumber))
	}
	line("reg.f.idno", idno)
	gender := c.T("reg.gender.none")
	if w.Gender != "" {
		gender = c.T("reg.gender." + w.Gender)
	}
	age := ""
	if w.BirthYear != 0 {
		age = c.T("reg.page.age", now.Year()-w.BirthYear)
	}
	line("reg.f.gender", gender+"  "+age+"  "+c.Records.PlaceName(w.CommunityID))
	var trades []string
	for _, t := range w.Trades {
		if name := c.Cat.TradeName(c.Records, t.TradeID); name != "" {
			if t.Years > 0 {
				name += " " + c.T("reg.trade.years", t.Years)
			}
			trades = append(trades, name)
		}
	}
	line("reg.f.trades", strings.Join(trades, " · "))
	pay := "-"
	if w.ExpectedPayFen > 0 {
		pay = c.Cat.Pay(w.ExpectedPayFen, w.ExpectedPayUnit)
	}
	var groups []string
	for _, g := range w.Groups {
		groups = append(groups, c.T("reg.group."+g))
	}
	line("reg.f.pay", pay+"  "+strings.Join(groups, "·"))
	if w.Notes != "" {
		line("reg.f.notes", w.Notes)
	}
	b.WriteString(s.Subtle.Render(c.T("reg.page.registered", c.Cat.Date(w.CreatedAt.In(c.Store.Location())), c.T("reg.channel."+string(w.Channel)))) + "\n")
	return b.String()
}

// masked is the field's full value once revealed, else its masked form.
func (p *pageModel) masked(field, mask string) string {
	if v, ok := p.revealed[field]; ok {
		return v + " " + p.c.Styles.Subtle.Render(p.c.T("reg.page.revealed"))
	}
	return mask
}

// historyView is the worker's sign-ins, dispatches, earnings, rating, last jobs and visits.
func (p *pageModel) historyView(now time.Time) string {
	c, s, h := p.c, p.c.Styles, p.hist
	loc := c.Store.Location()
	var b strings.Builder
	rating := c.T("reg.page.no_rating")
	if h.RatingCount > 0 {
		r := h.RatingTenths()
		rating = c.T("reg.page.rating", r/10, r%10, h.RatingCount)
	}
	b.WriteString(s.Label.Render(c.T("reg.page.history")) + "  " + c.T("reg.page.signins", h.SignInDays) + "  " +
		c.T("reg.page.dispatches", h.Dispatches, h.Done, h.NoShows, h.Disputes) + "\n  " +
		c.T("reg.page.earned", c.Cat.Money(h.EarnedFen)) + "  " + rating + "\n")
	if len(h.Recent) > 0 {
		b.WriteString(s.Label.Render(c.T("reg.page.recent")) + "\n")
		for _, d := range h.Recent {
			trade := c.Cat.TradeName(c.Records, d.TradeID)
			paid := c.T("reg.disp.unpaid")
			if d.Paid {
				paid = c.Cat.Money(d.PaidFen)
			}
			b.WriteString(ansi.Truncate(fmt.Sprintf("  %s  %s  %s  %s  %s", c.Cat.When(d.StartsAt.In(loc), now), trade,
				d.EmployerName, c.T("reg.disp."+d.Status), paid), p.width-1, "…") + "\n")
		}
	}
	if len(h.Visits) > 0 {
		var vs []string
		for _, v := range h.Visits {
			vs = append(vs, v.At.In(loc).Format("01-02")+" "+c.T("reg.visit."+string(v.Kind)))
		}
		b.WriteString(ansi.Truncate(s.Label.Render(c.T("reg.page.visits"))+"  "+strings.Join(vs, "  "), p.width-1, "…") + "\n")
	}
	return b.String()
}
