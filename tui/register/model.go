package register

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/tui/common"
)

// mode is the view the screen shows; each has its own sub-model.
type mode int

const (
	modeSearch  mode = iota // the search box, with today's sign-ins under it (search.go, today.go)
	modeForm                // the registration form (form.go)
	modeDup                 // the same phone or ID, or the same name and birth year, before saving (dup.go)
	modeCard                // saved: the worker number to read out (card.go)
	modePage                // one worker's details and history, and the pause or leave prompt (page.go)
	modeVisit               // a service visit (visit.go)
	modeDiscard             // leave a form with input?
)

// Model is the Register screen: it holds one sub-model per view and routes between them.
type Model struct {
	c    *common.Common
	mode mode
	back mode // where the visit dialog returns to

	search searchModel
	form   *form // open while the form, its duplicate question or the discard question shows
	saving bool
	reqID  int // the form's check and save, and the page's load, answer to this one counter
	dup    dupDialog
	card   savedCard
	page   pageModel
	visit  visitDialog

	width, height int
}

// New returns the Register screen.
func New(c *common.Common) common.Screen {
	return &Model{c: c, search: newSearch(c), dup: dupDialog{c: c}, card: savedCard{c: c}, page: newPage(c), visit: newVisit(c),
		width: 80, height: 19}
}

func (m *Model) Init() tea.Cmd { return m.search.loadToday() }

func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.search.setSize(w, h)
	m.page.setSize(w)
	m.visit.setSize(w)
	if m.form != nil {
		m.form.setWidth(w)
	}
}

func (m *Model) Capturing() bool {
	switch m.mode {
	case modePage:
		return m.page.capturing()
	case modeSearch, modeForm, modeVisit:
		return true
	}
	return false
}

func (m *Model) Dirty() bool {
	if m.mode == modePage && m.page.rightsDirty() {
		return true
	}
	return m.form != nil && m.form.dirty() && (m.mode == modeForm || m.mode == modeDup || m.mode == modeDiscard)
}

// Keys of this screen, built from the shared key map's style.
var (
	keyNew     = key.NewBinding(key.WithKeys("ctrl+n"), key.WithHelp("Ctrl+N", ""))
	keySignIn  = key.NewBinding(key.WithKeys("ctrl+g"), key.WithHelp("Ctrl+G", ""))
	keySignOut = key.NewBinding(key.WithKeys("ctrl+o"), key.WithHelp("Ctrl+O", ""))
	keyVisit   = key.NewBinding(key.WithKeys("ctrl+e"), key.WithHelp("Ctrl+E", ""))
)

// bind is b with its help text in the staff member's language.
func bind(c *common.Common, b key.Binding, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(b.Keys()...), key.WithHelp(b.Help().Key, c.T(desc)))
}

func (m *Model) ShortHelp() []key.Binding {
	k := m.c.Keys
	switch m.mode {
	case modeForm:
		return []key.Binding{k.Save, k.Next, k.Prev, k.Back}
	case modeCard:
		return []key.Binding{bind(m.c, keySignIn, "reg.key.signin"), k.Select, bind(m.c, keyNew, "reg.key.new")}
	case modePage:
		return m.page.help()
	case modeDup, modeVisit, modeDiscard:
		return []key.Binding{k.Select, k.Back}
	}
	return []key.Binding{bind(m.c, keyNew, "reg.key.new"), k.Select, bind(m.c, keySignIn, "reg.key.signin"),
		bind(m.c, keySignOut, "reg.key.signout"), bind(m.c, keyVisit, "reg.key.visit")}
}

func (m *Model) FullHelp() [][]key.Binding {
	k := m.c.Keys
	return [][]key.Binding{
		{bind(m.c, keyNew, "reg.key.new"), bind(m.c, keySignIn, "reg.key.signin"), bind(m.c, keySignOut, "reg.key.signout"),
			bind(m.c, keyVisit, "reg.key.visit"), k.Up, k.Down},
		{k.Save, k.Next, k.Prev, k.Back},
	}
}
