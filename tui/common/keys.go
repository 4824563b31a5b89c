package common

import "github.com/charmbracelet/bubbles/key"

// KeyMap is every key binding of the app, built in one place.
type KeyMap struct {
	Screens [PageCount]key.Binding
	Help    key.Binding
	Quit    key.Binding
	Staff   key.Binding
	Back    key.Binding
	Up      key.Binding
	Down    key.Binding
	PgUp    key.Binding
	PgDown  key.Binding
	Select  key.Binding
	Next    key.Binding
	Prev    key.Binding
	Save    key.Binding
	Yes     key.Binding
	No      key.Binding

	// The station head's Admin area (F6), outside the five pages.
	Admin key.Binding

	// The Board screen and the door screen.
	BoardHome   key.Binding
	BoardEnd    key.Binding
	BoardSearch key.Binding
	BoardTrade  key.Binding
	BoardArea   key.Binding
	BoardDay    key.Binding
	BoardUrgent key.Binding
	BoardClear  key.Binding
	KioskExit   key.Binding

	// The Jobs screen.
	JobNew    key.Binding
	JobEdit   key.Binding
	JobCancel key.Binding
	JobExpire key.Binding
	JobReveal key.Binding
	JobTabs   key.Binding
	JobToggle key.Binding

	// The Match screen: its sub-views, calls, dispatch lifecycle and day plan.
	MatchJob      key.Binding
	MatchWalkIn   key.Binding
	MatchToday    key.Binding
	MatchFollowUp key.Binding
	MatchPlan     key.Binding
	MatchNoAnswer key.Binding
	MatchDecline  key.Binding
	MatchAccept   key.Binding
	MatchDispatch key.Binding
	MatchSkip     key.Binding
	MatchReveal   key.Binding
	MatchCheckIn  key.Binding
	MatchDone     key.Binding
	MatchPaid     key.Binding
	MatchRate     key.Binding
	MatchNoShow   key.Binding
	MatchCancel   key.Binding
	MatchDispute  key.Binding
	MatchResolve  key.Binding
	MatchSlip     key.Binding
	PlanAccept    key.Binding
	PlanAcceptAll key.Binding
	PlanChange    key.Binding
	PlanDrop      key.Binding
	PlanPrevDay   key.Binding
	PlanNextDay   key.Binding

	// Rights and rules: open a rights case (Match lists, a worker's page).
	RightsCase key.Binding

	// Admin: restore the default matching weights; open a case on its own in the ledger and
	// correct a case's summary and amount.
	WeightsDefaults key.Binding
	CaseNew         key.Binding
	CaseCorrect     key.Binding
}

// DefaultKeyMap builds the key map with help text in the catalogue's language.
// Screen keys are F-keys and Alt+digits: neither can clash with typing in a field.
func DefaultKeyMap(t func(string, ...any) string) *KeyMap {
	k := &KeyMap{
		Help:   key.NewBinding(key.WithKeys("?", "f12"), key.WithHelp("?", t("key.help"))),
		Quit:   key.NewBinding(key.WithKeys("ctrl+c", "f10"), key.WithHelp("F10", t("key.quit"))),
		Staff:  key.NewBinding(key.WithKeys("f8"), key.WithHelp("F8", t("key.staff"))),
		Back:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("Esc", t("key.back"))),
		Up:     key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", t("key.up"))),
		Down:   key.NewBinding(key.WithKeys("down"), key.WithHelp("↓", t("key.down"))),
		PgUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("PgUp", t("key.up"))),
		PgDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("PgDn", t("key.down"))),
		Select: key.NewBinding(key.WithKeys("enter"), key.WithHelp("Enter", t("key.select"))),
		Next:   key.NewBinding(key.WithKeys("tab"), key.WithHelp("Tab", t("key.next"))),
		Prev:   key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("Shift+Tab", t("key.prev"))),
		Save:   key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("Ctrl+S", t("key.save"))),
		Yes:    key.NewBinding(key.WithKeys("y", "Y"), key.WithHelp("y", t("key.yes"))),
		No:     key.NewBinding(key.WithKeys("n", "N", "esc"), key.WithHelp("n", t("key.no"))),
	}
	k.BoardHome = key.NewBinding(key.WithKeys("home"), key.WithHelp("Home", t("board.key.first")))
	k.BoardEnd = key.NewBinding(key.WithKeys("end"), key.WithHelp("End", t("board.key.last")))
	k.BoardSearch = key.NewBinding(key.WithKeys("/"), key.WithHelp("/", t("board.key.search")))
	k.BoardTrade = key.NewBinding(key.WithKeys("t", "T"), key.WithHelp("t/T", t("board.key.trade")))
	k.BoardArea = key.NewBinding(key.WithKeys("s", "S"), key.WithHelp("s/S", t("board.key.area")))
	k.BoardDay = key.NewBinding(key.WithKeys("d", "D"), key.WithHelp("d", t("board.key.day")))
	k.BoardUrgent = key.NewBinding(key.WithKeys("u", "U"), key.WithHelp("u", t("board.key.urgent")))
	k.BoardClear = key.NewBinding(key.WithKeys("x", "X"), key.WithHelp("x", t("board.key.clear")))
	k.KioskExit = key.NewBinding(key.WithKeys("ctrl+q"), key.WithHelp("Ctrl+Q ×2", t("kiosk.key.exit")))
	k.JobNew = key.NewBinding(key.WithKeys("n", "ctrl+n", "insert"), key.WithHelp("n", t("jobs.key.new")))
	k.JobEdit = key.NewBinding(key.WithKeys("e"), key.WithHelp("e", t("jobs.key.edit")))
	k.JobCancel = key.NewBinding(key.WithKeys("c"), key.WithHelp("c", t("jobs.key.cancel")))
	k.JobExpire = key.NewBinding(key.WithKeys("x"), key.WithHelp("x", t("jobs.key.expire")))
	k.JobReveal = key.NewBinding(key.WithKeys("r"), key.WithHelp("r", t("jobs.key.reveal")))
	k.JobTabs = key.NewBinding(key.WithKeys("left", "right", "tab"), key.WithHelp("←→", t("jobs.key.tabs")))
	k.JobToggle = key.NewBinding(key.WithKeys(" ", "left", "right"), key.WithHelp("Space ←→", t("jobs.key.toggle")))
	matchKeys(k, t)
	fkeys := [PageCount]string{"f1", "f2", "f3", "f4", "f5", "f7"}
	altkeys := [PageCount]string{"alt+1", "alt+2", "alt+3", "alt+4", "alt+5", "alt+7"}
	for p := range PageCount {
		k.Screens[p] = key.NewBinding(key.WithKeys(fkeys[p], altkeys[p]),
			key.WithHelp(FKeys[p], t(TabKeys[p])))
	}
	k.Admin = key.NewBinding(key.WithKeys("f6", "alt+6"), key.WithHelp("F6", t("key.admin")))
	return k
}

func matchKeys(k *KeyMap, t func(string, ...any) string) {
	b := func(help string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(keys[0], t(help)))
	}
	k.MatchJob = b("match.key.job", "g", "#")
	k.MatchWalkIn = b("match.key.walkin", "w")
	k.MatchToday = b("match.key.today", "t")
	k.MatchFollowUp = b("match.key.followup", "f")
	k.MatchPlan = b("match.key.plan", "p")
	k.MatchNoAnswer = b("match.key.no_answer", "n")
	k.MatchDecline = b("match.key.decline", "x")
	k.MatchAccept = b("match.key.accept", "a")
	k.MatchDispatch = b("match.key.dispatch", "d")
	k.MatchSkip = b("match.key.skip", "s")
	k.MatchReveal = b("match.key.reveal", "v")
	k.MatchCheckIn = b("dispatch.key.check_in", "i")
	k.MatchDone = b("dispatch.key.done", "e")
	k.MatchPaid = b("dispatch.key.paid", "m")
	k.MatchRate = b("dispatch.key.rate", "r")
	k.MatchNoShow = b("dispatch.key.no_show", "o")
	k.MatchCancel = b("dispatch.key.cancel", "c")
	k.MatchDispute = b("dispatch.key.dispute", "u")
	k.MatchResolve = b("dispatch.key.resolve", "v")
	k.MatchSlip = b("slip.key.save", "ctrl+p")
	k.MatchSlip.SetHelp("Ctrl+P", t("slip.key.save"))
	k.PlanAccept = b("plan.key.accept", "a", "enter")
	k.PlanAcceptAll = b("plan.key.accept_all", "A")
	k.PlanChange = b("plan.key.change", "c")
	k.PlanDrop = b("plan.key.drop", "x")
	k.PlanPrevDay = b("plan.key.prev_day", "[")
	k.PlanNextDay = b("plan.key.next_day", "]")
	k.RightsCase = b("rights.key.case", "k")
	k.WeightsDefaults = b("admin.weights.key.defaults", "ctrl+r")
	k.WeightsDefaults.SetHelp("Ctrl+R", t("admin.weights.key.defaults"))
	k.CaseNew = b("rights.key.new", "+", "insert")
	k.CaseCorrect = b("rights.key.correct", "e")
}
