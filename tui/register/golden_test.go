package register

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"gigdesk/tui/common"
	"gigdesk/tui/i18n"
)

// screenModel runs one screen as a program, sized as the root sizes it (the body is height−5).
type screenModel struct{ s common.Screen }

func (m screenModel) Init() tea.Cmd { return m.s.Init() }
func (m screenModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.s.SetSize(msg.Width, msg.Height-5)
		return m, nil
	case tea.KeyMsg:
		if msg.String() == "f10" {
			return m, tea.Quit
		}
	}
	var cmd tea.Cmd
	m.s, cmd = m.s.Update(msg)
	return m, cmd
}
func (m screenModel) View() string { return m.s.View() }

// TestGoldenForm keeps the registration form at 80x24 in both languages, part filled in,
// with the trade list open and a problem shown at the phone field.
func TestGoldenForm(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.Zh, i18n.En} {
		t.Run(string(lang), func(t *testing.T) {
			c := testCommon(t, lang)
			tm := teatest.NewTestModel(t, screenModel{New(c)}, teatest.WithInitialTermSize(80, 24))
			tm.Send(tea.KeyMsg{Type: tea.KeyCtrlN})
			tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("张三丰")})
			tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
			tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("1380013")})
			tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
			tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("s")})
			want := "Trades"
			if lang == i18n.Zh {
				want = "工种"
			}
			teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return strings.Contains(string(b), want) },
				teatest.WithDuration(5*time.Second))
			time.Sleep(200 * time.Millisecond)
			tm.Send(tea.KeyMsg{Type: tea.KeyF10})
			fm := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second))
			golden.RequireEqual(t, []byte(ansi.Strip(fm.View())))
		})
	}
}
