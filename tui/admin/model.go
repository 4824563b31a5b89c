// Package admin is the station head's area: staff, station settings, trades and places, the
// audit log (read-only), one person's data (export, erase), guide pay, training offers, the
// rights-case ledger and the matching weights. The root opens it with F6 for the head only.
//
// The Model is a small parent that routes between one sub-model (a pane) per section, each in
// its own file with its own keys, update and view. It never writes SQL: every read and change
// goes through the store in a tea.Cmd, and the answer comes back addressed to the section that
// asked. Nor does it decide who may do what: the store refuses anyone but the head.
package admin

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/tui/common"
)

type section int

const (
	secStaff    section = iota // staff.go
	secSettings                // settings.go
	secTrades                  // trades.go
	secAudit                   // audit.go
	secPrivacy                 // privacy.go
	secGuide                   // guidepay.go
	secTraining                // training.go
	secCases                   // cases.go, casenew.go
	secErrors                  // errlog.go
	secWeights                 // weights.go
	secCounters                // counters.go, counters_view.go
	secCount
)

var sectionKeys = [secCount]string{"admin.tab.staff", "admin.tab.settings", "admin.tab.trades", "admin.tab.audit", "admin.tab.privacy",
	"rights.tab.guide", "rights.tab.training", "rights.tab.cases", "admin.tab.errors", "admin.tab.weights", "admin.tab.counters"}

// pane is one Admin section; the Model only routes to it.
type pane interface {
	// load reads what the pane shows (and puts the cursor in its field); called when the
	// section opens and after a change made from the Admin area.
	load() tea.Cmd
	// changed answers a change made on another screen while the section is shown.
	changed() tea.Cmd
	// leave drops what the section was in the middle of when another section is shown.
	leave()
	// update takes a paneMsg addressed to the pane.
	update(msg tea.Msg) (cmd tea.Cmd, ok bool)
	key(msg tea.KeyMsg) tea.Cmd
	// view renders the section's body in w cells and h lines.
	view(w, h int) string
	help() []key.Binding
	capturing() bool
	dirty() bool
}

// desk is what the staff, settings, trades, audit and personal-data sections share with the
// parent: one request count that drops any late answer among them, and one refusal line shown
// under every section.
type desk struct {
	c             *common.Common
	req           int
	err           string
	width, height int

	left, right key.Binding // switch sections
	add         key.Binding // + in the staff and the trades lists
}

// Model is the Admin view.
type Model struct {
	*desk
	sec   section
	panes [secCount]pane

	staff    *staffPane    // its name prompt closes when a change is saved (done)
	settings *settingsPane // what is typed there stays dirty from every section
}

// New returns the Admin view.
func New(c *common.Common) *Model {
	t := c.T
	d := &desk{c: c,
		left:  key.NewBinding(key.WithKeys("left"), key.WithHelp("←/→", t("admin.switch"))),
		right: key.NewBinding(key.WithKeys("right")),
		add:   key.NewBinding(key.WithKeys("+", "insert"), key.WithHelp("+", t("admin.staff.add"))),
	}
	m := &Model{desk: d, staff: newStaffPane(d), settings: newSettingsPane(d)}
	m.panes = [secCount]pane{
		secStaff:    m.staff,
		secSettings: m.settings,
		secTrades:   newTradesPane(d),
		secAudit:    newAuditPane(d, m.staff),
		secPrivacy:  newPrivacyPane(d),
		secGuide:    newGuidePane(c),
		secTraining: newTrainingPane(c),
		secCases:    newCasesPane(c),
		secWeights:  newWeightsPane(c),
		secErrors:   newErrorsPane(d),
		secCounters: newCountersPane(d),
	}
	return m
}

// Init loads the first section.
func (m *Model) Init() tea.Cmd { return m.reload() }

// pane is the section shown.
func (m *Model) pane() pane { return m.panes[m.sec] }

func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.staff.setSize(w)
	m.settings.setSize(w)
}

func (m *Model) ShortHelp() []key.Binding {
	if m.arrowsSwitch() {
		return append([]key.Binding{m.left}, m.pane().help()...)
	}
	return m.pane().help()
}

func (m *Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }

// Capturing: the personal-data section is a form; the settings once typed into; elsewhere only while typing.
func (m *Model) Capturing() bool { return m.pane().capturing() }

// arrowsSwitch is whether ←/→ switch sections: not while a text field has the cursor, except
// in the weights, whole numbers typed with digits and Backspace.
func (m *Model) arrowsSwitch() bool { return m.sec == secWeights || !m.Capturing() }

func (m *Model) Dirty() bool {
	// typed settings stay in their fields while another section is shown
	return m.pane().dirty() || m.settings.dirty()
}
