package match

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"gigdesk/store"
	smatch "gigdesk/store/match"
	"gigdesk/store/valid"
	"gigdesk/tui/common"
)

// The job pane's rendering: the job's header, the candidate list with its columns and
// reasons, and the detail pane of the selected candidate's factors.

// view is the job with how far it is filled, its candidates and the selected one's factors.
func (p *jobPane) view() string {
	st := p.c.Styles
	if p.jobID == 0 {
		k := p.c.Keys
		keys := common.KeyBlock(st, []key.Binding{k.MatchJob, k.MatchWalkIn, k.MatchToday, k.MatchFollowUp, k.MatchPlan}, max(p.width-4, 20), "")
		return lipgloss.NewStyle().Padding(1, 2).Render(st.Title.Render(p.c.T("match.title")) + "\n\n" +
			lipgloss.NewStyle().Width(max(p.width-6, 20)).Render(p.c.T("match.intro")) + "\n\n" + keys)
	}
	if p.loadErr != "" {
		return st.Error.Render(p.c.T("match.job_no", p.jobID) + "  " + p.loadErr)
	}
	if p.ranking == nil {
		return st.Subtle.Render(p.c.T("status.loading"))
	}
	r := p.ranking
	j := r.Job
	head := st.Title.Render(p.jobLine(j))
	fill := p.c.T("match.filled", j.Filled, j.Headcount, p.c.T("match.status."+string(j.Status)))
	if j.Status == store.JobFilled {
		fill = st.Good.Render(fill)
	} else if !j.Open() {
		fill = st.Warning.Render(fill)
	}
	head += "\n" + fill + "  " + st.Subtle.Render(p.c.T("match.pool", len(r.Candidates), r.Pool))
	cands := p.visible()
	listW := p.width
	if p.wide() {
		listW = p.width - 44
	}
	cols := p.candColumns(listW)
	if p.wide() {
		cols = p.candColumns(listW - 1) // a cell between the reason and the detail box
	}
	lines := []string{p.candHeader(listW, cols)}
	if len(cands) == 0 {
		lines = append(lines, st.Subtle.Render(p.c.T("match.none")))
	}
	top, end := window(p.sel, len(cands), p.rows())
	for i := top; i < end; i++ {
		row := p.candRow(i, cands[i], listW, cols)
		if i == p.sel {
			row = st.RowActive.Render(row)
		}
		lines = append(lines, row)
	}
	list := strings.Join(lines, "\n")
	detail := ""
	if c, ok := p.selected(); ok {
		detail = p.detail(c)
	}
	if p.wide() {
		return head + "\n" + lipgloss.JoinHorizontal(lipgloss.Top, lipgloss.NewStyle().Width(listW).Render(list), st.Box.Width(40).Render(detail))
	}
	for len(lines) < p.rows()+1 {
		lines = append(lines, "")
	}
	return head + "\n" + strings.Join(lines, "\n") + "\n" + detail
}

// candCols are the widths of the candidate list's name, trades, community and reason columns.
type candCols struct{ name, trades, place, reason int }

// candColumns lays the list out with common.Layout: the number, idle days, reliability and
// score keep fixed widths; names, trades, communities and reasons grow to the widest the
// ranking holds, shorter texts first, so the longest (often the trades) is the one cut.
func (p *jobPane) candColumns(w int) candCols {
	t := p.c.T
	hw := func(key string) int { return lipgloss.Width(t(key)) }
	fixed := func(n int) common.Column { return common.Column{Min: n, Need: n} }
	cols := []common.Column{fixed(3),
		{Min: 7, Max: 14, Need: max(p.need.name, hw("match.col.name"))},
		{Min: 10, Max: 24, Need: max(p.need.trades, hw("match.col.trades"))},
		{Min: 8, Max: 24, Need: max(p.need.place, hw("match.col.place"))},
		fixed(5), fixed(5), fixed(16),
		{Min: 8, Need: max(p.need.reason, hw("match.col.reason"))}}
	ws := common.Layout(cols, w, 1)
	return candCols{name: ws[1], trades: ws[2], place: ws[3], reason: ws[7]}
}

// measureCandidates is how wide the ranking's names (with the present and call marks), trades,
// communities and reasons are; it runs when a ranking arrives, not in View.
func (p *jobPane) measureCandidates() candCols {
	var need candCols
	for _, c := range p.ranking.Candidates {
		info := p.ranking.Workers[c.WorkerID]
		need.name = max(need.name, lipgloss.Width(valid.MaskName(info.Name))+2)
		need.trades = max(need.trades, lipgloss.Width(p.candTrades(info)))
		need.place = max(need.place, lipgloss.Width(p.c.Records.PlaceName(info.CommunityID)))
		need.reason = max(need.reason, lipgloss.Width(p.reason(c, info)))
	}
	return need
}

func (p *jobPane) candTrades(info store.Candidate) string {
	var trades []string
	for _, t := range info.Trades {
		trades = append(trades, p.c.Cat.TradeName(p.c.Records, t.TradeID))
	}
	return strings.Join(trades, "/")
}

func (p *jobPane) candHeader(w int, cols candCols) string {
	h := common.Cell("#", 3) + " " + common.Cell(p.c.T("match.col.name"), cols.name) + " " + common.Cell(p.c.T("match.col.trades"), cols.trades) + " " +
		common.Cell(p.c.T("match.col.place"), cols.place) + " " + common.Cell(p.c.T("match.col.idle"), 5) + " " + common.Cell(p.c.T("match.col.reliable"), 5) + " " +
		common.Cell(p.c.T("match.col.score"), 16) + " " + common.Cell(p.c.T("match.col.reason"), cols.reason)
	return p.c.Styles.Label.Render(ansi.Truncate(h, w, "…"))
}

func (p *jobPane) candRow(i int, c smatch.Candidate, w int, cols candCols) string {
	st := p.c.Styles
	info := p.ranking.Workers[c.WorkerID]
	present := " "
	if info.Match.PresentToday {
		present = "●"
	}
	name := present + p.nameOf(c.WorkerID, info)
	switch p.outcome[c.WorkerID] {
	case store.NoAnswer:
		name += "?"
	case store.Declined:
		name += "×"
	case store.Accepted:
		name += "✓"
	}
	rel := p.reliability(c, info)
	bar := p.bar(c.Score, p.maxScore(), 10) + fmt.Sprintf(" %3d", c.Score)
	row := common.Cell(fmt.Sprint(i+1), 3) + " " + common.Cell(name, cols.name) + " " + common.Cell(p.candTrades(info), cols.trades) + " " +
		common.Cell(p.c.Records.PlaceName(info.CommunityID), cols.place) + " " + common.Cell(idleText(p.c, info), 5) + " " + common.Cell(rel, 5) + " " +
		common.Cell(st.Bar.Render(bar), 16) + " " + common.Cell(p.reason(c, info), cols.reason)
	return ansi.Truncate(row, w, "…")
}

// maxScore is the most any candidate can score with the station's weights.
func (p *jobPane) maxScore() int { return topScore(p.ranking.Weights) }

// reliability shows the completion rate, or "new" before there is a record to judge.
func (p *jobPane) reliability(c smatch.Candidate, info store.Candidate) string {
	if info.Match.Dispatches < smatch.MinDispatchesForRecord {
		return p.c.T("match.new")
	}
	return fmt.Sprintf("%d%%", 100*info.Match.Completed/info.Match.Dispatches)
}

func points(c smatch.Candidate, key string) int {
	for _, f := range c.Factors {
		if f.Key == key {
			return f.Points
		}
	}
	return 0
}

// reason is the one line saying why this worker ranks where they do.
func (p *jobPane) reason(c smatch.Candidate, info store.Candidate) string {
	why := whyText(p.c, p.ranking.Weights, c, info)
	if at, ok := p.ranking.Asked[c.WorkerID]; ok { // asked at the self-service terminal: first, so it shows
		why = p.c.T("match.why.asked", at.Format("15:04")) + "·" + why
	}
	return why
}

// whyText is reason for any list of candidates ranked with weights wt (the plan's pick list too).
func whyText(cc *common.Common, wt smatch.Weights, c smatch.Candidate, info store.Candidate) string {
	var parts []string
	if c.Requested {
		parts = append(parts, cc.T("match.why.requested"))
	}
	if c.Related {
		parts = append(parts, cc.T("match.why.related"))
	}
	switch d := points(c, smatch.KeyDistance); {
	case wt.Distance > 0 && d == wt.Distance:
		parts = append(parts, cc.T("match.why.community"))
	case wt.Distance > 0 && d == wt.Distance*2/3 && d > 0:
		parts = append(parts, cc.T("match.why.subdistrict"))
	}
	if points(c, smatch.KeyPresent) > 0 {
		parts = append(parts, cc.T("match.why.present"))
	}
	if info.Match.LastDispatch.IsZero() {
		parts = append(parts, cc.T("match.why.new")) // not "idle 14 days" for someone registered today
	} else if info.IdleDays >= 7 {
		parts = append(parts, cc.T("match.why.idle", info.IdleDays))
	}
	if points(c, smatch.KeyPriority) > 0 {
		parts = append(parts, cc.T("match.why.priority"))
	}
	if wt.Pay > 0 && points(c, smatch.KeyPay) == 0 {
		parts = append(parts, cc.T("match.why.pay_low"))
	}
	if info.Match.DispatchesLast7 >= 3 {
		parts = append(parts, cc.T("match.why.busy_week", info.Match.DispatchesLast7))
	}
	if len(parts) == 0 {
		parts = append(parts, cc.T("match.why.trade"))
	}
	return strings.Join(parts, "·")
}

// detail is every factor's points for the selected candidate, with their phone if revealed.
func (p *jobPane) detail(c smatch.Candidate) string {
	st := p.c.Styles
	info := p.ranking.Workers[c.WorkerID]
	wt := p.ranking.Weights
	most := map[string]int{smatch.KeyTrade: wt.Trade, smatch.KeyExperience: wt.Experience, smatch.KeyPresent: wt.Present,
		smatch.KeyDistance: wt.Distance, smatch.KeyPay: wt.Pay, smatch.KeyReliability: wt.Reliability,
		smatch.KeyRotation: wt.Rotation, smatch.KeyPriority: wt.Priority, smatch.KeyRequested: wt.Requested,
		smatch.KeyAsked: wt.Asked, smatch.KeyAvailable: wt.Available}
	phone := valid.MaskPhone(info.Phone)
	if p, ok := p.revealed[c.WorkerID]; ok {
		phone = p
	}
	head := st.Label.Render(p.c.T("match.detail", c.WorkerID, p.nameOf(c.WorkerID, info), phone, c.Score))
	var parts []string
	for _, f := range c.Factors {
		if most[f.Key] == 0 {
			continue // weighed 0 (as asked and reliability are by default) it plays no part in the score
		}
		part := fmt.Sprintf("%s %d/%d", p.c.T("match.factor."+f.Key), f.Points, most[f.Key])
		if f.Key == smatch.KeyRotation {
			worked := "match.factor.worked_short" // what rotation counts; two lines hold every factor at 80 columns
			if p.wide() {
				worked = "match.factor.worked"
			}
			part += p.c.T(worked, smatch.WorkedWindowDays, info.Match.DaysWorked30)
		}
		parts = append(parts, part)
	}
	if p.wide() {
		return head + "\n" + strings.Join(parts, "\n") + "\n" + st.Subtle.Render(p.reason(c, info))
	}
	// narrow: the reasons column is cut in the list, so the selected worker's reasons sit whole
	// beside their score
	head = ansi.Truncate(head+"  "+st.Subtle.Render(p.reason(c, info)), p.width, "…")
	half := (len(parts) + 1) / 2
	return head + "\n" + ansi.Truncate(strings.Join(parts[:half], "  "), p.width, "…") + "\n" + ansi.Truncate(strings.Join(parts[half:], "  "), p.width, "…")
}

// idleText is the days a worker has waited since their last dispatch, or that they never had one.
func idleText(c *common.Common, info store.Candidate) string {
	if info.Match.LastDispatch.IsZero() {
		return c.T("match.idle.never")
	}
	return c.T("match.days", info.IdleDays)
}

// nameOf is a candidate's name: masked, as on every screen others can see, until the
// dispatcher reveals it with the phone to call them (v, audited).
func (p *jobPane) nameOf(w int64, info store.Candidate) string {
	if n, ok := p.names[w]; ok {
		return n
	}
	return valid.MaskName(info.Name)
}

// candFirstRow is the body line of the first candidate: under the job, its filling and the head.
const candFirstRow = 3

// mouse: a click picks the candidate under it (their factors show in the detail), the wheel
// moves the selection.
func (p *jobPane) mouse(msg tea.MouseMsg) tea.Cmd {
	cands := p.visible()
	top, end := window(p.sel, len(cands), p.rows())
	move, row, _ := p.clicks.Mouse(msg, candFirstRow, top, end, p.c.Now())
	common.Pick(&p.sel, len(cands), move, row, false)
	return nil
}
