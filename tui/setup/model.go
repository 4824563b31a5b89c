// Package setup is the first-run form: the station's name and its first staff member, the
// station head, with a PIN typed twice.
//
// It writes once, through store.SetupWithPIN, and then reports DoneMsg; it does not put anyone
// on duty (the root does) and is never shown again once the station is configured.
//
// model.go holds the state and the form, update.go the form's progress, load.go the save and
// view.go the rendering.
package setup

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"gigdesk/store"
	"gigdesk/store/valid"
	"gigdesk/tui/common"
)

// DoneMsg reports the station head created by setup.
type DoneMsg struct{ Head store.Staff }

// Model is the first-run form.
type Model struct {
	c       *common.Common
	form    *huh.Form
	station string
	head    string
	pin     string
	again   string
	err     string
	saving  bool
	width   int
	height  int
}

// New returns the first-run form.
func New(c *common.Common) *Model {
	m := &Model{c: c}
	m.form = m.newForm()
	return m
}

func (m *Model) newForm() *huh.Form {
	t := m.c.T
	return huh.NewForm(huh.NewGroup(
		huh.NewInput().Title(t("setup.station")+" *").Value(&m.station).CharLimit(40).
			Validate(func(s string) error {
				v, p := valid.Text("station_name", s, 40)
				if p != nil {
					return fieldErr(m.c, p)
				}
				if v == "" {
					return fieldErr(m.c, &valid.Problem{Key: "station.name_empty"})
				}
				return nil
			}),
		huh.NewInput().Title(t("setup.head")+" *").Value(&m.head).CharLimit(30).
			Validate(func(s string) error {
				if _, p := valid.Name(s); p != nil {
					return fieldErr(m.c, p)
				}
				return nil
			}),
		huh.NewInput().Title(t("setup.pin")+" *").Value(&m.pin).CharLimit(store.PINMaxLen).
			EchoMode(huh.EchoModePassword).Validate(m.pinErr),
		huh.NewInput().Title(t("setup.pin_again")+" *").Value(&m.again).CharLimit(store.PINMaxLen).
			EchoMode(huh.EchoModePassword).Validate(m.pinErr),
	)).WithShowHelp(false).WithWidth(60)
}

// pinErr checks a PIN's form as it is typed.
func (m *Model) pinErr(s string) error {
	if err := store.ValidPIN(s); err != nil {
		return huhError(m.c.Cat.Err(err))
	}
	return nil
}

// fieldErr is a validation error in the staff member's language.
func fieldErr(c *common.Common, p *valid.Problem) error {
	return huhError(c.Cat.Err(&store.Error{Code: store.Invalid, Key: p.Key}))
}

type huhError string

func (e huhError) Error() string { return string(e) }

func (m *Model) Init() tea.Cmd { return m.form.Init() }

func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.form = m.form.WithWidth(min(60, max(w-6, 20)))
}

func (m *Model) ShortHelp() []key.Binding {
	k := m.c.Keys
	return []key.Binding{k.Next, k.Prev, k.Select}
}

func (m *Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }

func (m *Model) Capturing() bool { return true }

func (m *Model) Dirty() bool { return m.station != "" || m.head != "" }
