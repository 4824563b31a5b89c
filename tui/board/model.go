// Package board is the live job board (F3): every open and partly filled job, filtered and
// searched at the counter, reloaded by itself when anyone changes the database file.
//
// model.go holds the state and the screen contract, update.go the messages and keys, view.go
// the rendering, load.go the store reads, live.go the polling of the database file, and
// filters.go the filters and the search. The board shows jobs only, never an employer's or a
// worker's personal data, and it never writes: Enter hands the job to the Match page.
package board

import (
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/tui/common"
)

// PollEvery is how often the board asks SQLite whether the file changed: a change by another
// gigdesk shows within a second, and an idle poll costs a few microseconds.
const PollEvery = 400 * time.Millisecond

// ChangedFor is how long a new or changed job stays marked.
const ChangedFor = time.Minute

// row is one open job as the board holds it, with what filtering needs already worked out.
type row struct {
	job store.Job
	sub int64 // sub-district or town of the job's community
}

// Model is the Board screen.
type Model struct {
	c      *common.Common
	width  int
	height int

	all      []row             // every open job, by start time then urgency
	fairs    []store.DoorCount // today's fairs and how many are in at their doors
	shown    []int             // indexes into all that pass the filters
	cursor   int               // index into shown
	clicks   common.RowClick
	offset   int     // first shown row drawn
	selected int64   // job under the cursor, kept across reloads
	wanted   int     // workers still wanted over the shown jobs
	need     columns // the widest text of each column over the loaded jobs, in cells

	trade   int64
	sub     int64
	day     dayFilter
	urgent  bool
	search  textinput.Model
	typing  bool
	matches matchSet

	watcher  *store.Watcher
	reqID    int
	loading  bool
	stale    bool // a change came in while a load was running
	loaded   bool
	loadedAt time.Time
	now      time.Time
	err      string
	pollErr  bool
}

// New returns the Board screen.
func New(c *common.Common) *Model {
	ti := common.NewInput()
	ti.Prompt = ""
	ti.Placeholder = c.T("board.search.placeholder")
	ti.CharLimit = 30
	return &Model{c: c, search: ti, now: c.Clock(), width: 80, height: 19}
}

// Init opens the watcher and loads the jobs.
func (m *Model) Init() tea.Cmd {
	return tea.Batch(m.openWatcher, m.load())
}

// SetSize is the body's size.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.search.Width = max(min(24, w/4), 8)
	m.scroll()
}

// visible is the number of job rows that fit under the title, fair, filter and header lines.
func (m *Model) visible() int { return max(m.height-m.firstRow(), 1) }

// firstRow is the body line of the first job: under the title, today's fair if one is on,
// the filters and the head.
func (m *Model) firstRow() int {
	if len(m.fairs) > 0 {
		return 4
	}
	return 3
}

func (m *Model) ShortHelp() []key.Binding {
	k := m.c.Keys
	return []key.Binding{k.Select, k.BoardSearch, k.BoardTrade, k.BoardArea, k.BoardDay, k.BoardUrgent}
}

func (m *Model) FullHelp() [][]key.Binding {
	k := m.c.Keys
	return [][]key.Binding{
		{k.Up, k.Down, k.PgUp, k.PgDown, k.BoardHome, k.BoardEnd},
		{k.Select, k.BoardSearch, k.Back},
		{k.BoardTrade, k.BoardArea, k.BoardDay, k.BoardUrgent, k.BoardClear},
	}
}

func (m *Model) Capturing() bool { return m.typing }
func (m *Model) Dirty() bool     { return false }

// Selected is the job under the cursor (0 when the list is empty).
func (m *Model) Selected() int64 { return m.current() }

// current is the job under the cursor, or 0.
func (m *Model) current() int64 {
	if m.cursor < len(m.shown) {
		return m.all[m.shown[m.cursor]].job.ID
	}
	return 0
}
