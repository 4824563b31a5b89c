package register

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/tui/common"
)

func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.ChangedMsg:
		return m, tea.Batch(m.search.loadToday(), m.search.research(), m.reloadPage(), m.page.loadRights())
	case rightsMsg:
		return m, m.page.onRights(msg)
	case rightsDoneMsg:
		return m, m.page.onRightsDone(msg)
	case common.GotoMsg:
		return m, nil
	case searchTickMsg:
		return m, m.search.onTick(msg)
	case searchMsg:
		m.search.onResults(msg)
		return m, nil
	case todayMsg:
		m.search.onToday(msg)
		return m, nil
	case dupMsg:
		return m, m.onDup(msg)
	case savedMsg:
		return m, m.onSaved(msg)
	case pageMsg:
		if msg.id == m.reqID && (m.mode == modePage || m.mode == modeVisit) {
			m.page.onLoaded(msg)
		}
		return m, nil
	case doneMsg:
		return m, m.onDone(msg)
	case tea.KeyMsg:
		return m, m.key(msg)
	case tea.MouseMsg:
		if m.mode == modeSearch && m.search.mouse(msg) == searchOpenPage {
			return m, m.openPage(m.search.selected())
		}
		return m, nil
	}
	if m.mode == modeForm && m.form != nil {
		cmd, _ := m.form.update(msg)
		return m, cmd
	}
	return m, m.search.updateInput(msg)
}

// onDone reports a sign-in, sign-out, status change or visit, or shows a revealed value.
func (m *Model) onDone(msg doneMsg) tea.Cmd {
	if msg.err != nil {
		return common.Status(m.c.Cat.Err(msg.err), true)
	}
	if msg.field != "" {
		m.page.revealed[msg.field] = msg.reveal
		return nil
	}
	return tea.Batch(common.Status(msg.text, false), changed)
}

// key hands a key to the view the screen is in and follows where it asks to go.
func (m *Model) key(msg tea.KeyMsg) tea.Cmd {
	switch m.mode {
	case modeForm:
		return m.formKey(msg)
	case modeDup:
		return m.dupKey(msg)
	case modeCard:
		return m.cardKey(msg)
	case modePage:
		return m.pageKey(msg)
	case modeVisit:
		cmd, done := m.visit.key(msg)
		if done {
			m.mode = m.back
		}
		return cmd
	case modeDiscard:
		switch msg.String() {
		case "y", "Y":
			m.closeForm()
		case "n", "N", "esc":
			m.mode = modeForm
		}
		return nil
	}
	return m.searchKey(msg)
}

func (m *Model) searchKey(msg tea.KeyMsg) tea.Cmd {
	cmd, want := m.search.key(msg)
	switch want {
	case searchNewForm:
		return m.openForm(newForm(m.c))
	case searchOpenPage:
		return m.openPage(m.search.selected())
	case searchVisit:
		return m.openVisit(m.search.selected(), modeSearch)
	}
	return cmd
}

func (m *Model) cardKey(msg tea.KeyMsg) tea.Cmd {
	cmd, want := m.card.key(msg)
	switch want {
	case cardNewForm:
		return m.openForm(newForm(m.c))
	case cardDone:
		m.mode = modeSearch
	}
	return cmd
}

func (m *Model) pageKey(msg tea.KeyMsg) tea.Cmd {
	cmd, want := m.page.key(msg)
	switch want {
	case pageBack:
		m.mode = modeSearch
		m.page.w = store.Worker{}
	case pageNewForm:
		return m.openForm(newForm(m.c))
	case pageEditForm:
		return m.openForm(editForm(m.c, m.page.w))
	case pageVisit:
		return m.openVisit(m.page.w.ID, modePage)
	}
	return cmd
}

func (m *Model) dupKey(msg tea.KeyMsg) tea.Cmd {
	switch m.dup.key(msg) {
	case dupBack:
		m.mode = modeForm
	case dupOpen:
		m.closeForm() // the record stays as it is: its page is where to look or change it
		return m.openPage(m.dup.dup.Same.ID)
	case dupAdopt:
		m.form.adopt(m.dup.dup.Same) // one person, one record: this becomes an edit of theirs
		m.mode = modeForm
	case dupSave:
		m.mode = modeForm
		return m.save(m.dup.pending)
	}
	return nil
}

// openPage shows worker id's page and loads it.
func (m *Model) openPage(id int64) tea.Cmd {
	m.mode = modePage
	m.page.open(id)
	return tea.Batch(m.reloadPage(), m.page.loadRights())
}

func (m *Model) reloadPage() tea.Cmd {
	if m.page.w.ID == 0 {
		return nil
	}
	m.reqID++
	return pageCmd(m.c, m.reqID, m.page.w.ID)
}

// openVisit opens the visit dialog for worker (0: anonymous); it returns to from.
func (m *Model) openVisit(worker int64, from mode) tea.Cmd {
	m.back = from
	m.visit.open(worker)
	m.mode = modeVisit
	return nil
}

// ---- the form: open, leave, check for duplicates, save

func (m *Model) openForm(f *form) tea.Cmd {
	m.form = f
	m.form.setWidth(m.width)
	m.mode = modeForm
	m.saving = false
	return m.form.focusOn(m.form.focus)
}

// closeForm leaves the form for the page it was opened from, or the search.
func (m *Model) closeForm() {
	m.form = nil
	m.mode = modeSearch
	if m.page.w.ID != 0 {
		m.mode = modePage
	}
}

func (m *Model) formKey(msg tea.KeyMsg) tea.Cmd {
	if m.saving {
		return nil
	}
	f := m.form
	if key.Matches(msg, m.c.Keys.Back) && !(f.focus == fCommunity && f.place.Open()) && !(f.focus == fTrades && f.trades.Open()) {
		if f.dirty() {
			m.mode = modeDiscard
			return nil
		}
		m.closeForm()
		return nil
	}
	cmd, save := f.update(msg)
	if !save {
		return cmd
	}
	if fl, ok := f.validate(); !ok {
		return tea.Batch(cmd, common.Status(f.fixFirst(fl), true)) // the footer says where the cursor went and why
	}
	m.saving = true
	m.reqID++
	return tea.Batch(cmd, duplicatesCmd(m.c, m.reqID, f.worker()))
}

func (m *Model) onDup(msg dupMsg) tea.Cmd {
	if msg.id != m.reqID || m.form == nil {
		return nil
	}
	if msg.err != nil {
		m.saving = false
		return common.Status(m.c.Cat.SaveErr(msg.err, m.c.Keys.Save.Help().Key), true)
	}
	m.dup.dup, m.dup.pending = msg.dup, msg.w
	if msg.dup.Same.ID != 0 || (msg.w.ID == 0 && len(msg.dup.Similar) > 0) {
		m.saving = false
		m.mode = modeDup
		return nil
	}
	return m.save(msg.w)
}

func (m *Model) save(w store.Worker) tea.Cmd {
	m.saving = true
	m.reqID++
	return saveCmd(m.c, m.reqID, w)
}

func (m *Model) onSaved(msg savedMsg) tea.Cmd {
	if msg.id != m.reqID || m.form == nil {
		return nil
	}
	m.saving = false
	if msg.err != nil {
		m.mode = modeForm
		m.form.storeError(msg.err)
		return common.Status(m.c.Cat.SaveErr(msg.err, m.c.Keys.Save.Help().Key), true)
	}
	m.form = nil
	if msg.created {
		m.card.w = msg.w
		m.mode = modeCard
		m.page.w = store.Worker{}
		return tea.Batch(common.Status(m.c.T("reg.saved", msg.w.Name, msg.w.ID), false), changed)
	}
	m.mode = modePage
	return tea.Batch(common.Status(m.c.T("reg.updated", msg.w.Name, msg.w.ID), false), changed, m.openPage(msg.w.ID))
}
