package register

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/tui/i18n"
)

// A worker pre-registered at the terminal: their page says so, p cannot make them active,
// Ctrl+K and y confirm the record; z sets their self-service PIN (a bad one is refused at the
// question), and the page then says it is set.
func TestWorkerPageConfirmsAndSetsSelfPIN(t *testing.T) {
	store.UseFastPINHashing()
	c := testCommon(t, i18n.Zh)
	ctx := context.Background()
	id, err := c.Store.PreRegister(ctx, store.PreRegistration{Name: "陈新", Phone: "13900001111", Trades: []int64{1}, CommunityID: 100})
	if err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, c, 80, 24)
	d.runes("陈新")
	d.key(tea.KeyEnter)
	d.mustSee("陈新", "自助预登记，待确认")
	d.runes("p") // reactivating is not how a pre-registration is confirmed
	if !strings.Contains(d.status(), "登记还没有确认") {
		t.Fatalf("p on an unconfirmed worker: %q", d.status())
	}
	d.key(tea.KeyCtrlK)
	d.mustSee("确认这位零工的自助登记？")
	d.runes("y")
	if !strings.Contains(d.status(), "登记已确认") {
		t.Fatalf("confirm: %q", d.status())
	}
	if w, _ := c.Store.Worker(ctx, id); w.Status != store.Active {
		t.Fatalf("status after confirming: %s", w.Status)
	}
	d.runes("z")
	d.mustSee("给这位零工设置4位自助密码")
	d.runes("12")
	d.key(tea.KeyEnter)
	if !strings.Contains(d.status(), "自助密码是4位数字") {
		t.Fatalf("short PIN: %q", d.status())
	}
	d.runes("34")
	d.key(tea.KeyEnter)
	if !strings.Contains(d.status(), "自助密码已设置") {
		t.Fatalf("PIN: %q", d.status())
	}
	d.mustSee("自助密码", "已设置")
	if _, err := c.Store.SelfAuth(ctx, id, "1234"); err != nil {
		t.Fatalf("the PIN set at the page: %v", err)
	}
}
