package staff

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/tui/common"
	"gigdesk/tui/i18n"
	"gigdesk/tui/tuitest"
)

var testNow = time.Date(2026, 11, 28, 14, 30, 0, 0, store.Shanghai)

const headPIN = "2468"

func init() { store.UseFastPINHashing() }

// station is a set-up station with the head 王芳 (PIN 2468) on duty and the clerk 李强, who has
// no PIN yet.
func station(t *testing.T, lang i18n.Lang) (*common.Common, store.Staff) {
	t.Helper()
	c := tuitest.Station(t, lang, testNow)
	head, err := c.Store.SetupWithPIN(t.Context(), "后街零工市场", "王芳", headPIN)
	if err != nil {
		t.Fatal(err)
	}
	clerk, err := c.Store.AddStaff(t.Context(), head.ID, "李强", store.RoleStaff)
	if err != nil {
		t.Fatal(err)
	}
	c.Staff = head
	return c, clerk
}

// chooser drives m, keeping what it tells the root: who was chosen, and status lines.
func chooser(t *testing.T, m *Model) *tuitest.Screen {
	t.Helper()
	return tuitest.NewScreen(t, m, 80, 19, func(msg tea.Msg) bool {
		switch msg.(type) {
		case ChosenMsg, common.StatusMsg:
			return true
		}
		return false
	})
}

func chosenStaff(d *tuitest.Screen) (store.Staff, bool) {
	for _, msg := range d.Kept {
		if m, ok := msg.(ChosenMsg); ok {
			return m.Staff, true
		}
	}
	return store.Staff{}, false
}

func TestChooserSignsInWithThePIN(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.Zh, i18n.En} {
		t.Run(string(lang), func(t *testing.T) {
			c, _ := station(t, lang)
			d := chooser(t, New(c))
			v := d.View()
			if !strings.Contains(v, c.T("staff.title")) || !strings.Contains(v, "1  王芳") || !strings.Contains(v, "2  李强") ||
				!strings.Contains(v, c.T("staff.role.head")) || !strings.Contains(v, "+ "+c.T("staff.add")) {
				t.Fatalf("staff list:\n%s", v)
			}
			d.Press(tea.KeyEnter)
			if v := d.View(); !strings.Contains(v, c.T("pin.title", "王芳")) {
				t.Fatalf("Enter did not ask the PIN of the first name:\n%s", v)
			}
			d.Type("1111")
			if v := d.View(); strings.Contains(v, "1111") || !strings.Contains(v, "••••") {
				t.Fatalf("the PIN is not hidden as it is typed:\n%s", v)
			}
			d.Press(tea.KeyEnter)
			if v := d.View(); !strings.Contains(v, c.T("pin.wrong_left", 4)) {
				t.Fatalf("a wrong PIN is not refused with the tries left:\n%s", v)
			}
			if _, ok := chosenStaff(d); ok {
				t.Fatal("a wrong PIN chose someone")
			}
			d.Type(headPIN)
			d.Press(tea.KeyEnter)
			if st, ok := chosenStaff(d); !ok || st.Name != "王芳" {
				t.Fatalf("the right PIN chose %+v (%v)", st, ok)
			}
		})
	}
}

// A digit picks that line; someone without a PIN chooses one, typed twice.
func TestChooserSetsAFirstPIN(t *testing.T) {
	c, clerk := station(t, i18n.Zh)
	d := chooser(t, New(c))
	d.Type("2")
	if v := d.View(); !strings.Contains(v, c.T("pin.new_title", "李强")) || !strings.Contains(v, c.T("pin.new")) {
		t.Fatalf("no new PIN asked for the clerk:\n%s", v)
	}
	d.Type("1357")
	d.Press(tea.KeyEnter)
	if v := d.View(); !strings.Contains(v, c.T("pin.again")) {
		t.Fatalf("the new PIN is not asked again:\n%s", v)
	}
	d.Type("7531")
	d.Press(tea.KeyEnter)
	if v := d.View(); !strings.Contains(v, c.T("pin.mismatch")) || !strings.Contains(v, c.T("pin.new")) {
		t.Fatalf("two different PINs are not asked again:\n%s", v)
	}
	d.Type("1357")
	d.Press(tea.KeyEnter)
	d.Type("1357")
	d.Press(tea.KeyEnter)
	st, ok := chosenStaff(d)
	if !ok || st.ID != clerk.ID || !st.HasPIN {
		t.Fatalf("the clerk was not chosen with the new PIN: %+v (%v)", st, ok)
	}
	if _, err := c.Store.StaffSignIn(t.Context(), clerk.ID, "1357"); err != nil {
		t.Fatalf("the new PIN was not saved: %v", err)
	}
}

// The head adds a staff member from the list; a clerk on duty may not.
func TestChooserAddsStaffForTheHeadOnly(t *testing.T) {
	c, clerk := station(t, i18n.Zh)
	d := chooser(t, New(c))
	d.Type("+")
	if !d.M.Capturing() {
		t.Fatal("+ did not open the name field")
	}
	d.Type("张伟")
	if !d.M.Dirty() {
		t.Fatal("a typed name does not count as unsaved input")
	}
	d.Press(tea.KeyEnter)
	if v := d.View(); !strings.Contains(v, c.T("pin.new_title", "张伟")) {
		t.Fatalf("the new staff member is not asked for a PIN:\n%s", v)
	}
	list, err := c.Store.ListStaff(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 3 {
		t.Fatalf("staff after adding = %d, want 3", len(list))
	}

	c.Staff = clerk
	d = chooser(t, New(c))
	if strings.Contains(d.View(), c.T("staff.add")) {
		t.Fatalf("a clerk is offered to add staff:\n%s", d.View())
	}
	d.Type("+")
	want := c.Cat.Err(&store.Error{Code: store.Conflict, Key: "staff.head_only"})
	if v := d.View(); d.M.Capturing() || !strings.Contains(v, want) {
		t.Fatalf("a clerk opened the name field, or was not told why not:\n%s", v)
	}
}

// The idle lock asks only the PIN of whoever is on duty; Esc does not open it.
func TestLockOpensOnlyWithThePIN(t *testing.T) {
	c, _ := station(t, i18n.En)
	m := NewLock(c, 10)
	d := chooser(t, m)
	if !m.Locked() {
		t.Fatal("NewLock is not the lock")
	}
	v := d.View()
	if !strings.Contains(v, c.T("lock.title")) || !strings.Contains(v, c.T("lock.intro", 10)) || !strings.Contains(v, c.T("lock.other")) {
		t.Fatalf("lock screen:\n%s", v)
	}
	d.Press(tea.KeyEsc)
	if v := d.View(); !strings.Contains(v, c.T("lock.title")) || !strings.Contains(v, c.T("pin.prompt")) {
		t.Fatalf("Esc left the lock:\n%s", v)
	}
	d.Type(headPIN)
	d.Press(tea.KeyEnter)
	if st, ok := chosenStaff(d); !ok || st.Name != "王芳" {
		t.Fatalf("the PIN did not open the lock: %+v (%v)", st, ok)
	}
}
