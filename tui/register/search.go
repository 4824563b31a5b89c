package register

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"gigdesk/store"
	"gigdesk/store/valid"
	"gigdesk/tui/common"
)

// debounce is how long typing in the search box rests before the search runs.
const debounce = 120 * time.Millisecond

// searchLimit is how many workers one search shows.
const searchLimit = 50

// searchTickMsg is the debounce ending for the query typed by request id.
type searchTickMsg struct {
	id    int
	query string
}

// searchModel is the search box and the list under it: the workers found, or today's
// sign-ins (today.go) while nothing is typed. One cursor walks whichever list shows.
type searchModel struct {
	c       *common.Common
	input   textinput.Model
	id      int
	query   string // the query the results answer
	results []store.Worker
	present map[int64]bool
	todayID int
	today   []store.Presence
	cursor  int
	offset  int
	err     string
	clicks  common.RowClick

	width, height int
}

func newSearch(c *common.Common) searchModel {
	in := common.NewBox(40, c.T("reg.search.placeholder"))
	in.Focus()
	return searchModel{c: c, input: in, width: 80, height: 19}
}

func (s *searchModel) setSize(w, h int) {
	s.width, s.height = w, h
	s.input.Width = max(w-lipgloss.Width(s.c.T("reg.search.label"))-6, 10)
}

// searchWant is what a key on the search view asks of the screen.
type searchWant int

const (
	searchStays    searchWant = iota
	searchNewForm             // Ctrl+N: a new registration
	searchOpenPage            // Enter: the selected worker's page
	searchVisit               // Ctrl+E: a service visit for the selected worker (or anonymous)
)

func (s *searchModel) key(msg tea.KeyMsg) (tea.Cmd, searchWant) {
	k := s.c.Keys
	switch {
	case key.Matches(msg, keyNew):
		return nil, searchNewForm
	case key.Matches(msg, k.Down):
		s.moveTo(s.cursor + 1)
	case key.Matches(msg, k.Up):
		s.moveTo(s.cursor - 1)
	case key.Matches(msg, k.PgDown):
		s.moveTo(s.cursor + s.rows())
	case key.Matches(msg, k.PgUp):
		s.moveTo(s.cursor - s.rows())
	case key.Matches(msg, k.Select):
		if s.selected() != 0 {
			return nil, searchOpenPage
		}
	case key.Matches(msg, keySignIn):
		return signInCmd(s.c, s.selected(), s.selectedName()), searchStays
	case key.Matches(msg, keySignOut):
		return signOutCmd(s.c, s.selected(), s.selectedName()), searchStays
	case key.Matches(msg, keyVisit):
		return nil, searchVisit
	case key.Matches(msg, k.Back):
		s.input.SetValue("")
		s.cursor = 0
		return s.research(), searchStays
	default:
		return s.typed(msg), searchStays
	}
	return nil, searchStays
}

// typed puts a key into the search box; a changed query is searched once typing rests.
func (s *searchModel) typed(msg tea.KeyMsg) tea.Cmd {
	before := s.input.Value()
	if msg.Type == tea.KeyRunes {
		msg.Runes = []rune(valid.KeyText(string(msg.Runes)))
	}
	var cmd tea.Cmd
	s.input, cmd = s.input.Update(msg)
	if v := s.input.Value(); v != before {
		if clean := valid.Typing(v); clean != v {
			s.input.SetValue(clean)
		}
		s.id++
		s.cursor = 0
		if strings.TrimSpace(s.input.Value()) == "" {
			s.results, s.query = nil, ""
			return cmd
		}
		id, q := s.id, s.input.Value()
		return tea.Batch(cmd, common.Tick(s.c.Ctx, debounce, func(time.Time) tea.Msg { return searchTickMsg{id: id, query: q} }))
	}
	return cmd
}

// updateInput hands the search box a message that is not a key (a cursor blink).
func (s *searchModel) updateInput(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	s.input, cmd = s.input.Update(msg)
	return cmd
}

// research runs the current query again at once (after a change).
func (s *searchModel) research() tea.Cmd {
	s.id++
	if strings.TrimSpace(s.input.Value()) == "" {
		s.results, s.query = nil, ""
		return nil
	}
	return searchCmd(s.c, s.id, s.input.Value())
}

func (s *searchModel) onTick(msg searchTickMsg) tea.Cmd {
	if msg.id != s.id {
		return nil // typing went on: a newer search is coming
	}
	return searchCmd(s.c, msg.id, msg.query)
}

func (s *searchModel) onResults(msg searchMsg) {
	if msg.id != s.id {
		return
	}
	s.err = s.c.Cat.Err(msg.err)
	s.results, s.present, s.query = msg.workers, msg.present, s.input.Value()
	s.cursor, s.offset = 0, 0
}

// blank is true while nothing is typed: the list is today's sign-ins.
func (s *searchModel) blank() bool { return strings.TrimSpace(s.input.Value()) == "" }

// list is the ids the view lists: the results, or today's sign-ins when nothing is typed.
func (s *searchModel) list() []int64 {
	var ids []int64
	if s.blank() {
		for _, p := range s.today {
			ids = append(ids, p.WorkerID)
		}
		return ids
	}
	for _, w := range s.results {
		ids = append(ids, w.ID)
	}
	return ids
}

func (s *searchModel) selected() int64 {
	ids := s.list()
	if s.cursor < len(ids) {
		return ids[s.cursor]
	}
	return 0
}

func (s *searchModel) selectedName() string { return s.listedName(s.selected()) }

// listedName is the name of worker id as the search results or today's sign-ins hold it.
func (s *searchModel) listedName(id int64) string {
	for _, w := range s.results {
		if w.ID == id {
			return w.Name
		}
	}
	for _, p := range s.today {
		if p.WorkerID == id {
			return p.Name
		}
	}
	return ""
}

func (s *searchModel) rows() int { return max(s.height-4, 3) }

// moveTo puts the cursor on row i of the list, within its bounds, and scrolls to it.
func (s *searchModel) moveTo(i int) {
	n := len(s.list())
	s.cursor = min(max(i, 0), max(n-1, 0))
	s.offset = common.ScrollOffset(s.cursor, s.offset, s.rows(), n)
}

// searchFirstRow is the body line of the list's first row: under the search box and the line
// that says what the list is.
const searchFirstRow = 2

// mouse: the wheel moves the cursor, a click picks the worker under it, a double click opens
// their page as Enter does.
func (s *searchModel) mouse(msg tea.MouseMsg) searchWant {
	n := len(s.list())
	offset := common.ScrollOffset(s.cursor, s.offset, s.rows(), n)
	move, row, open := s.clicks.Mouse(msg, searchFirstRow, offset, min(offset+s.rows(), n), s.c.Now())
	switch {
	case move != 0:
		s.moveTo(s.cursor + move)
	case row >= 0:
		s.moveTo(row)
		if open && s.selected() != 0 {
			return searchOpenPage
		}
	}
	return searchStays
}

func (s *searchModel) view() string {
	st := s.c.Styles
	var b strings.Builder
	b.WriteString(st.Label.Render(s.c.T("reg.search.label")) + " " + s.input.View() + "\n")
	typed := !s.blank()
	switch {
	case s.err != "":
		b.WriteString(st.Error.Render(s.err) + "\n")
	case typed && s.query == "" && len(s.results) == 0:
		b.WriteString(st.Subtle.Render(s.c.T("status.loading")) + "\n")
	case typed && len(s.results) == 0:
		b.WriteString(st.Subtle.Render(s.c.T("reg.search.none")) + "\n")
	case typed:
		line := s.c.T("reg.search.results", len(s.results))
		if len(s.results) == searchLimit {
			line += "  " + s.c.T("reg.search.more", searchLimit)
		}
		b.WriteString(st.Subtle.Render(line) + "\n")
	default:
		b.WriteString(s.todayHead())
	}
	var rows []string
	if typed {
		rows = s.resultRows()
	} else {
		rows = s.todayRows()
	}
	n := s.rows()
	// offset is kept by moveTo; this only guards a window that a resize made stale
	offset := common.ScrollOffset(s.cursor, s.offset, n, len(rows))
	end := min(offset+n, len(rows))
	for i := offset; i < end; i++ {
		row := ansi.Truncate(rows[i], s.width-1, "…")
		if i == s.cursor {
			row = st.RowActive.Render(ansi.Strip(row))
		}
		b.WriteString(row + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// resultRows are the lines of the workers found.
func (s *searchModel) resultRows() []string {
	st := s.c.Styles
	var rows []string
	for _, w := range s.results {
		status := s.c.T("reg.status." + string(w.Status))
		if s.present[w.ID] {
			status = st.Good.Render(s.c.T("reg.here"))
		} else if w.Status != store.Active {
			status = st.Warning.Render(status)
		}
		rows = append(rows, fmt.Sprintf("%s %s %s  %s  %s  %s", common.Cell(strconv.FormatInt(w.ID, 10), 6), common.Cell(w.Name, 10),
			valid.MaskPhone(w.Phone), common.Cell(status, 6), common.Cell(s.c.Records.PlaceName(w.CommunityID), 10), tradeNames(s.c, w.Trades)))
	}
	return rows
}
