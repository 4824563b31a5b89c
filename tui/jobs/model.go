package jobs

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/tui/common"
)

// Model is the Jobs screen: the list of jobs, the question asked over it, and the job form
// shown instead of the list while a job is taken or edited.
type Model struct {
	c      *common.Common
	list   jobList
	prompt closePrompt
	form   *form // nil while the list is shown
	asked  int   // the latest edit load or phone reveal
	width  int
	height int
}

// New returns the Jobs screen.
func New(c *common.Common) common.Screen {
	return &Model{c: c, list: newJobList(c), prompt: newClosePrompt(c), width: 80, height: 19}
}

func (m *Model) Init() tea.Cmd { return m.list.load() }

// openForm shows f instead of the list, sized to the screen, and loads the rules it checks.
func (m *Model) openForm(f *form) tea.Cmd {
	m.form = f
	m.form.setSize(m.width, m.height)
	return tea.Batch(m.form.focusCmd(), m.form.loadRights())
}

func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.prompt.setWidth(w)
	if m.form != nil {
		m.form.setSize(w, h)
	}
	m.list.setSize(w, h)
}

func (m *Model) ShortHelp() []key.Binding {
	k := m.c.Keys
	switch {
	case m.form != nil:
		return []key.Binding{k.Save, k.Next, k.Prev, k.Back}
	case m.prompt.active():
		return m.prompt.help()
	}
	return []key.Binding{k.JobNew, k.Select, k.JobEdit, k.JobCancel, k.JobExpire, k.JobReveal, k.JobTabs}
}

func (m *Model) FullHelp() [][]key.Binding {
	k := m.c.Keys
	return [][]key.Binding{
		{k.JobNew, k.Select, k.JobEdit, k.JobCancel, k.JobExpire, k.JobReveal},
		{k.JobTabs, k.Up, k.Down, k.PgUp, k.PgDown},
		{k.Save, k.Next, k.Prev, k.JobToggle, k.Back},
	}
}

func (m *Model) Capturing() bool { return m.form != nil || m.prompt.active() }
func (m *Model) Dirty() bool     { return m.form != nil && m.form.dirty() }

// Legend explains the marks of the job list: urgent, and an employer with a record.
func (m *Model) Legend() string {
	return m.c.T("jobs.legend", m.c.T("jobs.mark.urgent"))
}
