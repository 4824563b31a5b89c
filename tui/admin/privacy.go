package admin

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"gigdesk/store"
	"gigdesk/store/valid"
	"gigdesk/tui/common"
)

// privacyPane is one person's data: Tab chooses worker or employer, their number is typed,
// Ctrl+E exports everything kept about them to a file, Del erases them after a y/n question.
type privacyPane struct {
	*desk
	kindEmployer bool
	person       textinput.Model
	found        string // whose record the typed number is, masked
	confirm      string // a question waiting for y/n (erase)

	export, erase key.Binding
}

// personFound names whose record the typed number is.
type personFound struct{ name string }

func newPrivacyPane(d *desk) *privacyPane {
	t := d.c.T
	p := &privacyPane{desk: d, person: common.NewInput(),
		export: key.NewBinding(key.WithKeys("ctrl+e"), key.WithHelp("Ctrl+E", t("admin.priv.export"))),
		erase:  key.NewBinding(key.WithKeys("delete"), key.WithHelp("Del", t("admin.priv.erase"))),
	}
	p.person.CharLimit = 10
	p.person.Placeholder = "1"
	return p
}

func (p *privacyPane) load() tea.Cmd { return p.person.Focus() }

func (p *privacyPane) changed() tea.Cmd { return nil }

func (p *privacyPane) leave() {
	p.person.Blur()
	p.confirm = ""
}

func (p *privacyPane) update(msg tea.Msg) (tea.Cmd, bool) {
	pm := msg.(paneMsg)
	if f, ok := pm.v.(personFound); ok && pm.req == p.req {
		p.found, p.err = f.name, p.c.Cat.Err(pm.err)
	}
	return nil, true
}

// who is the kind and number typed.
func (p *privacyPane) who() (store.Person, int64) {
	kind := store.PersonWorker
	if p.kindEmployer {
		kind = store.PersonEmployer
	}
	id, _ := strconv.ParseInt(strings.TrimSpace(p.person.Value()), 10, 64)
	return kind, max(id, 0)
}

// lookup shows whose record the typed number is, so the head erases the right person.
func (p *privacyPane) lookup() tea.Cmd {
	p.req++
	req, s, ctx := p.req, p.c.Store, p.c.Ctx
	kind, id := p.who()
	p.found = ""
	if id == 0 {
		return nil
	}
	return func() tea.Msg {
		if kind == store.PersonWorker {
			w, err := s.Worker(ctx, id)
			return paneMsg{to: secPrivacy, req: req, v: personFound{valid.MaskName(w.Name)}, err: err}
		}
		e, err := s.Employer(ctx, id)
		return paneMsg{to: secPrivacy, req: req, v: personFound{valid.MaskName(e.Name)}, err: err}
	}
}

func (p *privacyPane) key(msg tea.KeyMsg) tea.Cmd {
	k := p.c.Keys
	if p.confirm != "" {
		switch {
		case key.Matches(msg, k.Yes):
			p.confirm = ""
			return p.eraseNow()
		case key.Matches(msg, k.No):
			p.confirm = ""
		}
		return nil
	}
	_, id := p.who()
	switch {
	case key.Matches(msg, k.Next), key.Matches(msg, k.Prev):
		p.kindEmployer = !p.kindEmployer
		return p.lookup()
	case key.Matches(msg, p.export):
		if id == 0 {
			return nil
		}
		return p.exportNow()
	case key.Matches(msg, p.erase):
		if id != 0 && p.found != "" {
			p.confirm = p.c.T("admin.priv.confirm", p.found)
		}
		return nil
	}
	var cmd tea.Cmd
	before := p.person.Value()
	p.person, cmd = p.person.Update(msg)
	if p.person.Value() != before {
		return tea.Batch(cmd, p.lookup())
	}
	return cmd
}

// exportDir is where the exports go: beside the station's database.
func (p *privacyPane) exportDir() string {
	return filepath.Join(filepath.Dir(p.c.Store.Path()), "exports")
}

func (p *privacyPane) exportNow() tea.Cmd {
	s, ctx, by := p.c.Store, p.c.Ctx, p.c.Staff.ID
	kind, id := p.who()
	dir := p.exportDir()
	path := filepath.Join(dir, fmt.Sprintf("%s-%d-%s.json", kind, id, p.c.Clock().Format("20060102-150405")))
	return func() tea.Msg {
		if err := mkdir(dir); err != nil {
			return doneMsg{err: &store.Error{Code: store.Invalid, Key: "privacy.out", Err: err}}
		}
		if _, err := s.ExportPersonFile(ctx, by, kind, id, path); err != nil {
			return doneMsg{err: err}
		}
		p.c.Log.Event("export done", "kind", "person", "by_staff", by)
		return doneMsg{text: p.c.T("admin.priv.exported", path)}
	}
}

func (p *privacyPane) eraseNow() tea.Cmd {
	s, ctx, by := p.c.Store, p.c.Ctx, p.c.Staff.ID
	kind, id := p.who()
	who := p.found
	return func() tea.Msg {
		rep, err := s.ErasePerson(ctx, by, kind, id)
		if err != nil {
			return doneMsg{err: err}
		}
		text := p.c.T("admin.priv.erased", who)
		if n := len(rep.Exports); n > 0 { // the clerk must find these: gigdesk cannot reach them
			last := rep.Exports[n-1]
			where := last.Path
			if where == "" {
				where = last.Action
			}
			text += " " + p.c.T("admin.priv.erase_files", n, last.At.Format("2006-01-02 15:04"), where)
		}
		if len(rep.BackupErrs) > 0 {
			text += " " + p.c.T("privacy.erase.backup_bad", rep.BackupErrs[0])
		}
		return doneMsg{text: text}
	}
}

func mkdir(dir string) error { return os.MkdirAll(dir, 0o700) }

func (p *privacyPane) view(w, _ int) string {
	s := p.c.Styles
	var b strings.Builder
	kind := p.c.T("admin.priv.worker")
	if p.kindEmployer {
		kind = p.c.T("admin.priv.employer")
	}
	b.WriteString(s.Label.Render(p.c.T("admin.priv.kind")) + "  " + kind + "\n")
	b.WriteString(s.Label.Render(p.c.T("admin.priv.id")) + "  " + p.person.View() + "\n")
	if p.found != "" {
		b.WriteString(p.c.T("admin.priv.found", p.found) + "\n")
	}
	b.WriteString("\n" + s.Subtle.Render(p.c.T("admin.priv.hint")) + "\n")
	b.WriteString(s.Subtle.Render(p.c.T("admin.priv.folder", p.exportDir())) + "\n")
	if p.confirm != "" {
		b.WriteString("\n" + s.Dialog.Render(lipgloss.NewStyle().Width(min(60, w-8)).Render(p.confirm)))
	}
	return b.String()
}

func (p *privacyPane) help() []key.Binding {
	return []key.Binding{p.c.Keys.Next, p.export, p.erase}
}

// capturing: the personal-data section is a form.
func (p *privacyPane) capturing() bool { return true }

func (p *privacyPane) dirty() bool { return false }
