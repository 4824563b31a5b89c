package self

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/store/valid"
)

// ExitWithin: staff leave the terminal with Ctrl+Q twice this soon; no other key ends it.
const ExitWithin = 2 * time.Second

func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		return m, nil
	case tickMsg:
		m.idle()
		return m, m.tick()
	case catalogMsg:
		if msg.err == nil {
			m.rec = msg.rec
		}
		return m, nil
	case tea.KeyMsg:
		return m, m.key(msg)
	case tea.MouseMsg:
		return m, m.mouse(msg)
	}
	return m, m.answer(msg)
}

// touched notes a key or a tap: the idle clear counts from the last one.
func (m *Model) touched() { m.lastSeen = m.c.Now() }

func (m *Model) mouse(msg tea.MouseMsg) tea.Cmd {
	if msg.Button != tea.MouseButtonLeft || msg.Action != tea.MouseActionRelease {
		return nil
	}
	m.touched()
	if m.step == stepDone {
		m.clear() // a tap anywhere: the result was read
		return nil
	}
	b, ok := hit(m.blocks(), frameOf(m.width), msg.X, msg.Y)
	if !ok {
		return nil
	}
	return m.press(b)
}

func (m *Model) key(msg tea.KeyMsg) tea.Cmd {
	m.touched()
	if msg.Type == tea.KeyCtrlQ {
		return m.exitKey()
	}
	if cmd, ok := m.typing(msg); ok {
		return cmd
	}
	if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 { // a paste, or a fast typist: one key at a time
		var cmds []tea.Cmd
		for _, r := range msg.Runes {
			cmds = append(cmds, m.key(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}}))
		}
		return tea.Batch(cmds...)
	}
	bs := buttonsOf(m.blocks())
	k := msg.String()
	for _, b := range bs {
		if b.key != "" && b.key == k {
			return m.press(b)
		}
	}
	switch k {
	case "up", "left", "shift+tab":
		m.focus = (m.focus - 1 + len(bs)) % max(len(bs), 1)
	case "down", "right", "tab":
		m.focus = (m.focus + 1) % max(len(bs), 1)
	case "enter", " ":
		if m.focus >= 0 && m.focus < len(bs) {
			return m.press(bs[m.focus])
		}
	case "esc":
		return m.press(button{act: actBack})
	case "pgdown":
		return m.press(button{act: actMore})
	case "pgup":
		return m.press(button{act: actPrev})
	}
	return nil
}

// exitKey quits on the second Ctrl+Q within ExitWithin.
func (m *Model) exitKey() tea.Cmd {
	now := m.c.Now()
	if !m.armed.IsZero() && now.Sub(m.armed) <= ExitWithin {
		return tea.Quit
	}
	m.armed = now
	return nil
}

// press does what a button (tapped, its key pressed, or focused and Enter) says.
func (m *Model) press(b button) tea.Cmd {
	if m.busy {
		return nil
	}
	m.msg, m.msgErr = "", false
	switch b.act {
	case actDigit, actDel, actOK:
		return m.keypad(b)
	case actBack:
		return m.back()
	case actExit, actDone:
		m.clear()
	case actNew:
		m.step, m.digits, m.focus = stepRegName, "", 0
		m.name.Focus()
	case actSignIn:
		return m.signIn()
	case actJobs, actMine:
		return m.loadJobs(b.act == actMine)
	case actJob:
		if int(b.n) < len(m.jobs) {
			m.job, m.step, m.focus = m.jobs[b.n], stepJob, 0
		}
	case actPrev:
		m.turn(-1)
	case actMore:
		m.turn(1)
	case actAsk, actWithdraw:
		return m.ask(m.job.ID, b.act == actWithdraw)
	default:
		return m.regPress(b)
	}
	return nil
}

// keypad types a digit, deletes one, or takes the number typed.
func (m *Model) keypad(b button) tea.Cmd {
	limit := 11
	if m.step == stepPIN {
		limit = store.SelfPINLen
	}
	switch b.act {
	case actDigit:
		if len(m.digits) < limit {
			m.digits += string(rune('0' + b.n))
		}
		if m.step == stepPIN && len(m.digits) == limit {
			return m.keypad(button{act: actOK}) // the fourth digit signs in
		}
	case actDel:
		if m.digits != "" {
			m.digits = m.digits[:len(m.digits)-1]
		}
	case actOK:
		return m.entered()
	}
	return nil
}

// entered takes the phone or PIN typed.
func (m *Model) entered() tea.Cmd {
	switch m.step {
	case stepPhone, stepRegPhone:
		if _, p := valid.Phone(m.digits); p != nil {
			m.msg, m.msgErr = m.c.T("self.phone.short"), true
			return nil
		}
		if m.step == stepRegPhone {
			m.reg.phone, m.step, m.focus = m.digits, stepRegTrades, -1
			return nil
		}
		return m.lookUp(m.digits)
	case stepPIN:
		pin := m.digits
		m.digits = ""
		return m.auth(m.candidate, pin)
	}
	return nil
}

// back is Esc or the Back button: one step back, or the start.
func (m *Model) back() tea.Cmd {
	switch m.step {
	case stepPhone:
		m.digits = ""
	case stepJobs, stepMine:
		m.step, m.focus = stepMenu, -1
	case stepJob:
		m.step, m.focus = stepJobs, -1
		if m.mine {
			m.step = stepMine
		}
	case stepRegPhone, stepRegTrades, stepRegPlace, stepRegCheck:
		m.regBack()
	default:
		m.clear()
	}
	return nil
}

// turn moves the list shown by a page.
func (m *Model) turn(by int) {
	m.page = min(max(m.page+by, 0), max(m.pages()-1, 0))
	m.focus = -1
}

// answer takes a store call's result.
func (m *Model) answer(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case lookedUpMsg:
		if m.current(msg.req) {
			m.looked(msg)
		}
	case authMsg:
		if m.current(msg.req) {
			m.authed(msg)
		}
	case signedInMsg:
		if m.current(msg.req) {
			m.finish(msg.err, m.c.T("self.done.signin", msg.at.Format("15:04")))
		}
	case jobsMsg:
		if m.current(msg.req) {
			m.listed(msg)
		}
	case askedMsg:
		if m.current(msg.req) {
			text := m.c.T("self.done.asked")
			if msg.withdraw {
				text = m.c.T("self.done.withdrawn")
			}
			m.finish(msg.err, text)
		}
	case preregMsg:
		if m.current(msg.req) {
			m.finish(msg.err, m.c.T("self.done.prereg"))
		}
	}
	return nil
}

// current reports whether an answer belongs to the session shown, and ends the wait for it.
func (m *Model) current(req int) bool {
	if req != m.req {
		return false
	}
	m.busy = false
	return true
}

func (m *Model) looked(msg lookedUpMsg) {
	if msg.err != nil {
		m.msg, m.msgErr = m.errText(msg.err), true
		if e := store.AsError(msg.err); e != nil && e.Key != "self.unknown_phone" {
			m.digits = "" // see the counter: nothing to correct here
		}
		return
	}
	m.candidate, m.step, m.digits = msg.id, stepPIN, ""
}

func (m *Model) authed(msg authMsg) {
	if msg.err != nil {
		m.msg, m.msgErr = m.errText(msg.err), true
		if e := store.AsError(msg.err); e != nil && e.Key == "self.locked" {
			m.candidate, m.step = 0, stepPhone // locked: only the counter can help now
		}
		return
	}
	m.worker, m.who, m.step, m.focus = msg.w.ID, valid.MaskName(msg.w.Name), stepMenu, -1
}

func (m *Model) listed(msg jobsMsg) {
	if msg.err != nil {
		m.msg, m.msgErr = m.errText(msg.err), true
		return
	}
	m.jobs, m.mine, m.page, m.focus = msg.jobs, msg.mine, 0, -1
	m.step = stepJobs
	if msg.mine {
		m.step = stepMine
	}
}

// finish ends an action: a refusal stays on the step with its reason; success forgets the
// worker and shows the result until DoneFor passes or it is tapped.
func (m *Model) finish(err error, text string) {
	if err != nil {
		m.msg, m.msgErr = m.errText(err), true
		return
	}
	m.clear()
	m.step, m.done, m.doneAt = stepDone, text, m.c.Now()
}
