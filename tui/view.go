package tui

import (
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"gigdesk/tui/common"
)

// View draws the header, the tabs, the body (the active screen, or the root's own dialogs)
// and the footer; it renders only what the model holds.
func (m *Model) View() string {
	if m.width < MinWidth || m.height < MinHeight {
		return m.c.Styles.Warning.Render(m.c.T("screen.too_small", m.width, m.height))
	}
	header := m.headerView()
	tabs := m.tabsView()
	body := fit(m.bodyView(m.height-chrome), m.width, m.height-chrome)
	return header + "\n" + tabs + "\n" + body + "\n" + m.footerView()
}

// bodyView is what shows between the tabs and the footer, h rows high.
func (m *Model) bodyView(h int) string {
	switch {
	case m.fatal != "":
		return lipgloss.NewStyle().Padding(1, 2).Render(m.c.Styles.Error.Render(m.fatal))
	case m.confirm:
		return lipgloss.Place(m.width, h, lipgloss.Center, lipgloss.Center,
			m.c.Styles.Dialog.Render(lipgloss.NewStyle().Width(min(50, m.width-10)).Render(m.c.T("quit.confirm"))))
	case m.showHelp:
		return m.helpView()
	case m.active() != nil:
		return m.active().View()
	}
	return lipgloss.NewStyle().Padding(1, 2).Render(m.c.Styles.Subtle.Render(m.c.T("status.loading")))
}

// fit pads or cuts a block to exactly w×h cells so the chrome never moves.
func fit(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		if lipgloss.Width(l) > w {
			lines[i] = ansi.Truncate(l, w, "…")
		}
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// headerView is the station's name on the left, who is on duty and the time on the right.
func (m *Model) headerView() string {
	s := m.c.Styles
	now := m.c.Clock()
	name := m.c.Settings.StationName
	if name == "" {
		name = m.c.T("app.name")
	}
	left := s.Station.Render(name)
	if m.c.Demo {
		left += " " + s.Demo.Render(" "+m.c.T("app.demo")+" ")
	}
	duty := m.c.T("app.nobody")
	if m.c.Staff.ID != 0 {
		duty = m.c.T("app.on_duty", m.c.Staff.Name)
	}
	right := duty + "  " + m.c.Cat.Date(now) + " " + now.Format("15:04")
	gap := m.width - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 1 {
		left = ansi.Truncate(left, max(m.width-lipgloss.Width(right)-1, 1), "…")
		gap = max(m.width-lipgloss.Width(left)-lipgloss.Width(right), 1)
	}
	return s.Header.Render(left + strings.Repeat(" ", gap) + right)
}

// tabLabels are the tab texts as drawn: "F1 登记".
func (m *Model) tabLabels() []string {
	labels := make([]string, common.PageCount)
	for p := range common.PageCount {
		labels[p] = common.FKeys[p] + " " + m.c.T(common.TabKeys[p])
	}
	return labels
}

// tabAt finds the tab drawn at column x.
func (m *Model) tabAt(x int) (common.Page, bool) {
	pos := 0
	for p, l := range m.tabLabels() {
		w := lipgloss.Width(m.c.Styles.Tab.Render(l))
		if x >= pos && x < pos+w {
			return common.Page(p), true
		}
		pos += w + 1
	}
	return 0, false
}

func (m *Model) tabsView() string {
	s := m.c.Styles
	var parts []string
	for p, l := range m.tabLabels() {
		if m.mode == modeMain && common.Page(p) == m.page {
			parts = append(parts, s.TabActive.Render(l))
		} else {
			parts = append(parts, s.Tab.Render(l))
		}
	}
	return s.TabBar.Width(m.width).Render(strings.Join(parts, " "))
}

// StatusFor is how long a status stays in the footer.
const StatusFor = 30 * time.Second

// footerView is the status line (the latest status for StatusFor, the database path) and
// the keys line.
func (m *Model) footerView() string {
	s := m.c.Styles
	// the file, or host/dbname on PostgreSQL
	path := m.c.T("app.db", m.c.Store.Where())
	where := "" // over SSH: which counter this is, before the station's database
	if m.c.Counter != "" {
		where = m.c.T("footer.counter", m.c.Counter) + " · "
	}
	status := ""
	if m.status != "" && m.statusOn == m.here() && m.c.Now().Sub(m.statusAt) < StatusFor {
		if m.statusErr {
			status = s.StatusErr.Render(m.status)
		} else {
			status = s.StatusOK.Render(m.status)
		}
	}
	// the database path always shows, at least its last cells: a long status gives way first
	keep := min(lipgloss.Width(path), max(m.width/3, 24)) + lipgloss.Width(where)
	status = ansi.Truncate(status, m.width-keep-2, "…")
	room := m.width - lipgloss.Width(status) - lipgloss.Width(where) - 2
	if lipgloss.Width(path) > room {
		path = "…" + ansi.TruncateLeft(path, lipgloss.Width(path)-room+1, "")
	}
	path = where + path
	line := status + strings.Repeat(" ", max(m.width-lipgloss.Width(status)-lipgloss.Width(path), 0)) + s.Path.Render(path)
	return line + "\n" + ansi.Truncate(m.help.ShortHelpView(m.shortHelp()), m.width, "…")
}
