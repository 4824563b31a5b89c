package main

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"gigdesk/store"
)

// TestSelfServiceInTerminal runs `gigdesk self` beside a desk in a second process: a worker
// signs in with phone and PIN, asks for a job, and the dispatcher's Match screen (open on that
// job, no key pressed) flags the request within a second. Five wrong PINs lock another
// worker out and say so; left alone, the terminal clears itself and keeps nothing of anyone.
func TestSelfServiceInTerminal(t *testing.T) {
	store.UseFastPINHashing()
	db := stationDB(t, "station.db")
	s, job := matchStation(t, db, time.Now(), true)
	ctx := context.Background()
	for _, w := range []struct {
		id  int64
		pin string
	}{{3, "1357"}, {2, "2580"}, {1, "1470"}} { // 王五, 李四, 张三丰
		must(t, s.SetSelfPIN(ctx, 0, w.id, w.pin))
	}

	desk := StartTerm(t, 120, 30, nil, "--db", db)
	desk.WaitFor("王芳")
	desk.Keys("Enter")
	desk.OnDuty("2468")
	desk.WaitFor("值班：王芳")
	desk.Keys("F4", "g")
	desk.Type(fmt.Sprint(job.ID))
	desk.Keys("Enter")
	desk.WaitFor("张*丰", "王*", "4/4")

	self := StartTerm(t, 80, 24, nil, "self", "--db", db)
	self.WaitFor("零工自助服务", "请输入你的手机号", "新登记")
	self.Type("13800000003")
	self.Keys("Enter")
	self.WaitFor("请输入4位自助密码")
	self.Type("1357")
	self.WaitFor("你好，王*", "今日签到")
	self.Keys("1")
	self.WaitFor("签到成功")
	self.Keys("Enter")
	self.WaitFor("请输入你的手机号")
	self.Type("13800000003")
	self.Keys("Enter")
	self.WaitFor("请输入4位自助密码")
	self.Type("1357")
	self.Keys("2")
	self.WaitFor("适合你的活", "水电 · 后街社区")
	self.Keys("1")
	self.WaitFor("我想去")
	self.Keys("Enter")
	self.WaitFor("已报名，请等候电话")
	asked := time.Now()
	scr := desk.WaitFor("本人报名")
	took := time.Since(asked)
	t.Logf("the request reached the other process's Match screen after %v", took)
	if took > time.Second {
		t.Errorf("the request took %v to reach the Match screen, want within 1 s", took)
	}
	for _, l := range strings.Split(scr, "\n") {
		if strings.Contains(l, "本人报名") && !strings.Contains(l, "王*") {
			t.Errorf("the flag is on the wrong candidate: %q", l)
		}
	}
	if n, err := s.SignedIn(ctx, s.Today()); err != nil || len(n) != 1 {
		t.Errorf("today's sign-ins %v, %v", n, err)
	}

	// five wrong PINs lock 李四 out of self-service, and the screen says so
	self.Keys("Enter")
	self.Type("13800000002")
	self.Keys("Enter")
	self.WaitFor("请输入4位自助密码")
	for i := 4; i >= 1; i-- {
		self.Type("0000")
		self.WaitFor(fmt.Sprintf("还可以试 %d 次", i))
	}
	self.Type("0000")
	self.WaitFor("自助服务已锁定。请到柜台重设密码。")
	self.Type("13800000002")
	self.Keys("Enter")
	self.WaitFor("自助服务已锁定")

	// left alone on 张三丰's jobs, the terminal clears itself: nothing of his stays on screen
	self.Keys("Escape")
	self.Type("13800000001")
	self.Keys("Enter")
	self.WaitFor("请输入4位自助密码")
	self.Type("1470")
	self.Keys("2")
	self.WaitFor("你的工种：水电", "水电 · 后街社区")
	scr, ok := self.waitGoneFor("水电 · 后街社区", 40*time.Second)
	if !ok {
		t.Fatalf("the terminal did not clear itself:\n%s", scr)
	}
	scr = self.WaitFor("请输入你的手机号", "已清屏")
	for _, secret := range []string{"张", "王*", "13800000001", "水电", "后街社区", "你好", "李阿姨", "13912345678"} {
		if strings.Contains(scr, secret) {
			t.Errorf("%q is on the screen after the idle clear:\n%s", secret, scr)
		}
	}
	self.Keys("C-q", "C-q")
	self.WaitFor("EXIT=0")
	desk.Keys("F10")
	desk.WaitFor("EXIT=0")
}
