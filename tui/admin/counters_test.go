package admin

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/tui/i18n"
)

// two counters' public keys (made with ssh-keygen -t ed25519)
const (
	deskKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOzhTaSFTBUgugOH+xGlSUsKtrMoCltIlD7x2IY5wzPV desk-1"
	doorKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICEPT6DH5glZDUHb3JIt72f1TjG8YsyyKL/ysgSLFdQ9 door"
)

func TestCountersAddFromPasteAndFileThenRevoke(t *testing.T) {
	m, s := opened(t, i18n.Zh, true, 100, 22)
	m.c.HostKey = "SHA256:hostkeyfingerprint"
	scr := keys(t, m, tea.KeyLeft) // ← from the first section is the last: the counters
	if m.sec != secCounters || !strings.Contains(scr, "SHA256:hostkeyfingerprint") || !strings.Contains(scr, "还没有柜台") {
		t.Fatalf("counters section:\n%s", scr)
	}
	// a private key, or a line that is no key, is refused and the question stays with the text
	scr = keys(t, m, "+", "-----BEGIN OPENSSH PRIVATE KEY-----", enter)
	if !m.Capturing() || !strings.Contains(scr, "BEGIN OPENSSH") {
		t.Fatalf("a private key was taken:\n%s", scr)
	}
	scr = keys(t, m, tea.KeyCtrlU, deskKey, enter)
	if !strings.Contains(scr, "柜台名称") || !strings.Contains(scr, "desk-1") {
		t.Fatalf("the name question starts from the key's comment:\n%s", scr)
	}
	// Esc half-way leaves nothing behind
	keys(t, m, esc)
	if n := len(must(s.Counters(context.Background()))(t, "Counters")); n != 0 || m.Capturing() {
		t.Fatalf("Esc half-way saved %d counters", n)
	}
	scr = keys(t, m, "+", deskKey, enter, tea.KeyCtrlU, "登记台", enter, "d", "e")
	if !strings.Contains(scr, "工作台 · 英文") || !strings.Contains(scr, "从未连接") || !strings.Contains(scr, "可以连接") {
		t.Fatalf("added from a paste:\n%s", scr)
	}
	// the door screen's key read from its .pub file
	pub := filepath.Join(t.TempDir(), "id_ed25519.pub")
	if err := os.WriteFile(pub, []byte(doorKey+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	scr = keys(t, m, "+", pub, enter, enter, "k", enter)
	if !strings.Contains(scr, "门口屏") {
		t.Fatalf("added from a file:\n%s", scr)
	}
	// the same key again is refused at once, naming who has it
	keys(t, m, "+", deskKey, enter)
	if !m.Capturing() || m.panes[secCounters].(*countersPane).step != stepKey {
		t.Fatal("a key already on record was taken")
	}
	keys(t, m, esc)
	if _, err := s.AddCounter(context.Background(), m.c.Staff.ID, store.NewCounter{Key: deskKey}); store.AsError(err) == nil {
		t.Fatal("the store took a key twice")
	}
	list := must(s.Counters(context.Background()))(t, "Counters")
	if len(list) != 2 || list[0].Kind != store.CounterKiosk || list[0].Name != "door" || list[1].Lang != "en" {
		t.Fatalf("counters: %+v", list)
	}
	// r asks first; n keeps it, y revokes it
	keys(t, m, "r", "n")
	if list := must(s.Counters(context.Background()))(t, "Counters"); list[0].Revoked() {
		t.Fatal("n revoked the counter")
	}
	scr = keys(t, m, "r")
	if !strings.Contains(scr, "停用柜台“door”") {
		t.Fatalf("revoke question:\n%s", scr)
	}
	scr = keys(t, m, "y")
	if !strings.Contains(scr, "已停用") {
		t.Fatalf("revoked:\n%s", scr)
	}
	// the audit log says who did it in words
	rows := must(s.Audit(context.Background(), store.AuditFilter{Entity: "counter"}))(t, "Audit")
	if len(rows) != 3 || rows[0].Action != "revoke" {
		t.Fatalf("audit: %+v", rows)
	}
	if w := detailWords(m.c, rows[1].Detail); !strings.Contains(w, "公钥 SHA256:") || !strings.Contains(w, "类型 门口屏") {
		t.Errorf("audit detail in words: %s", w)
	}
}

func TestCountersEnglishAt80(t *testing.T) {
	m, s := opened(t, i18n.En, true, 80, 18)
	ctx := context.Background()
	head := m.c.Staff.ID
	must(s.AddCounter(ctx, head, store.NewCounter{Name: "Phone desk", Key: deskKey}))(t, "AddCounter")
	must(s.AddCounter(ctx, head, store.NewCounter{Key: "kiosk " + doorKey}))(t, "AddCounter")
	scr := keys(t, m, tea.KeyLeft)
	for _, want := range []string{"has not run on this PC", "Counter", "Key fingerprint", "Phone desk", "door screen", "never", "may connect"} {
		if !strings.Contains(scr, want) {
			t.Errorf("no %q at 80 columns in English:\n%s", want, scr)
		}
	}
	for _, l := range strings.Split(scr, "\n") {
		if strings.Contains(l, "Phone desk") && !strings.Contains(l, "SHA256:") {
			t.Errorf("the fingerprint's start is not in the row: %q", l)
		}
	}
}
