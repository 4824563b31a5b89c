package caseform_test

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"gigdesk/store"
	"gigdesk/tui/common"
	"gigdesk/tui/i18n"
	"gigdesk/tui/tuitest"
	"gigdesk/tui/widget/caseform"
)

var testNow = time.Date(2026, 11, 28, 14, 30, 0, 0, store.Shanghai)

// station is a fresh station in English with a head of station on duty and one worker.
func station(t *testing.T) (*common.Common, store.Worker) {
	t.Helper()
	c := tuitest.Station(t, i18n.En, testNow)
	ctx := context.Background()
	head, err := c.Store.Setup(ctx, "Back Street Market", "Li")
	if err != nil {
		t.Fatalf("set up the station: %v", err)
	}
	c.Staff, c.Width, c.Height = head, 80, 24
	w, err := c.Store.CreateWorker(ctx, head.ID, store.Worker{Name: "张三丰", Phone: "13800138000", BirthYear: 1980,
		Trades: []store.WorkerTrade{{TradeID: 1}}})
	if err != nil {
		t.Fatalf("register a worker: %v", err)
	}
	return c, w
}

// driver presses keys on a form as its parent screen would hand them on.
type driver struct {
	t    *testing.T
	c    *common.Common
	f    *caseform.Form
	last caseform.Result
}

func open(t *testing.T, c *common.Common, w store.Worker, claim int64) *driver {
	f := caseform.New(c, store.RightsCase{WorkerID: w.ID}, "worker #1 张*丰", claim)
	f.Focus()
	return &driver{t: t, c: c, f: f}
}

func (d *driver) press(msgs ...tea.KeyMsg) {
	for _, msg := range msgs {
		_, d.last = d.f.Update(msg)
	}
}

func (d *driver) key(k tea.KeyType) { d.press(tea.KeyMsg{Type: k}) }

func (d *driver) runes(s string) { d.press(tuitest.Runes(s)) }

func (d *driver) view() string { return ansi.Strip(d.f.View(80)) }

func (d *driver) mustSee(want ...string) {
	d.t.Helper()
	v := d.view()
	for _, w := range want {
		if !strings.Contains(v, w) {
			d.t.Fatalf("form lacks %q:\n%s", w, v)
		}
	}
}

// lineWith is the form's line holding s, and the line under it.
func (d *driver) lineWith(s string) (line, under string) {
	d.t.Helper()
	lines := strings.Split(d.view(), "\n")
	for i, l := range lines {
		if strings.Contains(l, s) {
			if i+1 < len(lines) {
				return l, lines[i+1]
			}
			return l, ""
		}
	}
	d.t.Fatalf("form lacks a line with %q:\n%s", s, d.view())
	return "", ""
}

// save submits the form, takes its case and saves it as a parent does; the store's refusal
// goes back to the form.
func (d *driver) save() (store.RightsCase, error) {
	d.t.Helper()
	if d.last != caseform.Submit {
		d.t.Fatalf("the form did not submit: %v", d.last)
	}
	rc, ok := d.f.Case()
	if !ok {
		d.t.Fatalf("the form refused its own case:\n%s", d.view())
	}
	saved, err := d.c.Store.OpenCase(context.Background(), d.c.Staff.ID, rc)
	if err != nil {
		d.f.SetError(err)
	}
	return saved, err
}

func countCases(t *testing.T, c *common.Common) int {
	t.Helper()
	cs, err := c.Store.RightsCases(context.Background(), store.CaseFilter{})
	if err != nil {
		t.Fatalf("list the cases: %v", err)
	}
	return len(cs)
}

func TestFillInUnpaidWages(t *testing.T) {
	c, w := station(t)
	d := open(t, c, w, 0)
	d.mustSee("Open a rights case", "worker #1 张*丰", "Wages owed (yuan)")
	d.runes("1") // unpaid wages, on to who complains
	d.runes("e") // the employer, on to the amount
	d.runes("350.5")
	d.key(tea.KeyTab)
	d.runes("Three days not paid")
	if !d.f.Dirty() {
		t.Fatal("a typed summary is not dirty")
	}
	d.key(tea.KeyEnter) // Enter on the last field submits
	saved, err := d.save()
	if err != nil {
		t.Fatalf("open the case: %v", err)
	}
	if saved.Kind != store.CaseUnpaid || saved.OpenedBy != store.ByEmployer || saved.AmountFen != 35050 ||
		saved.Summary != "Three days not paid" || saved.WorkerID != w.ID {
		t.Fatalf("saved = %+v", saved)
	}
	if n := countCases(t, c); n != 1 {
		t.Fatalf("%d cases saved", n)
	}
}

func TestFillInSkipsTheAmountForOtherKinds(t *testing.T) {
	c, w := station(t)
	d := open(t, c, w, 12000)
	d.mustSee("Wages owed (yuan)", "120.00") // the wages offered are filled in for unpaid wages
	d.runes("2")                             // injury: no amount asked
	if strings.Contains(d.view(), "Wages owed") {
		t.Fatalf("an amount asked for an injury:\n%s", d.view())
	}
	d.runes("w") // the worker complains: on to the summary, past the amount
	d.runes("Hurt carrying boxes")
	d.mustSee("Hurt carrying boxes")
	d.key(tea.KeyCtrlS)
	saved, err := d.save()
	if err != nil {
		t.Fatalf("open the case: %v", err)
	}
	if saved.Kind != store.CaseInjury || saved.OpenedBy != store.ByWorker || saved.AmountFen != 0 || saved.Summary != "Hurt carrying boxes" {
		t.Fatalf("saved = %+v", saved)
	}
}

// An amount that is not money is refused by the form, one the store refuses comes back with
// SetError: both show at the amount, and what was typed stays.
func TestRefusalAtItsFieldKeepsWhatWasTyped(t *testing.T) {
	c, w := station(t)
	d := open(t, c, w, 0)
	d.runes("1")
	d.runes("w")
	d.runes("abc")
	d.key(tea.KeyTab)
	d.runes("Owed for a season")
	d.key(tea.KeyCtrlS)
	if d.last != caseform.Submit {
		t.Fatalf("Ctrl+S: %v", d.last)
	}
	if _, ok := d.f.Case(); ok {
		t.Fatal("an amount of abc was taken")
	}
	line, under := d.lineWith("Wages owed (yuan)")
	if !strings.Contains(line, "abc") || !strings.Contains(under, "Please enter an amount in yuan") {
		t.Fatalf("the refusal is not at the amount:\n%s", d.view())
	}
	d.mustSee("Owed for a season")

	// too much for the store: refused at the amount, the summary kept, the amount in focus
	d.key(tea.KeyShiftTab)
	for range 3 {
		d.key(tea.KeyBackspace)
	}
	d.runes("2000000")
	d.key(tea.KeyCtrlS)
	if _, err := d.save(); err == nil {
		t.Fatal("the store took two million yuan")
	}
	line, under = d.lineWith("Wages owed (yuan)")
	if !strings.HasPrefix(line, "›") || !strings.Contains(line, "2000000") || !strings.Contains(under, "That amount is not right.") {
		t.Fatalf("the store's refusal is not at the amount:\n%s", d.view())
	}
	d.mustSee("Owed for a season")
	if n := countCases(t, c); n != 0 {
		t.Fatalf("%d cases saved from refused input", n)
	}

	// staff go on typing where the refusal put them, and the case saves
	for range 3 {
		d.key(tea.KeyBackspace) // 2000 yuan
	}
	d.key(tea.KeyCtrlS)
	saved, err := d.save()
	if err != nil {
		t.Fatalf("open the corrected case: %v", err)
	}
	if saved.AmountFen != 200_000 || saved.Summary != "Owed for a season" {
		t.Fatalf("saved = %+v", saved)
	}
}

func TestEscLeavesWithoutSaving(t *testing.T) {
	c, w := station(t)
	d := open(t, c, w, 0)
	d.runes("3")
	d.runes("e")
	d.runes("Hours not as agreed")
	d.key(tea.KeyEsc)
	if d.last == caseform.Cancel {
		t.Fatal("Esc dropped a typed summary without asking")
	}
	d.runes("n") // no: back to the form, the summary kept
	d.key(tea.KeyEsc)
	d.runes("y")
	if d.last != caseform.Cancel {
		t.Fatalf("Esc, y: %v, want Cancel", d.last)
	}
	if n := countCases(t, c); n != 0 {
		t.Fatalf("%d cases saved after Esc", n)
	}
}
