package setup

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/tui/i18n"
	"gigdesk/tui/tuitest"
)

var testNow = time.Date(2026, 11, 28, 14, 30, 0, 0, store.Shanghai)

func init() { store.UseFastPINHashing() }

// newSetup is the first-run form over a fresh, unconfigured station, at the body's 80-column size.
func newSetup(t *testing.T, lang i18n.Lang) *tuitest.Screen {
	t.Helper()
	c := tuitest.Station(t, lang, testNow)
	return tuitest.NewScreen(t, New(c), 80, 19, func(msg tea.Msg) bool {
		_, done := msg.(DoneMsg)
		return done
	})
}

func done(d *tuitest.Screen) (DoneMsg, bool) {
	for _, msg := range d.Kept {
		if m, ok := msg.(DoneMsg); ok {
			return m, true
		}
	}
	return DoneMsg{}, false
}

// fill types the four fields, each followed by Enter.
func fill(d *tuitest.Screen, station, head, pin, again string) {
	for _, v := range []string{station, head, pin, again} {
		if v != "" {
			d.Type(v)
		}
		d.Press(tea.KeyEnter)
	}
}

func TestSetupSavesTheStationAndItsHead(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.Zh, i18n.En} {
		t.Run(string(lang), func(t *testing.T) {
			d := newSetup(t, lang)
			m := d.M.(*Model)
			if v := d.View(); !strings.Contains(v, m.c.T("setup.title")) || !strings.Contains(v, m.c.T("setup.station")) {
				t.Fatalf("no first-run form:\n%s", v)
			}
			if m.Dirty() || !m.Capturing() {
				t.Fatal("an empty form is dirty, or does not take typed text")
			}
			fill(d, "后街零工市场", "王芳", "2468", "2468")
			got, ok := done(d)
			if !ok {
				t.Fatalf("setup did not finish:\n%s", d.View())
			}
			if got.Head.Name != "王芳" || got.Head.Role != store.RoleHead || got.Head.ID == 0 {
				t.Fatalf("the head reported = %+v", got.Head)
			}
			s := m.c.Store
			st, err := s.Settings(t.Context())
			if err != nil {
				t.Fatal(err)
			}
			if !st.Configured() || st.StationName != "后街零工市场" {
				t.Fatalf("station not saved: %+v", st)
			}
			if _, err := s.StaffSignIn(t.Context(), got.Head.ID, "2468"); err != nil {
				t.Fatalf("the head's PIN was not saved: %v", err)
			}
		})
	}
}

// Two different PINs are asked again; the station and the head's name stay, nothing is saved.
func TestSetupAsksThePINsAgainWhenTheyDiffer(t *testing.T) {
	d := newSetup(t, i18n.Zh)
	m := d.M.(*Model)
	fill(d, "后街零工市场", "王芳", "2468", "1357")
	if _, ok := done(d); ok {
		t.Fatal("setup finished with two different PINs")
	}
	v := d.View()
	if !strings.Contains(v, m.c.T("pin.mismatch")) || !strings.Contains(v, "后街零工市场") || !strings.Contains(v, "王芳") {
		t.Fatalf("the mismatch is not shown, or the typed names were lost:\n%s", v)
	}
	if st, err := m.c.Store.Settings(t.Context()); err != nil || st.Configured() {
		t.Fatalf("settings after a mismatch: %+v %v", st, err)
	}
	// Enter keeps the names; the PINs are typed again
	fill(d, "", "", "1357", "1357")
	if got, ok := done(d); !ok || got.Head.Name != "王芳" {
		t.Fatalf("setup after typing the PINs again: %+v %v\n%s", got, ok, d.View())
	}
}

// An empty station name is refused with the reason, on the field itself.
func TestSetupRefusesAnEmptyStationName(t *testing.T) {
	d := newSetup(t, i18n.En)
	m := d.M.(*Model)
	d.Press(tea.KeyEnter)
	want := m.c.Cat.Err(&store.Error{Code: store.Invalid, Key: "station.name_empty"})
	if v := d.View(); !strings.Contains(v, want) {
		t.Fatalf("no reason %q for an empty station name:\n%s", want, v)
	}
	if _, ok := done(d); ok {
		t.Fatal("setup finished with no station name")
	}
	d.Type("Back Street")
	if !m.Dirty() {
		t.Fatal("a typed station name does not count as unsaved input")
	}
}
