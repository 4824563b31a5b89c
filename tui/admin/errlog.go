package admin

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store/oplog"
	"gigdesk/tui/common"
)

// errorsPane is the log's last internal errors, newest first: the code a clerk read out, when
// it happened and which operation failed, so the head can find it on the phone. Read-only;
// ↑↓ scroll.
type errorsPane struct {
	*desk
	rows   []oplog.Entry
	top    int
	loaded bool
}

// errorsShown bounds what the section reads from the log.
const errorsShown = 100

func newErrorsPane(d *desk) *errorsPane { return &errorsPane{desk: d} }

func (p *errorsPane) load() tea.Cmd {
	p.req++
	req, log := p.req, p.c.Log
	return func() tea.Msg {
		return paneMsg{to: secErrors, req: req, v: log.Recent(errorsShown)}
	}
}

func (p *errorsPane) changed() tea.Cmd { return nil }

func (p *errorsPane) leave() {}

func (p *errorsPane) update(msg tea.Msg) (tea.Cmd, bool) {
	pm := msg.(paneMsg)
	if rows, ok := pm.v.([]oplog.Entry); ok && pm.req == p.req {
		p.rows, p.loaded = rows, true
		p.top = min(p.top, max(len(p.rows)-1, 0))
	}
	return nil, true
}

func (p *errorsPane) key(msg tea.KeyMsg) tea.Cmd {
	k := p.c.Keys
	switch {
	case key.Matches(msg, k.Up):
		p.top = max(p.top-1, 0)
	case key.Matches(msg, k.Down):
		p.top = min(p.top+1, max(len(p.rows)-1, 0))
	}
	return nil
}

func (p *errorsPane) view(w, h int) string {
	t := p.c.T
	if !p.loaded {
		return t("admin.errors.loading")
	}
	if len(p.rows) == 0 {
		return t("admin.errors.none")
	}
	row := func(code, when, op, cause string) string {
		return common.Cell(code, 8) + common.Cell(when, 16) + common.Cell(op, 20) + cause
	}
	lines := []string{t("admin.errors.intro"), p.c.Styles.Subtle.Render(row(t("admin.errors.code"), t("admin.errors.time"), t("admin.errors.op"), t("admin.errors.cause")))}
	loc := p.c.Store.Location()
	for _, e := range p.rows[p.top:] {
		op := e.Op
		if op == "" {
			op = "-"
		}
		lines = append(lines, row(e.Code, e.Time.In(loc).Format("01-02 15:04:05"), op, e.Cause))
	}
	return fit(lines, w, h)
}

func (p *errorsPane) help() []key.Binding { return []key.Binding{p.c.Keys.Up, p.c.Keys.Down} }

func (p *errorsPane) capturing() bool { return false }

func (p *errorsPane) dirty() bool { return false }
