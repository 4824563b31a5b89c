// Package fair is the job-fair screen (F7, 招聘会): the station's events and, for one event,
// its firms and positions, the door sign-in (registered workers found by phone or search in
// one key, newcomers on a three-field form), the booths' intentions and their outcomes later.
//
// It reads and writes through the store's event methods only (store/events*.go); it never
// writes SQL and shows phones masked.
package fair

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/tui/common"
	"gigdesk/tui/widget/prompt"
)

// view is what the screen shows; each has its own file.
type view int

const (
	viewEvents   view = iota // the events, latest first (events.go)
	viewEvent                // one event: its firms and positions (event.go)
	viewFirmAdd              // find an employer to add, or a new one (firmadd.go)
	viewDoor                 // the door sign-in (door.go)
	viewBooth                // intentions at the booths (booth.go)
	viewOutcomes             // outcomes of the intentions (outcomes.go)
)

// Model is the Job fairs screen.
type Model struct {
	c    *common.Common
	view view

	events    []store.Event
	evCursor  int
	ev        store.Event // the event open in every view but viewEvents
	firms     []store.EventFirm
	positions []store.Position
	attendees []store.Attendee
	intents   []store.Intention
	rowCursor int // the event page's row (firm or position)

	form       *form          // the event, new firm, position or newcomer form, when open
	onSave     func() tea.Cmd // what saving the open form does
	ask        *prompt.Prompt // a reason the store asked for (pay under the guide, flagged words)
	review     store.JobReview
	askPosting bool // the question asks why flagged words stay, not why the pay is low

	door   doorModel
	firm   firmAddModel
	booth  boothModel
	outc   outcomesModel
	req    int // loads answer to this counter; an older answer is dropped
	saving bool
	clicks common.RowClick

	width, height int
}

// New returns the Job fairs screen.
func New(c *common.Common) common.Screen {
	return &Model{c: c, door: newDoor(c), firm: newFirmAdd(c), booth: newBooth(c), width: 80, height: 19}
}

func (m *Model) Init() tea.Cmd { return m.loadEvents() }

func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.door.setWidth(w)
	m.firm.setWidth(w)
	m.booth.setWidth(w)
	if m.form != nil {
		m.form.setWidth(w)
	}
	if m.ask != nil {
		m.ask.SetWidth(w)
	}
}

// Capturing is true while a field takes typing: the door, the booth, a search or a form.
func (m *Model) Capturing() bool {
	return m.form != nil || m.ask != nil || m.view == viewDoor || m.view == viewBooth || m.view == viewFirmAdd
}

// Dirty is true while a form holds typed input.
func (m *Model) Dirty() bool { return m.form != nil && m.form.dirty() }

// Keys of this screen.
var (
	keyNew      = key.NewBinding(key.WithKeys("n", "ctrl+n"), key.WithHelp("n", ""))
	keyNewer    = key.NewBinding(key.WithKeys("ctrl+n"), key.WithHelp("Ctrl+N", ""))
	keyFirm     = key.NewBinding(key.WithKeys("f"), key.WithHelp("f", ""))
	keyPosition = key.NewBinding(key.WithKeys("p"), key.WithHelp("p", ""))
	keyDoor     = key.NewBinding(key.WithKeys("d"), key.WithHelp("d", ""))
	keyBooth    = key.NewBinding(key.WithKeys("b"), key.WithHelp("b", ""))
	keyOutcomes = key.NewBinding(key.WithKeys("o"), key.WithHelp("o", ""))
	keyEdit     = key.NewBinding(key.WithKeys("e"), key.WithHelp("e", ""))
	keyHired    = key.NewBinding(key.WithKeys("h"), key.WithHelp("h", ""))
	keyNotHired = key.NewBinding(key.WithKeys("x"), key.WithHelp("x", ""))
	keyPending  = key.NewBinding(key.WithKeys("u"), key.WithHelp("u", ""))
	keySwitch   = key.NewBinding(key.WithKeys("tab", "shift+tab"), key.WithHelp("Tab", ""))
)

// bind is b with its help text in the staff member's language.
func bind(c *common.Common, b key.Binding, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(b.Keys()...), key.WithHelp(b.Help().Key, c.T(desc)))
}

func (m *Model) ShortHelp() []key.Binding {
	k, c := m.c.Keys, m.c
	if m.form != nil {
		return []key.Binding{k.Save, k.Next, k.Prev, k.Back}
	}
	switch m.view {
	case viewEvents:
		return []key.Binding{bind(c, keyNew, "fair.key.new"), k.Select}
	case viewEvent:
		return []key.Binding{bind(c, keyDoor, "fair.key.door"), bind(c, keyFirm, "fair.key.firm"), bind(c, keyPosition, "fair.key.position"),
			bind(c, keyBooth, "fair.key.booth"), bind(c, keyOutcomes, "fair.key.outcomes"), k.Back}
	case viewDoor:
		return []key.Binding{bind(c, k.Select, "fair.key.signin"), bind(c, keyNewer, "fair.key.newcomer"), k.Back}
	case viewFirmAdd:
		return []key.Binding{bind(c, k.Select, "fair.key.add_firm"), bind(c, keyNewer, "fair.key.new_firm"), k.Back}
	case viewBooth:
		return []key.Binding{bind(c, keySwitch, "fair.key.switch"), bind(c, k.Select, "fair.key.intend"), k.Back}
	case viewOutcomes:
		return []key.Binding{bind(c, keyHired, "fair.key.hired"), bind(c, keyNotHired, "fair.key.not_hired"), bind(c, keyPending, "fair.key.pending"), k.Back}
	}
	return nil
}

func (m *Model) FullHelp() [][]key.Binding {
	c, k := m.c, m.c.Keys
	return [][]key.Binding{
		{bind(c, keyNew, "fair.key.new"), bind(c, keyEdit, "fair.key.edit"), bind(c, keyDoor, "fair.key.door"), bind(c, keyFirm, "fair.key.firm"),
			bind(c, keyPosition, "fair.key.position"), bind(c, keyBooth, "fair.key.booth"), bind(c, keyOutcomes, "fair.key.outcomes")},
		{bind(c, keyNewer, "fair.key.newcomer"), bind(c, keySwitch, "fair.key.switch"), bind(c, keyHired, "fair.key.hired"),
			bind(c, keyNotHired, "fair.key.not_hired"), bind(c, keyPending, "fair.key.pending")},
		{k.Save, k.Next, k.Prev, k.Back, k.Up, k.Down},
	}
}
