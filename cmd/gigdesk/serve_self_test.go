package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"

	"gigdesk/store"
)

// A counter registered as the workers' self-service terminal gets that screen over SSH, never
// the desk and never a staff PIN: a worker signs in there with their own phone and PIN (the
// sign-in's source self, its audit row naming the counter), and the screen clears itself when
// left alone. The desk's key still gets the desk.
func TestServeSelfCounterGetsTheSelfServiceScreen(t *testing.T) {
	store.UseFastPINHashing()
	kiosk := newSigner(t)
	var s *store.Store
	var terminal store.Counter
	sv := startServeLang(t, "zh", func(db string) {
		s, _ = matchStation(t, db, time.Now(), true)
		ctx := context.Background()
		must(t, s.SetSelfPIN(ctx, 0, 3, "1357")) // 王五
		staff, err := s.ListStaff(ctx)
		must(t, err)
		head := staff[0]
		terminal, err = s.AddCounter(ctx, head.ID, store.NewCounter{Name: "自助机", Key: keyText(kiosk, "x"), Kind: store.CounterSelf})
		if err != nil {
			t.Fatal(err)
		}
	})
	ct := sv.openAs(t, kiosk)
	waitScreen(t, ct.screen, "零工自助服务")
	waitScreen(t, ct.screen, "请输入你的手机号")
	for _, desk := range []string{"PIN", "值班", "王芳"} {
		if strings.Contains(ansi.Strip(ct.screen.String()), desk) {
			t.Errorf("the self-service counter shows %q, as the desk would:\n%s", desk, ansi.Strip(ct.screen.String()))
		}
	}
	typeIn := func(keys ...string) {
		for _, k := range keys {
			ct.stdin.Write([]byte(k))
			time.Sleep(60 * time.Millisecond)
		}
	}
	typeIn("13800000003", "\r")
	waitScreen(t, ct.screen, "请输入4位自助密码")
	typeIn("1357")
	waitScreen(t, ct.screen, "今日签到")
	typeIn("1")
	waitScreen(t, ct.screen, "签到成功")
	ctx := context.Background()
	if here, err := s.SignedIn(ctx, s.Today()); err != nil || len(here) != 1 || here[0].WorkerID != 3 {
		t.Fatalf("today's sign-ins %+v, %v", here, err)
	}
	rows, err := s.Audit(ctx, store.AuditFilter{Entity: "worker", EntityID: 3, Action: "sign_in"})
	must(t, err)
	if len(rows) != 1 || rows[0].Counter != "自助机" || rows[0].StaffID != 0 {
		t.Errorf("the sign-in's audit %+v, want it to name the counter and no staff", rows)
	}

	// the desk's key, from the file, still gets the desk and its staff sign-in
	desk := sv.openCounter(t)
	waitScreen(t, desk.screen, "王芳")
	if strings.Contains(ansi.Strip(desk.screen.String()), "请输入你的手机号") {
		t.Error("the desk got the self-service screen")
	}

	if testing.Short() {
		return
	}
	// left on the worker's jobs, the terminal clears itself within its 30 s
	typeIn("\r", "13800000003", "\r")
	waitScreen(t, ct.screen, "请输入4位自助密码")
	typeIn("1357", "2")
	waitScreen(t, ct.screen, "适合你的活")
	from := len(ct.screen.String())
	deadline := time.Now().Add(45 * time.Second)
	for !strings.Contains(ansi.Strip(ct.screen.String()[from:]), "已清屏") {
		if time.Now().After(deadline) {
			t.Fatalf("the self-service counter did not clear itself:\n%s", ansi.Strip(ct.screen.String()[from:]))
		}
		time.Sleep(200 * time.Millisecond)
	}
	if c, err := s.CounterByFingerprint(ctx, gossh.FingerprintSHA256(kiosk.PublicKey())); err != nil || c.ID != terminal.ID || c.LastSeen.IsZero() {
		t.Errorf("the terminal's counter %+v, %v", c, err)
	}
}
