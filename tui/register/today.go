package register

import (
	"fmt"
	"strconv"

	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store/valid"
	"gigdesk/tui/common"
)

// Today's sign-ins: the list the search view shows while nothing is typed, with who is
// still here and who has signed out.

// loadToday asks for today's sign-ins; an answer to an older request is dropped.
func (s *searchModel) loadToday() tea.Cmd {
	s.todayID++
	return todayCmd(s.c, s.todayID)
}

func (s *searchModel) onToday(msg todayMsg) {
	if msg.id != s.todayID {
		return
	}
	if msg.err != nil {
		s.err = s.c.Cat.Err(msg.err)
	}
	s.today = msg.list
	s.moveTo(s.cursor)
}

// todayHead is the line over today's list: how many signed in, how many are here.
func (s *searchModel) todayHead() string {
	st := s.c.Styles
	here := 0
	for _, p := range s.today {
		if p.Here() {
			here++
		}
	}
	head := st.Title.Render(s.c.T("reg.today.title", len(s.today), here)) + "\n"
	if len(s.today) == 0 {
		head += st.Subtle.Render(s.c.T("reg.today.none")) + "\n"
	}
	return head
}

// todayRows are the lines of today's arrivals.
func (s *searchModel) todayRows() []string {
	st := s.c.Styles
	loc := s.c.Store.Location()
	var rows []string
	for _, p := range s.today {
		out := ""
		if !p.Here() {
			out = s.c.T("reg.col.out") + " " + p.OutAt.In(loc).Format("15:04")
		} else {
			out = st.Good.Render(s.c.T("reg.here"))
		}
		rows = append(rows, fmt.Sprintf("%s %s  %s  %s  %s  %s", common.Cell(strconv.FormatInt(p.WorkerID, 10), 6),
			p.InAt.In(loc).Format("15:04"), common.Cell(p.Name, 10), valid.MaskPhone(p.Phone), out, tradeNames(s.c, p.Trades)))
	}
	return rows
}
