package admin

import (
	"strings"

	"gigdesk/store"
	"gigdesk/tui/common"
)

// view is the host key to check, the counters in a table that uses the width, and the question.
func (p *countersPane) view(w, h int) string {
	p.width = w
	s := p.c.Styles
	var b strings.Builder
	lines := common.Wrap(p.c.T("admin.counter.no_host"), w)
	if p.c.HostKey != "" {
		lines = common.Wrap(p.c.T("admin.counter.host", p.c.HostKey), w)
	}
	lines = append(lines, common.Wrap(p.c.T("admin.counter.how"), w)...)
	b.WriteString(s.Subtle.Render(strings.Join(lines, "\n")) + "\n\n")
	if len(p.list) == 0 {
		b.WriteString(s.Subtle.Render(p.c.T("admin.counter.none")) + "\n")
	} else {
		p.table(&b, w, max(h-len(lines)-4, 3))
	}
	if p.ask != nil {
		b.WriteString("\n" + p.ask.View() + "\n")
	}
	return b.String()
}

// table draws the counters with a header, the one under the cursor marked, the revoked dimmed.
func (p *countersPane) table(b *strings.Builder, w, rows int) {
	s := p.c.Styles
	head := []string{p.c.T("admin.counter.col.name"), p.c.T("admin.counter.col.kind"), p.c.T("admin.counter.col.key"),
		p.c.T("admin.counter.col.added"), p.c.T("admin.counter.col.seen"), p.c.T("admin.counter.col.state")}
	cells := make([][]string, len(p.list))
	for i, c := range p.list {
		cells[i] = p.cells(c)
	}
	cols := make([]common.Column, len(head))
	for i := range cols {
		cols[i].Fit(head[i])
		for _, r := range cells {
			cols[i].Fit(r[i])
		}
		cols[i].Min = cols[i].Need
	}
	// the fingerprint gives way first: its start (SHA256:AYtf3cCu9…) is enough to tell keys apart
	cols[2].Min = min(cols[2].Need, 16)
	cols[0].Min = min(cols[0].Need, 12)
	gap := 2
	if w < 100 {
		gap = 1 // six columns in 80: a space between them
	}
	widths := common.Layout(cols, w-1, gap)
	line := func(r []string) string {
		out := make([]string, len(r))
		for i, t := range r {
			out[i] = common.Cell(t, widths[i])
		}
		return " " + strings.Join(out, strings.Repeat(" ", gap))
	}
	b.WriteString(s.Label.Render(line(head)) + "\n")
	top := max(0, p.cursor-rows+1)
	for i := top; i < len(p.list) && i < top+rows; i++ {
		l := line(cells[i])
		switch {
		case i == p.cursor && p.ask == nil:
			l = s.RowActive.Render(l)
		case p.list[i].Revoked():
			l = s.Subtle.Render(l)
		}
		b.WriteString(l + "\n")
	}
}

// cells is one counter's row: name, kind (and language), key, who added it when, last seen, state.
func (p *countersPane) cells(c store.Counter) []string {
	loc, now := p.c.Store.Location(), p.c.Clock()
	kind := kindWords(p.c, c.Kind)
	if c.Lang != "" {
		kind += " · " + p.c.T("admin.counter.lang."+c.Lang)
	}
	added := c.AddedBy
	if c.FromFile {
		added = p.c.T("admin.counter.from_file")
	}
	added += " " + c.AddedAt.In(loc).Format("01-02")
	seen := p.c.T("admin.counter.never")
	if !c.LastSeen.IsZero() {
		seen = p.c.Cat.When(c.LastSeen.In(loc), now)
	}
	state := p.c.T("admin.counter.allowed")
	if c.Revoked() {
		state = p.c.T("admin.counter.revoked_on", c.RevokedAt.In(loc).Format("01-02 15:04"))
	}
	return []string{c.Name, kind, c.Fingerprint, added, seen, state}
}
