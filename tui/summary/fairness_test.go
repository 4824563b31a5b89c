package summary

import (
	"os"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"gigdesk/tui/common"
	"gigdesk/tui/i18n"
)

// `f` brings the fairness section to the top: the Gini and the priority groups for the day
// and the last 30 days, and who signed in most without work, and why; the arrows go on from there.
func TestFairnessSectionByKey(t *testing.T) {
	for _, c := range []struct {
		lang  i18n.Lang
		w, h  int
		title string
		want  []string
	}{
		{i18n.Zh, 80, 24, "公平派工", []string{"出工天数基尼系数", "本期", "近30天", "重点群体占签到"}},
		{i18n.En, 140, 40, "Fair shares", []string{"Gini of days worked", "Priority share of dispatches", "Signed in most, never dispatched", "signed in"}},
	} {
		t.Run(string(c.lang), func(t *testing.T) {
			m := start(t, newCommon(t, c.lang), c.w, c.h)
			top := view(m)
			if strings.Contains(top, c.title) {
				t.Fatalf("the section is on the first page already:\n%s", view(m))
			}
			m, _ = run(t, m, keyMsg("f"))
			v := view(m)
			lines := strings.Split(v, "\n")
			if len(lines) < 2 || !strings.Contains(lines[1], c.title) {
				t.Fatalf("after f the first body line is not the section's title:\n%s", v)
			}
			for _, w := range c.want {
				if !strings.Contains(v, w) {
					t.Errorf("the section lacks %q:\n%s", w, v)
				}
			}
			for i, l := range lines {
				if lipgloss.Width(l) > c.w {
					t.Errorf("line %d is %d cells wide, over %d: %q", i, lipgloss.Width(l), c.w, l)
				}
			}
			m, _ = run(t, m, keyMsg("down"))
			if strings.Contains(strings.Split(view(m), "\n")[1], c.title) {
				t.Error("↓ after f did not scroll on")
			}
			m, _ = run(t, m, keyMsg("home"))
			if view(m) != top {
				t.Error("home did not go back to the top")
			}
		})
	}
}

// The figures are drawn before the fairness section is counted (at a district it costs ten
// times the rest): until it comes the section says it is counting and an export waits for it;
// then it holds its figures, and an answer for a period no longer shown is dropped.
func TestFairnessComesAfterTheFigures(t *testing.T) {
	c := newCommon(t, i18n.Zh)
	m := New(c)
	m.SetSize(80, 200)
	loaded := m.Init()().(loadedMsg)
	s, cmd := m.Update(loaded)
	if cmd == nil {
		t.Fatal("no fairness asked for after the figures")
	}
	v := view(s)
	if !strings.Contains(v, "新登记零工") || !strings.Contains(v, "公平派工") || strings.Contains(v, "出工天数基尼系数") {
		t.Fatalf("before the fairness answer the figures should show and the section say it is counting:\n%s", v)
	}
	if !strings.Contains(v[strings.Index(v, "公平派工"):], "正在统计") {
		t.Fatalf("the pending section does not say it is counting:\n%s", v)
	}
	if st := s.(*Model).export(); st == nil || !strings.Contains(statusOf(st), "统计完就导出") {
		t.Fatal("an export before the fairness answer does not say it waits for the section")
	}
	fair := cmd().(fairMsg)
	stale := fair
	stale.req--
	if _, again := s.Update(stale); again != nil || strings.Contains(view(s), "出工天数基尼系数") {
		t.Fatal("an answer for an older request was taken")
	}
	s, cmd = s.Update(fair)
	if v := view(s); !strings.Contains(v, "出工天数基尼系数") || strings.Contains(v[strings.Index(v, "公平派工"):], "正在统计") {
		t.Fatalf("after the answer the section lacks its figures:\n%s", v)
	}
	if path := exported(t, cmd); !strings.HasSuffix(path, ".xlsx") {
		t.Fatalf("the export asked for while counting was not written when the section came: %q", path)
	}
}

// An export asked for while one period counts is not written for the next one shown.
func TestAskedExportStaysWithItsPeriod(t *testing.T) {
	c := newCommon(t, i18n.En)
	m := New(c)
	m.SetSize(80, 200)
	s, _ := m.Update(m.Init()().(loadedMsg))
	if st := s.(*Model).export(); st == nil {
		t.Fatal("no answer to an export while counting")
	}
	s, cmd := s.Update(tea.KeyMsg{Type: tea.KeyLeft}) // the day before, asked before the answer
	s, cmd = s.Update(cmd().(loadedMsg))
	if s, cmd = s.Update(cmd().(fairMsg)); cmd != nil {
		t.Fatalf("the day before was exported for an export asked on today: %T", cmd())
	}
	if v := view(s); !strings.Contains(v, "Gini") {
		t.Fatalf("the day before shows no fairness figures:\n%s", v)
	}
}

// An export asked for before even the figures came (e pressed as the screen opens) is written
// once the whole summary is in.
func TestExportAskedWhileLoadingIsWritten(t *testing.T) {
	c := newCommon(t, i18n.En)
	m := New(c).(*Model)
	m.SetSize(80, 200)
	load := m.Init()
	if st := m.export(); st == nil || !strings.Contains(statusOf(st), "exporting when done") {
		t.Fatal("an export asked before the figures came does not say it waits")
	}
	s, cmd := m.Update(load().(loadedMsg))
	if cmd == nil {
		t.Fatal("no fairness asked for")
	}
	s, cmd = s.Update(cmd().(fairMsg))
	if path := exported(t, cmd); !strings.HasSuffix(path, ".xlsx") {
		t.Fatalf("the export asked for while loading was not written: %q", path)
	}
}

// exported runs an export command and returns the file it wrote, failing on an error.
func exported(t *testing.T, cmd tea.Cmd) string {
	t.Helper()
	if cmd == nil {
		t.Fatal("no command")
	}
	msgs := []tea.Msg{cmd()}
	for len(msgs) > 0 {
		msg := msgs[0]
		msgs = msgs[1:]
		switch msg := msg.(type) {
		case tea.BatchMsg:
			for _, c := range msg {
				if c != nil {
					msgs = append(msgs, c())
				}
			}
		case exportedMsg:
			if msg.err != nil {
				t.Fatal(msg.err)
			}
			if _, err := os.Stat(msg.path); err != nil {
				t.Fatal(err)
			}
			return msg.path
		}
	}
	return ""
}

// statusOf is the footer text a command shows, "" when it shows none.
func statusOf(cmd tea.Cmd) string {
	if st, ok := cmd().(common.StatusMsg); ok {
		return st.Text
	}
	return ""
}
