// Package match is the Match screen: a job's ranked candidates with their reasons, call
// outcomes and dispatch; the walk-in's ranked jobs; today's dispatches and the follow-up list
// with their lifecycle keys; and the one-key day plan.
//
// The Model routes between one sub-model per view (job.go, walkin.go, today.go, plan.go); the
// one-line questions are tui/widget/prompt, asked one at a time (question.go). The screen
// writes nothing itself: every change is one store call in a command, and every list reloads
// after common.ChangedMsg. It must not query the store from View or hold SQL.
package match

import (
	"slices"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/tui/common"
)

// view is the Match screen's sub-view; the five top-level tabs stay as they are.
type view int

const (
	viewJob view = iota
	viewWalkIn
	viewToday
	viewFollowUp
	viewPlan
)

// pane is one of the screen's views: its own messages, keys, Esc, rendering and help.
type pane interface {
	update(tea.Msg) tea.Cmd
	key(tea.KeyMsg) tea.Cmd
	back() bool // Esc steps back inside the pane; false sends the screen back to the job
	view() string
	help() []key.Binding
	reload() tea.Cmd // fetch again what the pane shows, after a change anywhere
	mouse(tea.MouseMsg) tea.Cmd
}

// shared is what the views share: the context, the size, the load counter and the question.
type shared struct {
	c             *common.Common
	width, height int
	req           int       // numbers every load, on every view: an older answer is dropped
	loading       bool      // a job's ranking or a day plan is on its way
	q             *question // the one-line question being asked, nil when none
}

// Model is the Match screen.
type Model struct {
	*shared
	view view
	job  *jobPane
	walk *walkPane
	list *listPane // today's dispatches and the follow-up list
	plan *planPane
}

// New returns the Match screen.
func New(c *common.Common) common.Screen {
	d := &shared{c: c}
	return &Model{shared: d, job: newJobPane(d), walk: &walkPane{shared: d}, list: &listPane{shared: d},
		plan: &planPane{shared: d, picking: -1}}
}

func (m *Model) Init() tea.Cmd { return m.warmPool() }

func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	if m.q != nil {
		m.q.p.SetLineWidth(m.width)
	}
}

// pane is the sub-model of the current view.
func (m *Model) pane() pane {
	switch m.view {
	case viewWalkIn:
		return m.walk
	case viewToday, viewFollowUp:
		return m.list
	case viewPlan:
		return m.plan
	}
	return m.job
}

// show switches to a view; today's list and the follow-up list are one pane with two filters.
func (m *Model) show(v view) {
	m.view = v
	m.list.followUp = v == viewFollowUp
}

// defaultPlanDate is tomorrow, the day a plan is usually made for.
func (m *Model) defaultPlanDate() string {
	return m.c.Clock().AddDate(0, 0, 1).Format(time.DateOnly)
}

func (m *Model) Capturing() bool { return m.q != nil || m.list.caseF != nil }

func (m *Model) Dirty() bool {
	if m.list.caseF != nil {
		return m.list.caseF.Dirty()
	}
	return m.q != nil && m.q.dirty()
}

func (m *Model) ShortHelp() []key.Binding {
	k := m.c.Keys
	if m.q != nil || m.list.caseF != nil {
		return []key.Binding{k.Select, k.Back}
	}
	return m.pane().help()
}

// FullHelp is the views to switch to, then the keys of the view shown: a key means one thing
// in what the dispatcher sees (x declines a call here, drops a plan line there).
func (m *Model) FullHelp() [][]key.Binding {
	k := m.c.Keys
	views := []key.Binding{k.MatchJob, k.MatchWalkIn, k.MatchToday, k.MatchFollowUp, k.MatchPlan, k.Back}
	var own []key.Binding
	for _, b := range m.ShortHelp() {
		if !slices.ContainsFunc(views, func(v key.Binding) bool { return slices.Equal(v.Keys(), b.Keys()) }) {
			own = append(own, b)
		}
	}
	return [][]key.Binding{views, own}
}
