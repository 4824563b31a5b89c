package self

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"gigdesk/store"
)

// What each step shows: its blocks, top to bottom. View draws them and taps are found in them.

// buttonHeight is a button row's height: taller on a tall screen, so a finger finds it.
func (m *Model) buttonHeight() int {
	if m.height >= 40 {
		return 5
	}
	return 3
}

func (m *Model) blocks() []block {
	var body []block
	switch m.step {
	case stepPhone:
		body = m.keypadBlocks(m.c.T("self.phone.ask"), phoneShape(m.digits), button{label: m.c.T("self.key.new"), act: actNew})
	case stepPIN:
		body = m.keypadBlocks(m.c.T("self.pin.ask"), pinShape(m.digits), m.backButton())
	case stepMenu:
		body = m.menuBlocks()
	case stepJobs, stepMine:
		body = m.listBlocks()
	case stepJob:
		body = m.jobBlocks()
	case stepDone:
		body = m.doneBlocks()
	default:
		body = m.regBlocks()
	}
	out := append([]block{text(m.titleLine(), "")}, body...)
	return append(out, text(m.c.Styles.Subtle.Render(m.hint())))
}

func (m *Model) hint() string {
	if m.step == stepRegName || m.step == stepRegPlace {
		return m.c.T("self.hint.type")
	}
	return m.c.T("self.hint")
}

// titleLine is the terminal's name and the time, across the frame.
func (m *Model) titleLine() string {
	f := frameOf(m.width)
	left := " " + m.c.T("self.title")
	right := m.c.Clock().Format("15:04") + " "
	gap := max(f.width-lipgloss.Width(left)-lipgloss.Width(right), 1)
	return m.c.Styles.KioskTitle.Render(left + strings.Repeat(" ", gap) + right)
}

// message is the line under the question: a refusal, a note, or nothing.
func (m *Model) message() string {
	switch {
	case m.busy:
		return m.c.Styles.Subtle.Render(m.c.T("self.working"))
	case m.msgErr:
		return m.c.Styles.Error.Render(m.msg)
	}
	return m.c.Styles.Good.Render(m.msg)
}

func (m *Model) backButton() button {
	return button{label: m.c.T("self.key.back"), act: actBack, key: "esc"}
}

// keypadBlocks is a question answered with digits: the number big, the keys, and one more
// button under them.
func (m *Model) keypadBlocks(question, shape string, extra button) []block {
	st := m.c.Styles
	h := m.buttonHeight()
	out := []block{text(st.KioskRow.Render(question)), text(m.centred(big(shape))...), text(m.message())}
	for _, r := range [][]int64{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}} {
		var bs []button
		for _, n := range r {
			bs = append(bs, button{label: strconv.FormatInt(n, 10), key: strconv.FormatInt(n, 10), act: actDigit, n: n})
		}
		out = append(out, row(h, bs...))
	}
	out = append(out, row(h,
		button{label: m.c.T("self.key.del"), key: "backspace", act: actDel},
		button{label: "0", key: "0", act: actDigit, n: 0},
		button{label: m.c.T("self.key.ok"), key: "enter", act: actOK}))
	return append(out, row(h, extra))
}

func (m *Model) menuBlocks() []block {
	st := m.c.Styles
	h := m.buttonHeight() + 2
	return []block{
		text(st.KioskRow.Render(m.c.T("self.hello", m.who)), "", m.message()),
		row(h, button{label: "1  " + m.c.T("self.menu.signin"), key: "1", act: actSignIn},
			button{label: "2  " + m.c.T("self.menu.jobs"), key: "2", act: actJobs}),
		row(h, button{label: "3  " + m.c.T("self.menu.requests"), key: "3", act: actMine},
			button{label: "0  " + m.c.T("self.key.exit"), key: "0", act: actExit}),
	}
}

// perPage is how many job tiles fit between the list's head and its buttons.
func (m *Model) perPage() int {
	return max((m.height-5-m.buttonHeight())/m.tileHeight(), 1)
}

func (m *Model) tileHeight() int {
	if m.height >= 40 {
		return 6
	}
	return 4
}

func (m *Model) pages() int {
	switch m.step {
	case stepRegPlace:
		return m.placePages()
	}
	return max((len(m.jobs)+m.perPage()-1)/m.perPage(), 1)
}

func (m *Model) listBlocks() []block {
	st := m.c.Styles
	title, none := m.c.T("self.jobs.title"), m.c.T("self.jobs.none")
	if m.mine {
		title, none = m.c.T("self.requests.title"), m.c.T("self.requests.none")
	}
	head := st.KioskRow.Render(title)
	if m.pages() > 1 {
		head += "  " + st.Subtle.Render(m.c.T("self.jobs.page", m.page+1, m.pages()))
	}
	out := []block{text(head)}
	if len(m.jobs) == 0 {
		out = append(out, text("", st.KioskRow.Render(none), ""))
	}
	n := m.perPage()
	for i := m.page * n; i < min((m.page+1)*n, len(m.jobs)); i++ {
		k := strconv.Itoa(i - m.page*n + 1)
		label, sub := m.jobLines(m.jobs[i])
		out = append(out, row(m.tileHeight(), button{label: k + "  " + label, sub: sub, key: k, act: actJob, n: int64(i)}))
	}
	out = append(out, text(m.message()))
	return append(out, row(m.buttonHeight(), m.navButtons()...))
}

// navButtons are the list's page turns (those that lead somewhere) and Back.
func (m *Model) navButtons() []button {
	var bs []button
	if m.page > 0 {
		bs = append(bs, button{label: m.c.T("self.key.prev"), act: actPrev, key: "pgup"})
	}
	if m.page < m.pages()-1 {
		bs = append(bs, button{label: m.c.T("self.key.more"), act: actMore, key: "pgdown"})
	}
	return append(bs, m.backButton())
}

// jobLines are a job's two lines: what, where, when and the pay; then why it fits, how many
// are wanted and whether the worker asked. Nothing of the employer but what the door shows.
func (m *Model) jobLines(j store.JobForMe) (string, string) {
	c := m.c
	trade := c.Cat.TradeName(m.rec, j.TradeID)
	when := c.Cat.WhenEnd(j.StartsAt.In(c.Store.Location()), j.Duration, c.Clock())
	label := strings.Join([]string{trade, m.rec.PlaceName(j.CommunityID), when, c.Cat.Pay(j.PayFen, j.PayUnit)}, " · ")
	var why []string
	if !m.mine {
		key := "self.why.own"
		if j.Related {
			key = "self.why.related"
		}
		why = append(why, c.T(key, trade), c.T("self.near."+strconv.Itoa(int(j.Near))))
	}
	why = append(why, c.T("self.job.wanted", j.Wanted()))
	if !j.Asked.IsZero() {
		why = append(why, c.T("self.job.asked", j.Asked.In(c.Store.Location()).Format("15:04")))
	}
	return label, strings.Join(why, " · ")
}

func (m *Model) jobBlocks() []block {
	st := m.c.Styles
	label, sub := m.jobLines(m.job)
	act := button{label: m.c.T("self.ask"), act: actAsk, key: "enter"}
	if !m.job.Asked.IsZero() {
		act = button{label: m.c.T("self.withdraw"), act: actWithdraw, key: "enter"}
	}
	var lines []string
	for _, part := range strings.Split(label, " · ") {
		lines = append(lines, st.KioskRow.Render(part))
	}
	lines = append(lines, st.Subtle.Render(sub), "", m.message())
	return []block{text(lines...), row(m.buttonHeight()+2, act, m.backButton())}
}

func (m *Model) doneBlocks() []block {
	box := m.c.Styles.App.Border(lipgloss.ThickBorder()).Padding(1, 4).Render(m.c.Styles.KioskPay.Render(m.done))
	return []block{text(""), text(m.centred(strings.Split(box, "\n"))...), text(""),
		row(m.buttonHeight(), button{label: m.c.T("self.key.done"), act: actDone, key: "enter"})}
}

// centred pads lines to sit in the middle of the frame.
func (m *Model) centred(lines []string) []string {
	f := frameOf(m.width)
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = strings.Repeat(" ", max((f.width-lipgloss.Width(l))/2, 0)) + l
	}
	return out
}
