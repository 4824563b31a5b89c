// Package register is the counter's Register screen: walk-in workers, one search box,
// a worker's page, daily sign-in and service visits.
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

type mode int

const (
	modeSearch mode = iota
	modeForm
	modeDup     // the same phone or ID, or the same name and birth year, before saving
	modeCard    // saved: the worker number to read out
	modePage    // one worker's details and history
	modeReason  // pause or leave, with a reason
	modeVisit   // a service visit
	modeDiscard // leave a form with input?
)

// debounce is how long typing in the search box rests before the search runs.
const debounce = 120 * time.Millisecond

// searchLimit is how many workers one search shows.
const searchLimit = 50

// Messages answer the commands below; each carries the id of the request it answers.
type (
	searchTickMsg struct {
		id    int
		query string
	}
	searchMsg struct {
		id      int
		workers []store.Worker
		present map[int64]bool
		err     error
	}
	todayMsg struct {
		id   int
		list []store.Presence
		err  error
	}
	dupMsg struct {
		id  int
		w   store.Worker
		dup store.Duplicates
		err error
	}
	savedMsg struct {
		id      int
		w       store.Worker
		created bool
		err     error
	}
	pageMsg struct {
		id   int
		w    store.Worker
		hist store.WorkerHistory
		here bool
		err  error
	}
	doneMsg struct { // a sign-in, sign-out, status change, visit or reveal finished
		text   string
		err    error
		reveal string // the revealed value, for the worker's page
		field  string
	}
)

// Model is the Register screen.
type Model struct {
	c    *common.Common
	mode mode
	back mode // where a dialog returns to

	search   textinput.Model
	searchID int
	query    string // the query the results answer
	results  []store.Worker
	present  map[int64]bool
	cursor   int
	offset   int
	todayID  int
	today    []store.Presence
	err      string

	form     *form
	saving   bool
	reqID    int
	dup      store.Duplicates
	pending  store.Worker // what waits for the duplicate answer
	card     store.Worker
	page     store.Worker
	pageHist store.WorkerHistory
	pageHere bool
	pageErr  string
	revealed map[string]string
	rs       rightsState // training wishes, referrals and rights cases on the page (rights.go)

	reason     textinput.Model
	reasonTo   store.WorkerStatus
	visitKind  int
	visitFor   int64 // 0: anonymous
	visitWho   int64 // the worker the visit may be for
	visitFocus int   // 0 kind, 1 who, 2 note
	note       textinput.Model

	width, height int
}

// New returns the Register screen.
func New(c *common.Common) common.Screen {
	in := common.NewInput()
	in.Prompt = ""
	in.CharLimit = 40
	in.Placeholder = c.T("reg.search.placeholder")
	in.Focus()
	r := common.NewInput()
	r.Prompt = ""
	r.CharLimit = 200
	n := common.NewInput()
	n.Prompt = ""
	n.CharLimit = store.MaxVisitNote
	return &Model{c: c, search: in, reason: r, note: n, width: 80, height: 19, revealed: map[string]string{}, rs: newRightsState()}
}

func (m *Model) Init() tea.Cmd { return m.loadToday() }

func (m *Model) loadToday() tea.Cmd {
	m.todayID++
	id, s, ctx := m.todayID, m.c.Store, m.c.Ctx
	return func() tea.Msg {
		list, err := s.SignedIn(ctx, s.Today())
		return todayMsg{id: id, list: list, err: err}
	}
}

func (m *Model) runSearch(id int, q string) tea.Cmd {
	s, ctx := m.c.Store, m.c.Ctx
	return func() tea.Msg {
		ws, err := s.SearchWorkers(ctx, q, searchLimit)
		if err != nil {
			return searchMsg{id: id, err: err}
		}
		ids := make([]int64, len(ws))
		for i, w := range ws {
			ids[i] = w.ID
		}
		present, err := s.PresentToday(ctx, ids)
		return searchMsg{id: id, workers: ws, present: present, err: err}
	}
}

// research runs the current query again at once (after a change).
func (m *Model) research() tea.Cmd {
	m.searchID++
	if strings.TrimSpace(m.search.Value()) == "" {
		m.results, m.query = nil, ""
		return nil
	}
	return m.runSearch(m.searchID, m.search.Value())
}

func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.search.Width = max(w-lipgloss.Width(m.c.T("reg.search.label"))-6, 10)
	m.reason.Width = max(min(w-10, 60), 10)
	m.note.Width = max(min(w-16, 60), 10)
	if m.form != nil {
		m.form.setWidth(w)
	}
}

func (m *Model) Capturing() bool {
	if m.mode == modePage && m.rightsCapturing() {
		return true
	}
	switch m.mode {
	case modeSearch, modeForm, modeReason, modeVisit:
		return true
	}
	return false
}

func (m *Model) Dirty() bool {
	if m.mode == modePage && m.rightsDirty() {
		return true
	}
	return m.form != nil && m.form.dirty() && (m.mode == modeForm || m.mode == modeDup || m.mode == modeDiscard)
}

// Keys of this screen, built from the shared key map's style.
var (
	keyNew     = key.NewBinding(key.WithKeys("ctrl+n"), key.WithHelp("Ctrl+N", ""))
	keySignIn  = key.NewBinding(key.WithKeys("ctrl+g"), key.WithHelp("Ctrl+G", ""))
	keySignOut = key.NewBinding(key.WithKeys("ctrl+o"), key.WithHelp("Ctrl+O", ""))
	keyVisit   = key.NewBinding(key.WithKeys("ctrl+e"), key.WithHelp("Ctrl+E", ""))
)

func (m *Model) bind(b key.Binding, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(b.Keys()...), key.WithHelp(b.Help().Key, m.c.T(desc)))
}

func (m *Model) pageKey(keys, label, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(keys), key.WithHelp(label, m.c.T(desc)))
}

func (m *Model) ShortHelp() []key.Binding {
	k := m.c.Keys
	switch m.mode {
	case modeForm:
		return []key.Binding{k.Save, k.Next, k.Prev, k.Back}
	case modeCard:
		return []key.Binding{m.bind(keySignIn, "reg.key.signin"), k.Select, m.bind(keyNew, "reg.key.new")}
	case modePage:
		help := []key.Binding{m.pageKey("e", "e", "reg.key.edit"), m.pageKey("g", "g", "reg.key.signin"), m.pageKey("o", "o", "reg.key.signout"),
			m.pageKey("v", "v", "reg.key.visit"), m.pageKey("r", "r/i", "reg.key.reveal_phone"), m.pageKey("p", "p", "reg.key.pause"),
			m.pageKey("l", "l", "reg.key.leave"), k.Back}
		if m.rightsCapturing() {
			return []key.Binding{k.Select, k.Back}
		}
		return append(help, m.rightsHelp()...)
	case modeDup, modeReason, modeVisit, modeDiscard:
		return []key.Binding{k.Select, k.Back}
	}
	return []key.Binding{m.bind(keyNew, "reg.key.new"), k.Select, m.bind(keySignIn, "reg.key.signin"),
		m.bind(keySignOut, "reg.key.signout"), m.bind(keyVisit, "reg.key.visit")}
}

func (m *Model) FullHelp() [][]key.Binding {
	k := m.c.Keys
	return [][]key.Binding{
		{m.bind(keyNew, "reg.key.new"), m.bind(keySignIn, "reg.key.signin"), m.bind(keySignOut, "reg.key.signout"), m.bind(keyVisit, "reg.key.visit"), k.Up, k.Down},
		{k.Save, k.Next, k.Prev, k.Back},
	}
}

func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.ChangedMsg:
		return m, tea.Batch(m.loadToday(), m.research(), m.reloadPage(), m.loadRights())
	case rightsMsg:
		return m, m.onRights(msg)
	case rightsDoneMsg:
		return m, m.onRightsDone(msg)
	case common.GotoMsg:
		return m, nil
	case searchTickMsg:
		if msg.id != m.searchID {
			return m, nil // typing went on: a newer search is coming
		}
		return m, m.runSearch(msg.id, msg.query)
	case searchMsg:
		if msg.id != m.searchID {
			return m, nil
		}
		m.err = m.c.Cat.Err(msg.err)
		m.results, m.present, m.query = msg.workers, msg.present, m.search.Value()
		m.cursor, m.offset = 0, 0
		return m, nil
	case todayMsg:
		if msg.id != m.todayID {
			return m, nil
		}
		if msg.err != nil {
			m.err = m.c.Cat.Err(msg.err)
		}
		m.today = msg.list
		m.moveTo(m.cursor)
		return m, nil
	case dupMsg:
		return m.onDup(msg)
	case savedMsg:
		return m.onSaved(msg)
	case pageMsg:
		if msg.id != m.reqID || m.mode != modePage && m.mode != modeReason && m.mode != modeVisit {
			return m, nil
		}
		m.pageErr = m.c.Cat.Err(msg.err)
		if msg.err == nil {
			m.page, m.pageHist, m.pageHere = msg.w, msg.hist, msg.here
		}
		return m, nil
	case doneMsg:
		if msg.err != nil {
			return m, common.Status(m.c.Cat.Err(msg.err), true)
		}
		if msg.field != "" {
			m.revealed[msg.field] = msg.reveal
			return m, nil
		}
		return m, tea.Batch(common.Status(msg.text, false), func() tea.Msg { return common.ChangedMsg{} })
	case tea.KeyMsg:
		return m.key(msg)
	}
	if m.mode == modeForm && m.form != nil {
		cmd, _ := m.form.update(msg)
		return m, cmd
	}
	var cmd tea.Cmd
	m.search, cmd = m.search.Update(msg)
	return m, cmd
}

func (m *Model) key(msg tea.KeyMsg) (common.Screen, tea.Cmd) {
	switch m.mode {
	case modeForm:
		return m.formKey(msg)
	case modeDup:
		return m.dupKey(msg)
	case modeCard:
		return m.cardKey(msg)
	case modePage:
		return m.pageKeyMsg(msg)
	case modeReason:
		return m.reasonKey(msg)
	case modeVisit:
		return m.visitKey(msg)
	case modeDiscard:
		switch msg.String() {
		case "y", "Y":
			m.closeForm()
		case "n", "N", "esc":
			m.mode = modeForm
		}
		return m, nil
	}
	return m.searchKey(msg)
}

// list is what the search mode shows: the results, or today's sign-ins when nothing is typed.
func (m *Model) list() []int64 {
	var ids []int64
	if strings.TrimSpace(m.search.Value()) == "" {
		for _, p := range m.today {
			ids = append(ids, p.WorkerID)
		}
		return ids
	}
	for _, w := range m.results {
		ids = append(ids, w.ID)
	}
	return ids
}

func (m *Model) selected() int64 {
	ids := m.list()
	if m.cursor < len(ids) {
		return ids[m.cursor]
	}
	return 0
}

func (m *Model) selectedName() string { return m.listedName(m.selected()) }

// listedName is the name of worker id as the search results or today's sign-ins hold it.
func (m *Model) listedName(id int64) string {
	for _, w := range m.results {
		if w.ID == id {
			return w.Name
		}
	}
	for _, p := range m.today {
		if p.WorkerID == id {
			return p.Name
		}
	}
	return ""
}

func (m *Model) searchKey(msg tea.KeyMsg) (common.Screen, tea.Cmd) {
	k := m.c.Keys
	switch {
	case key.Matches(msg, keyNew):
		return m, m.openForm(newForm(m.c))
	case key.Matches(msg, k.Down):
		m.moveTo(m.cursor + 1)
		return m, nil
	case key.Matches(msg, k.Up):
		m.moveTo(m.cursor - 1)
		return m, nil
	case key.Matches(msg, k.PgDown):
		m.moveTo(m.cursor + m.rows())
		return m, nil
	case key.Matches(msg, k.PgUp):
		m.moveTo(m.cursor - m.rows())
		return m, nil
	case key.Matches(msg, k.Select):
		if id := m.selected(); id != 0 {
			return m, m.openPage(id)
		}
		return m, nil
	case key.Matches(msg, keySignIn):
		return m, m.signIn(m.selected(), m.selectedName())
	case key.Matches(msg, keySignOut):
		return m, m.signOut(m.selected(), m.selectedName())
	case key.Matches(msg, keyVisit):
		return m, m.openVisit(m.selected(), modeSearch)
	case key.Matches(msg, k.Back):
		m.search.SetValue("")
		m.cursor = 0
		return m, m.research()
	}
	before := m.search.Value()
	if msg.Type == tea.KeyRunes {
		msg.Runes = []rune(valid.StripControls(string(msg.Runes)))
	}
	var cmd tea.Cmd
	m.search, cmd = m.search.Update(msg)
	if v := m.search.Value(); v != before {
		if clean := valid.StripControls(v); clean != v {
			m.search.SetValue(clean)
		}
		m.searchID++
		m.cursor = 0
		if strings.TrimSpace(m.search.Value()) == "" {
			m.results, m.query = nil, ""
			return m, cmd
		}
		id, q := m.searchID, m.search.Value()
		return m, tea.Batch(cmd, tea.Tick(debounce, func(time.Time) tea.Msg { return searchTickMsg{id: id, query: q} }))
	}
	return m, cmd
}

func (m *Model) signIn(id int64, name string) tea.Cmd {
	if id == 0 {
		return common.Status(m.c.T("reg.no_selection"), true)
	}
	s, ctx, staff, cat := m.c.Store, m.c.Ctx, m.c.Staff.ID, m.c
	return func() tea.Msg {
		p, err := s.SignIn(ctx, staff, id)
		if err != nil {
			return doneMsg{err: err}
		}
		return doneMsg{text: cat.T("reg.signed_in", name, p.InAt.In(s.Location()).Format("15:04"))}
	}
}

func (m *Model) signOut(id int64, name string) tea.Cmd {
	if id == 0 {
		return common.Status(m.c.T("reg.no_selection"), true)
	}
	s, ctx, staff, cat := m.c.Store, m.c.Ctx, m.c.Staff.ID, m.c
	return func() tea.Msg {
		if err := s.SignOut(ctx, staff, id); err != nil {
			return doneMsg{err: err}
		}
		return doneMsg{text: cat.T("reg.signed_out", name)}
	}
}

// ---- the form

func (m *Model) openForm(f *form) tea.Cmd {
	m.form = f
	m.form.setWidth(m.width)
	m.mode = modeForm
	m.saving = false
	return m.form.focusOn(m.form.focus)
}

func (m *Model) closeForm() {
	m.form = nil
	m.mode = modeSearch
	if m.page.ID != 0 {
		m.mode = modePage
	}
}

func (m *Model) formKey(msg tea.KeyMsg) (common.Screen, tea.Cmd) {
	if m.saving {
		return m, nil
	}
	if key.Matches(msg, m.c.Keys.Back) && !(m.form.focus == fCommunity && m.form.place.Open()) && !(m.form.focus == fTrades && m.form.trades.Open()) {
		if m.form.dirty() {
			m.mode = modeDiscard
			return m, nil
		}
		m.closeForm()
		return m, nil
	}
	cmd, save := m.form.update(msg)
	if !save {
		return m, cmd
	}
	if _, ok := m.form.validate(); !ok {
		return m, tea.Batch(cmd, common.Status(m.c.T("reg.err.fix"), true))
	}
	m.saving = true
	m.reqID++
	id, w, s, ctx := m.reqID, m.form.worker(), m.c.Store, m.c.Ctx
	return m, tea.Batch(cmd, func() tea.Msg {
		d, err := s.FindDuplicates(ctx, w)
		return dupMsg{id: id, w: w, dup: d, err: err}
	})
}

func (m *Model) onDup(msg dupMsg) (common.Screen, tea.Cmd) {
	if msg.id != m.reqID || m.form == nil {
		return m, nil
	}
	if msg.err != nil {
		m.saving = false
		return m, common.Status(m.c.Cat.Err(msg.err), true)
	}
	m.dup, m.pending = msg.dup, msg.w
	if msg.dup.Same.ID != 0 || (msg.w.ID == 0 && len(msg.dup.Similar) > 0) {
		m.saving = false
		m.mode = modeDup
		return m, nil
	}
	return m, m.save(msg.w)
}

func (m *Model) save(w store.Worker) tea.Cmd {
	m.saving = true
	m.reqID++
	id, s, ctx, staff := m.reqID, m.c.Store, m.c.Ctx, m.c.Staff.ID
	return func() tea.Msg {
		if w.ID == 0 {
			saved, err := s.CreateWorker(ctx, staff, w)
			return savedMsg{id: id, w: saved, created: true, err: err}
		}
		saved, err := s.UpdateWorker(ctx, staff, w)
		return savedMsg{id: id, w: saved, err: err}
	}
}

func (m *Model) onSaved(msg savedMsg) (common.Screen, tea.Cmd) {
	if msg.id != m.reqID || m.form == nil {
		return m, nil
	}
	m.saving = false
	if msg.err != nil {
		m.mode = modeForm
		m.form.storeError(msg.err)
		return m, common.Status(m.c.Cat.Err(msg.err), true)
	}
	m.form = nil
	changed := func() tea.Msg { return common.ChangedMsg{} }
	if msg.created {
		m.card = msg.w
		m.mode = modeCard
		m.page = store.Worker{}
		return m, tea.Batch(common.Status(m.c.T("reg.saved", msg.w.Name, msg.w.ID), false), changed)
	}
	m.mode = modePage
	return m, tea.Batch(common.Status(m.c.T("reg.updated", msg.w.Name, msg.w.ID), false), changed, m.openPage(msg.w.ID))
}

func (m *Model) dupKey(msg tea.KeyMsg) (common.Screen, tea.Cmd) {
	k := m.c.Keys
	switch {
	case key.Matches(msg, k.Back):
		m.mode = modeForm
		return m, nil
	case key.Matches(msg, k.Select):
		if m.dup.Same.ID != 0 {
			m.form.adopt(m.dup.Same) // one person, one record: this becomes an edit of theirs
			m.mode = modeForm
			return m, nil
		}
		m.mode = modeForm
		return m, m.save(m.pending)
	}
	return m, nil
}

func (m *Model) cardKey(msg tea.KeyMsg) (common.Screen, tea.Cmd) {
	k := m.c.Keys
	switch {
	case key.Matches(msg, keySignIn):
		return m, m.signIn(m.card.ID, m.card.Name)
	case key.Matches(msg, keyNew):
		return m, m.openForm(newForm(m.c))
	case key.Matches(msg, k.Select), key.Matches(msg, k.Back):
		m.mode = modeSearch
		return m, nil
	}
	return m, nil
}

// ---- a worker's page

func (m *Model) openPage(id int64) tea.Cmd {
	m.mode = modePage
	m.page = store.Worker{ID: id}
	m.pageHist = store.WorkerHistory{}
	m.revealed = map[string]string{}
	m.rs = newRightsState()
	return tea.Batch(m.reloadPage(), m.loadRights())
}

func (m *Model) reloadPage() tea.Cmd {
	if m.page.ID == 0 {
		return nil
	}
	m.reqID++
	id, wid, s, ctx := m.reqID, m.page.ID, m.c.Store, m.c.Ctx
	return func() tea.Msg {
		w, err := s.Worker(ctx, wid)
		if err != nil {
			return pageMsg{id: id, err: err}
		}
		h, err := s.WorkerHistory(ctx, wid, 5)
		if err != nil {
			return pageMsg{id: id, err: err}
		}
		here, err := s.PresentToday(ctx, []int64{wid})
		return pageMsg{id: id, w: w, hist: h, here: here[wid], err: err}
	}
}

func (m *Model) pageKeyMsg(msg tea.KeyMsg) (common.Screen, tea.Cmd) {
	w := m.page
	s, ctx, staff := m.c.Store, m.c.Ctx, m.c.Staff.ID
	if w.Name != "" {
		if cmd, ok := m.rightsKey(msg); ok {
			return m, cmd
		}
	}
	switch msg.String() {
	case "esc":
		m.mode = modeSearch
		m.page = store.Worker{}
		return m, nil
	case "ctrl+n":
		return m, m.openForm(newForm(m.c))
	case "e":
		if w.Name == "" {
			return m, nil
		}
		return m, m.openForm(editForm(m.c, w))
	case "g", "ctrl+g":
		return m, m.signIn(w.ID, w.Name)
	case "o", "ctrl+o":
		return m, m.signOut(w.ID, w.Name)
	case "v", "ctrl+e":
		return m, m.openVisit(w.ID, modePage)
	case "r", "i":
		field := "phone"
		if msg.String() == "i" {
			field = "id_number"
		}
		return m, func() tea.Msg {
			v, err := s.RevealWorker(ctx, staff, w.ID, field)
			return doneMsg{reveal: v, field: field, err: err}
		}
	case "p":
		if w.Status == store.Paused || w.Status == store.Left {
			return m, m.setStatus(store.Active, "")
		}
		return m, m.askReason(store.Paused)
	case "l":
		return m, m.askReason(store.Left)
	}
	return m, nil
}

func (m *Model) askReason(to store.WorkerStatus) tea.Cmd {
	m.reasonTo = to
	m.reason.SetValue("")
	m.mode = modeReason
	return m.reason.Focus()
}

func (m *Model) setStatus(to store.WorkerStatus, reason string) tea.Cmd {
	w, s, ctx, staff := m.page, m.c.Store, m.c.Ctx, m.c.Staff.ID
	text := m.c.T("reg.status_set", w.Name, m.c.T("reg.status."+string(to)))
	return func() tea.Msg {
		if err := s.SetWorkerStatus(ctx, staff, w.ID, to, reason); err != nil {
			return doneMsg{err: err}
		}
		return doneMsg{text: text}
	}
}

func (m *Model) reasonKey(msg tea.KeyMsg) (common.Screen, tea.Cmd) {
	k := m.c.Keys
	switch {
	case key.Matches(msg, k.Back):
		m.mode = modePage
		return m, nil
	case key.Matches(msg, k.Select), key.Matches(msg, k.Save):
		reason, p := valid.Text("status_reason", m.reason.Value(), 200)
		if p != nil {
			return m, common.Status(m.c.Cat.Err(&store.Error{Code: store.Invalid, Key: p.Key}), true)
		}
		if m.reasonTo == store.Left && reason == "" {
			return m, common.Status(m.c.T("reg.reason.leave"), true)
		}
		m.mode = modePage
		return m, m.setStatus(m.reasonTo, reason)
	}
	if msg.Type == tea.KeyRunes {
		msg.Runes = []rune(stripEscapes(string(msg.Runes)))
	}
	var cmd tea.Cmd
	m.reason, cmd = m.reason.Update(msg)
	return m, cmd
}

// ---- service visits

func (m *Model) openVisit(worker int64, from mode) tea.Cmd {
	m.back = from
	m.visitWho, m.visitFor = worker, worker
	m.visitKind, m.visitFocus = 0, 0
	m.note.SetValue("")
	m.note.Blur()
	m.mode = modeVisit
	return nil
}

func (m *Model) visitKey(msg tea.KeyMsg) (common.Screen, tea.Cmd) {
	k := m.c.Keys
	n := len(store.VisitKinds)
	switch {
	case key.Matches(msg, k.Back):
		m.mode = m.back
		return m, nil
	case key.Matches(msg, k.Next), key.Matches(msg, k.Prev):
		d := 1
		if key.Matches(msg, k.Prev) {
			d = 2
		}
		m.visitFocus = (m.visitFocus + d) % 3
		if m.visitFocus == 1 && m.visitWho == 0 {
			m.visitFocus = (m.visitFocus + d) % 3
		}
		if m.visitFocus == 2 {
			return m, m.note.Focus()
		}
		m.note.Blur()
		return m, nil
	case key.Matches(msg, k.Select), key.Matches(msg, k.Save):
		kind, worker, note := store.VisitKinds[m.visitKind], m.visitFor, m.note.Value()
		s, ctx, staff := m.c.Store, m.c.Ctx, m.c.Staff.ID
		text := m.c.T("reg.visit.logged", m.c.T("reg.visit."+string(kind)))
		m.mode = m.back
		return m, func() tea.Msg {
			if _, err := s.LogVisit(ctx, staff, kind, worker, note); err != nil {
				return doneMsg{err: err}
			}
			return doneMsg{text: text}
		}
	}
	switch m.visitFocus {
	case 0:
		switch msg.String() {
		case "right", " ":
			m.visitKind = (m.visitKind + 1) % n
		case "left":
			m.visitKind = (m.visitKind + n - 1) % n
		default:
			if d, err := strconv.Atoi(msg.String()); err == nil && d >= 1 && d <= n {
				m.visitKind = d - 1
			}
		}
	case 1:
		if msg.String() == " " || msg.String() == "left" || msg.String() == "right" {
			if m.visitFor == 0 {
				m.visitFor = m.visitWho
			} else {
				m.visitFor = 0
			}
		}
	case 2:
		if msg.Type == tea.KeyRunes {
			msg.Runes = []rune(stripEscapes(string(msg.Runes)))
		}
		var cmd tea.Cmd
		m.note, cmd = m.note.Update(msg)
		return m, cmd
	}
	return m, nil
}

// ---- views

func (m *Model) rows() int { return max(m.height-4, 3) }

// moveTo puts the cursor on row i of the list, within its bounds, and scrolls to it.
func (m *Model) moveTo(i int) {
	n := len(m.list())
	m.cursor = min(max(i, 0), max(n-1, 0))
	m.offset = common.ScrollOffset(m.cursor, m.offset, m.rows(), n)
}

func (m *Model) View() string {
	switch m.mode {
	case modeForm, modeDiscard:
		title := m.c.T("reg.form.new")
		if m.form.id != 0 {
			title = m.c.T("reg.form.edit", m.form.id)
		}
		v := m.form.view(title)
		if m.mode == modeDiscard {
			v += "\n" + m.c.Styles.Warning.Render(m.c.T("reg.discard"))
		}
		if m.saving {
			v += "\n" + m.c.Styles.Subtle.Render(m.c.T("reg.saving"))
		}
		return v
	case modeDup:
		return m.dupView()
	case modeCard:
		return m.cardView()
	case modePage, modeReason:
		if m.rs.caseF != nil {
			return m.caseView()
		}
		return m.pageView()
	case modeVisit:
		return m.visitView()
	}
	return m.searchView()
}

func (m *Model) searchView() string {
	s := m.c.Styles
	var b strings.Builder
	b.WriteString(s.Label.Render(m.c.T("reg.search.label")) + " " + m.search.View() + "\n")
	typed := strings.TrimSpace(m.search.Value()) != ""
	switch {
	case m.err != "":
		b.WriteString(s.Error.Render(m.err) + "\n")
	case typed && m.query == "" && len(m.results) == 0:
		b.WriteString(s.Subtle.Render(m.c.T("status.loading")) + "\n")
	case typed && len(m.results) == 0:
		b.WriteString(s.Subtle.Render(m.c.T("reg.search.none")) + "\n")
	case typed:
		line := m.c.T("reg.search.results", len(m.results))
		if len(m.results) == searchLimit {
			line += "  " + m.c.T("reg.search.more", searchLimit)
		}
		b.WriteString(s.Subtle.Render(line) + "\n")
	default:
		here := 0
		for _, p := range m.today {
			if p.Here() {
				here++
			}
		}
		b.WriteString(s.Title.Render(m.c.T("reg.today.title", len(m.today), here)) + "\n")
		if len(m.today) == 0 {
			b.WriteString(s.Subtle.Render(m.c.T("reg.today.none")) + "\n")
		}
	}
	rows := m.listRows()
	n := m.rows()
	// offset is kept by moveTo; this only guards a window that a resize made stale
	offset := common.ScrollOffset(m.cursor, m.offset, n, len(rows))
	end := min(offset+n, len(rows))
	for i := offset; i < end; i++ {
		row := ansi.Truncate(rows[i], m.width-1, "…")
		if i == m.cursor {
			row = s.RowActive.Render(ansi.Strip(row))
		}
		b.WriteString(row + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// listRows are the visible list's lines: results, or today's arrivals.
func (m *Model) listRows() []string {
	s := m.c.Styles
	var rows []string
	if strings.TrimSpace(m.search.Value()) == "" {
		for _, p := range m.today {
			out := ""
			if !p.Here() {
				out = m.c.T("reg.col.out") + " " + p.OutAt.In(m.c.Store.Location()).Format("15:04")
			} else {
				out = s.Good.Render(m.c.T("reg.here"))
			}
			rows = append(rows, fmt.Sprintf("%s %s  %s  %s  %s  %s", common.Cell(strconv.FormatInt(p.WorkerID, 10), 6),
				p.InAt.In(m.c.Store.Location()).Format("15:04"), common.Cell(p.Name, 10), valid.MaskPhone(p.Phone), out, m.tradeNames(p.Trades)))
		}
		return rows
	}
	for _, w := range m.results {
		status := m.c.T("reg.status." + string(w.Status))
		if m.present[w.ID] {
			status = s.Good.Render(m.c.T("reg.here"))
		} else if w.Status != store.Active {
			status = s.Warning.Render(status)
		}
		rows = append(rows, fmt.Sprintf("%s %s %s  %s  %s  %s", common.Cell(strconv.FormatInt(w.ID, 10), 6), common.Cell(w.Name, 10),
			valid.MaskPhone(w.Phone), common.Cell(status, 6), common.Cell(m.c.Records.PlaceName(w.CommunityID), 10), m.tradeNames(w.Trades)))
	}
	return rows
}

func (m *Model) tradeNames(ts []store.WorkerTrade) string {
	var names []string
	for _, t := range ts {
		if name := m.c.Cat.TradeName(m.c.Records, t.TradeID); name != "" {
			names = append(names, name)
		}
	}
	return strings.Join(names, "·")
}

func (m *Model) workerLine(w store.Worker) string {
	return fmt.Sprintf("No.%d  %s  %d  %s  %s", w.ID, w.Name, w.BirthYear, valid.MaskPhone(w.Phone), m.tradeNames(w.Trades))
}

func (m *Model) dupView() string {
	s := m.c.Styles
	var b strings.Builder
	if m.dup.Same.ID != 0 {
		key := "reg.dup.same_phone"
		if m.dup.Field == "id_number" {
			key = "reg.dup.same_id"
		}
		b.WriteString(s.Warning.Render(m.c.T(key)) + "\n\n  " + m.workerLine(m.dup.Same) + "\n\n" + m.c.T("reg.dup.same_keys"))
	} else {
		b.WriteString(s.Warning.Render(m.c.T("reg.dup.similar")) + "\n")
		for _, w := range m.dup.Similar {
			b.WriteString("\n  " + m.workerLine(w))
		}
		b.WriteString("\n\n" + m.c.T("reg.dup.similar_keys"))
	}
	return s.Dialog.Width(min(m.width-4, 76)).Render(b.String())
}

func (m *Model) cardView() string {
	s := m.c.Styles
	w := m.card
	body := s.Title.Render(m.c.T("reg.card.title")) + "\n\n" +
		m.c.T("reg.card.number") + "  " + s.Big.Render(strconv.FormatInt(w.ID, 10)) + "\n" +
		w.Name + "  " + valid.MaskPhone(w.Phone) + "\n" +
		m.tradeNames(w.Trades) + "  " + m.c.Records.PlaceName(w.CommunityID) + "\n\n" +
		s.Good.Render(m.c.T("reg.card.readout", w.ID))
	return s.Card.Render(body) + "\n" + s.Subtle.Render(m.c.T("reg.card.keys"))
}

func (m *Model) pageView() string {
	s := m.c.Styles
	w := m.page
	if w.Name == "" {
		if m.pageErr != "" {
			return s.Error.Render(m.pageErr)
		}
		return s.Subtle.Render(m.c.T("reg.page.loading"))
	}
	now := m.c.Clock()
	var b strings.Builder
	status := m.c.T("reg.status." + string(w.Status))
	if m.pageHere {
		status += " · " + m.c.T("reg.here")
	}
	b.WriteString(s.Title.Render(m.c.T("reg.page.title", w.ID, w.Name)) + "  " + status)
	if w.StatusReason != "" {
		b.WriteString("  " + s.Subtle.Render(m.c.T("reg.page.reason", w.StatusReason)))
	}
	b.WriteString("\n")
	phone := valid.MaskPhone(w.Phone)
	if v, ok := m.revealed["phone"]; ok {
		phone = v + " " + s.Subtle.Render(m.c.T("reg.page.revealed"))
	}
	idno := "-"
	if w.IDNumber != "" {
		idno = valid.MaskID(w.IDNumber)
		if v, ok := m.revealed["id_number"]; ok {
			idno = v + " " + s.Subtle.Render(m.c.T("reg.page.revealed"))
		}
	}
	gender := m.c.T("reg.gender.none")
	if w.Gender != "" {
		gender = m.c.T("reg.gender." + w.Gender)
	}
	age := ""
	if w.BirthYear != 0 {
		age = m.c.T("reg.page.age", now.Year()-w.BirthYear)
	}
	var trades []string
	for _, t := range w.Trades {
		if name := m.c.Cat.TradeName(m.c.Records, t.TradeID); name != "" {
			if t.Years > 0 {
				name += " " + m.c.T("reg.trade.years", t.Years)
			}
			trades = append(trades, name)
		}
	}
	line := func(label, value string) {
		b.WriteString(common.Cell(s.Label.Render(m.c.T(label)), 10) + " " + value + "\n")
	}
	line("reg.f.phone", phone)
	line("reg.f.idno", idno)
	line("reg.f.gender", gender+"  "+age+"  "+m.c.Records.PlaceName(w.CommunityID))
	line("reg.f.trades", strings.Join(trades, " · "))
	pay := "-"
	if w.ExpectedPayFen > 0 {
		pay = m.c.Cat.Pay(w.ExpectedPayFen, w.ExpectedPayUnit)
	}
	var groups []string
	for _, g := range w.Groups {
		groups = append(groups, m.c.T("reg.group."+g))
	}
	line("reg.f.pay", pay+"  "+strings.Join(groups, "·"))
	if w.Notes != "" {
		line("reg.f.notes", w.Notes)
	}
	b.WriteString(s.Subtle.Render(m.c.T("reg.page.registered", m.c.Cat.Date(w.CreatedAt.In(m.c.Store.Location())), m.c.T("reg.channel."+string(w.Channel)))) + "\n")
	h := m.pageHist
	rating := m.c.T("reg.page.no_rating")
	if h.RatingCount > 0 {
		r := h.RatingTenths()
		rating = m.c.T("reg.page.rating", r/10, r%10, h.RatingCount)
	}
	b.WriteString(s.Label.Render(m.c.T("reg.page.history")) + "  " + m.c.T("reg.page.signins", h.SignInDays) + "  " +
		m.c.T("reg.page.dispatches", h.Dispatches, h.Done, h.NoShows, h.Disputes) + "\n  " +
		m.c.T("reg.page.earned", m.c.Cat.Money(h.EarnedFen)) + "  " + rating + "\n")
	if len(h.Recent) > 0 {
		b.WriteString(s.Label.Render(m.c.T("reg.page.recent")) + "\n")
		for _, d := range h.Recent {
			trade := m.c.Cat.TradeName(m.c.Records, d.TradeID)
			paid := m.c.T("reg.disp.unpaid")
			if d.Paid {
				paid = m.c.Cat.Money(d.PaidFen)
			}
			b.WriteString(ansi.Truncate(fmt.Sprintf("  %s  %s  %s  %s  %s", m.c.Cat.When(d.StartsAt.In(m.c.Store.Location()), now), trade,
				d.EmployerName, m.c.T("reg.disp."+d.Status), paid), m.width-1, "…") + "\n")
		}
	}
	if len(h.Visits) > 0 {
		var vs []string
		for _, v := range h.Visits {
			vs = append(vs, v.At.In(m.c.Store.Location()).Format("01-02")+" "+m.c.T("reg.visit."+string(v.Kind)))
		}
		b.WriteString(ansi.Truncate(s.Label.Render(m.c.T("reg.page.visits"))+"  "+strings.Join(vs, "  "), m.width-1, "…") + "\n")
	}
	b.WriteString(m.rightsView() + "\n")
	if m.mode == modeReason {
		prompt := m.c.T("reg.reason.pause")
		if m.reasonTo == store.Left {
			prompt = m.c.T("reg.reason.leave")
		}
		b.WriteString("\n" + s.Warning.Render(prompt) + "\n› " + m.reason.View())
	}
	return strings.TrimRight(b.String(), "\n")
}

func (m *Model) visitView() string {
	s := m.c.Styles
	var kinds []string
	for i, k := range store.VisitKinds {
		label := strconv.Itoa(i+1) + " " + m.c.T("reg.visit."+string(k))
		if i == m.visitKind {
			if m.visitFocus == 0 {
				label = s.RowActive.Render("[" + label + "]")
			} else {
				label = "[" + label + "]"
			}
		} else {
			label = s.Subtle.Render(" " + label + " ")
		}
		kinds = append(kinds, label)
	}
	who := m.c.T("reg.visit.anonymous")
	if m.visitFor != 0 {
		who = "No." + strconv.FormatInt(m.visitFor, 10) + " " + m.selectedNameFor(m.visitFor)
	}
	if m.visitFocus == 1 {
		who = s.RowActive.Render(who)
	}
	mark := func(i int) string {
		if m.visitFocus == i {
			return s.Title.Render("›")
		}
		return " "
	}
	body := s.Title.Render(m.c.T("reg.visit.title")) + "\n\n" +
		mark(0) + s.Label.Render(m.c.T("reg.visit.kind")) + "  " + strings.Join(kinds, "") + "\n" +
		mark(1) + s.Label.Render(m.c.T("reg.visit.for")) + "  " + who + "\n" +
		mark(2) + s.Label.Render(m.c.T("reg.visit.note")) + "  " + m.note.View() + "\n\n" +
		s.Subtle.Render(m.c.T("reg.visit.keys"))
	return s.Dialog.Width(min(m.width-4, 100)).Render(body)
}

func (m *Model) selectedNameFor(id int64) string {
	if m.page.ID == id && m.page.Name != "" {
		return m.page.Name
	}
	return m.listedName(id)
}
