package register

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/tui/i18n"
)

func TestBadInputKeepsTheFormAndSavesNothing(t *testing.T) {
	for _, tc := range []struct {
		name  string
		fill  func(d *driver)
		shows string
	}{
		{"empty required fields", func(d *driver) {}, "请输入姓名"},
		{"10,000 pasted characters in the name", func(d *driver) { d.paste(strings.Repeat("张", 10000)) }, "太长了：姓名最多 30"},
		{"escape sequence in the name", func(d *driver) { d.paste("张\x1b[31m三\x07") }, "请输入手机号码"}, // escapes are dropped, the name is fine
		{"emoji in the name", func(d *driver) { d.runes("张三😀") }, "姓名中不能含有表情"},
		{"digits in the name", func(d *driver) { d.runes("张3") }, "姓名中不能含有数字"},
		{"letters in the phone", func(d *driver) { d.runes("张三"); d.key(tea.KeyEnter); d.runes("138abc") }, "手机号码只能包含数字"},
		{"short phone", func(d *driver) { d.runes("张三"); d.key(tea.KeyEnter); d.runes("1380013") }, "手机号码应为11位数字"},
		{"no trade", func(d *driver) { d.runes("张三"); d.key(tea.KeyEnter); d.runes("１３８００１３８０００") }, "请至少选择一个工种"},
		{"trade typed but not picked", func(d *driver) {
			d.runes("张三")
			d.key(tea.KeyEnter)
			d.runes("13800138000")
			d.key(tea.KeyEnter)
			d.runes("zzz")
			d.key(tea.KeyTab)
		}, "或删掉输入"},
		{"bad ID check digit", func(d *driver) {
			d.runes("张三")
			for range 6 {
				d.key(tea.KeyTab)
			}
			d.runes("500107198001011230")
		}, "校验位不符"},
		{"birth year too young", func(d *driver) {
			d.runes("张三")
			for range 5 {
				d.key(tea.KeyTab)
			}
			d.runes("2020")
		}, "年龄须在16至80岁之间"},
		{"pay of a billion", func(d *driver) {
			d.runes("张三")
			for range 7 {
				d.key(tea.KeyTab)
			}
			d.runes("1000000000")
		}, "不能超过10万"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := testCommon(t, i18n.Zh)
			d := newDriver(t, c, 80, 24)
			d.send(tea.KeyMsg{Type: tea.KeyCtrlN})
			tc.fill(d)
			before := d.m.(*Model).form.worker()
			d.key(tea.KeyCtrlS)
			d.mustSee("新登记零工", tc.shows)
			if n := countWorkers(t, c); n != 0 {
				t.Fatalf("%d workers saved from bad input", n)
			}
			if !strings.HasPrefix(d.status(), "请先改正「") || !strings.Contains(d.status(), "：") {
				t.Fatalf("status = %q", d.status())
			}
			after := d.m.(*Model).form.worker()
			if before.Name != after.Name || before.Phone != after.Phone || before.IDNumber != after.IDNumber {
				t.Fatalf("the form lost what was typed: %+v → %+v", before, after)
			}
		})
	}
}

func TestBadInputInEnglish(t *testing.T) {
	c := testCommon(t, i18n.En)
	d := newDriver(t, c, 80, 24)
	d.send(tea.KeyMsg{Type: tea.KeyCtrlN})
	d.runes("John😀")
	d.key(tea.KeyCtrlS)
	d.mustSee("A name may not contain", "Please enter a phone", "Choose at least one trade.")
}

func registerViaForm(t *testing.T, d *driver, name, phone, trade string) {
	t.Helper()
	d.send(tea.KeyMsg{Type: tea.KeyCtrlN})
	d.runes(name)
	d.key(tea.KeyEnter)
	d.runes(phone)
	d.key(tea.KeyEnter)
	d.runes(trade)
	d.key(tea.KeyEnter)
	d.key(tea.KeyEnter)
	d.key(tea.KeyCtrlS)
}

func TestSamePhoneBringsUpTheExistingWorker(t *testing.T) {
	c := testCommon(t, i18n.Zh)
	ctx := context.Background()
	old, err := c.Store.CreateWorker(ctx, c.Staff.ID, store.Worker{Name: "张三丰", Phone: "13800138000", BirthYear: 1980, CommunityID: 100,
		Trades: []store.WorkerTrade{{TradeID: 2, Years: 3}}})
	if err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, c, 80, 24)
	registerViaForm(t, d, "张三峰", "138 0013 8000", "sd")
	d.mustSee("这个手机号已登记过", "工号 1", "张三丰", "1980年生", "138****8000", "姓名：张三丰 → 张三峰", "工种：力工 → 水电·力工")
	d.runes("u") // update that record: an explicit key, after the changes were shown
	d.mustSee("修改零工（工号 1）", "张三峰")
	d.key(tea.KeyCtrlS)
	if n := countWorkers(t, c); n != 1 {
		t.Fatalf("workers = %d, want the one record", n)
	}
	w, err := c.Store.Worker(ctx, old.ID)
	if err != nil {
		t.Fatalf("read the updated worker: %v", err)
	}
	if w.Name != "张三峰" || len(w.Trades) != 2 || w.BirthYear != 1980 || w.CommunityID != 100 {
		t.Fatalf("updated = %+v", w)
	}
	// Enter, the safe default, opens the record as it is and changes nothing
	registerViaForm(t, d, "赵六", "13800138000", "lg")
	d.mustSee("这个手机号已登记过", "姓名：张三峰 → 赵六")
	d.key(tea.KeyEnter)
	d.mustSee("零工 工号1  张三峰")
	if w, err := c.Store.Worker(ctx, old.ID); err != nil || w.Name != "张三峰" {
		t.Fatalf("Enter changed the record: %+v %v", w, err)
	}
	if n := countWorkers(t, c); n != 1 {
		t.Fatalf("workers = %d after opening the record", n)
	}
	// cancel: back to the form, nothing saved, typing kept
	registerViaForm(t, d, "王五", "13800138000", "lg")
	d.mustSee("这个手机号已登记过")
	d.key(tea.KeyEsc)
	d.mustSee("新登记零工", "王五")
	if n := countWorkers(t, c); n != 1 {
		t.Fatalf("workers = %d after cancel", n)
	}
}

func TestSameNameAndBirthYearWarns(t *testing.T) {
	c := testCommon(t, i18n.Zh)
	if _, err := c.Store.CreateWorker(context.Background(), 0, store.Worker{Name: "李四", Phone: "13900001234", BirthYear: 1985,
		Trades: []store.WorkerTrade{{TradeID: 2}}}); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, c, 80, 24)
	d.send(tea.KeyMsg{Type: tea.KeyCtrlN})
	d.runes("李四")
	d.key(tea.KeyEnter)
	d.runes("13700001111")
	d.key(tea.KeyEnter)
	d.runes("lg")
	d.key(tea.KeyEnter)
	d.key(tea.KeyTab)
	d.key(tea.KeyTab)
	d.key(tea.KeyTab)
	d.runes("1985")
	d.key(tea.KeyCtrlS)
	d.mustSee("同名同年出生", "139****1234")
	d.key(tea.KeyEnter) // register anyway
	d.mustSee("登记成功")
	if n := countWorkers(t, c); n != 2 {
		t.Fatalf("workers = %d", n)
	}
}

func TestSearchSignInVisitAndReveal(t *testing.T) {
	c := testCommon(t, i18n.Zh)
	ctx := context.Background()
	for _, w := range []store.Worker{
		{Name: "曾小明", Phone: "13900001234", BirthYear: 1985, Trades: []store.WorkerTrade{{TradeID: 1}}},
		{Name: "张三", Phone: "13800005678", BirthYear: 1980, Trades: []store.WorkerTrade{{TradeID: 2}}},
	} {
		if _, err := c.Store.CreateWorker(ctx, 0, w); err != nil {
			t.Fatal(err)
		}
	}
	d := newDriver(t, c, 80, 24)
	d.mustSee("今天还没有人签到")
	d.runes("cxm") // the other reading of 曾
	d.mustSee("找到 1 人", "曾小明", "139****1234")
	if strings.Contains(d.view(), "13900001234") {
		t.Fatal("a full phone number in a list")
	}
	d.send(tea.KeyMsg{Type: tea.KeyCtrlG})
	if !strings.Contains(d.status(), "曾小明 已签到 14:30") {
		t.Fatalf("status = %q", d.status())
	}
	d.mustSee("在站")
	d.key(tea.KeyEsc) // clear the search: today's list
	d.mustSee("今日签到 1 人，在站 1 人", "14:30", "曾小明")
	// by worker number
	d.runes("2")
	d.mustSee("张三")
	d.send(tea.KeyMsg{Type: tea.KeyCtrlG})
	d.key(tea.KeyEsc)
	d.mustSee("今日签到 2 人，在站 2 人")
	// service visit for the selected worker
	d.send(tea.KeyMsg{Type: tea.KeyCtrlE})
	d.mustSee("服务登记", "职业指导", "No.1 曾小明")
	d.runes("5")
	d.key(tea.KeyTab)
	d.key(tea.KeyTab)
	d.runes("问社保补贴")
	d.key(tea.KeyEnter)
	vs, err := c.Store.Visits(ctx, 1, 0)
	if err != nil {
		t.Fatalf("read the visits: %v", err)
	}
	if len(vs) != 1 || vs[0].Kind != store.VisitPolicy || vs[0].Note != "问社保补贴" {
		t.Fatalf("visits = %+v", vs)
	}
	// the worker's page: masked until revealed, and the reveal is audited
	d.key(tea.KeyEnter)
	d.mustSee("零工 工号1  曾小明", "139****1234", "签到 1 天", "政策咨询")
	d.runes("r")
	d.mustSee("13900001234", "已记入审计")
	audit, err := c.Store.Audit(ctx, store.AuditFilter{Entity: "worker", EntityID: 1})
	if err != nil || len(audit) == 0 {
		t.Fatalf("read the audit: %v (%d entries)", err, len(audit))
	}
	if audit[0].Action != "reveal:phone" || audit[0].StaffID != c.Staff.ID {
		t.Fatalf("reveal not audited: %+v", audit[0])
	}
	// sign out, then mark as left with a reason
	d.runes("o")
	d.runes("l")
	d.runes("回老家")
	d.key(tea.KeyEnter)
	w, err := c.Store.Worker(ctx, 1)
	if err != nil {
		t.Fatalf("read worker 1: %v", err)
	}
	if w.Status != store.Left || w.StatusReason != "回老家" {
		t.Fatalf("status = %s %q", w.Status, w.StatusReason)
	}
	d.mustSee("已离开", "回老家")
	d.key(tea.KeyEsc)
	d.mustSee("今日签到 2 人，在站 1 人")
}

// TestOverLongPasteIsRefusedNotCut: an 18-digit paste into 期望工资 is refused whole with the
// limit named; the message fits the field's width without an orphaned 。 and goes when the
// field is typed into again.
func TestOverLongPasteIsRefusedNotCut(t *testing.T) {
	c := testCommon(t, i18n.Zh)
	d := newDriver(t, c, 80, 24)
	d.send(tea.KeyMsg{Type: tea.KeyCtrlN})
	d.runes("张三")
	for range 7 {
		d.key(tea.KeyTab)
	}
	d.runes("180")
	d.paste("123456789012345678")
	if got := d.m.(*Model).form.inputs[fPay].Value(); got != "180" {
		t.Fatalf("the paste was half taken: pay reads %q", got)
	}
	d.mustSee("太长了：期望工资最多 12", "没有填入。")
	for _, line := range strings.Split(d.view(), "\n") {
		if strings.TrimSpace(line) == "。" {
			t.Fatalf("a full stop alone on a line:\n%s", d.view())
		}
	}
	d.key(tea.KeyBackspace)
	if strings.Contains(d.view(), "太长了") {
		t.Fatalf("the refusal stayed after the field changed:\n%s", d.view())
	}
}

// A name typed key by key keeps the space between its Latin words: the field used to clean
// "Wang " to "Wang" before the next letter came, and saved "WangWei".
func TestLatinNameTypedKeepsItsSpace(t *testing.T) {
	c := testCommon(t, i18n.En)
	d := newDriver(t, c, 80, 24)
	d.send(tea.KeyMsg{Type: tea.KeyCtrlN})
	typeKeys := func(s string) {
		for _, r := range s {
			if r == ' ' { // terminals send the space key either way
				d.send(tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}})
				d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{' '}})
				continue
			}
			d.runes(string(r))
		}
	}
	typeKeys("Wang  Wei ")
	if got := d.m.(*Model).form.inputs[fName].Value(); got != "Wang Wei " {
		t.Fatalf("name field = %q, want %q", got, "Wang Wei ")
	}
	d.key(tea.KeyEnter)
	d.runes("13800138000")
	d.key(tea.KeyEnter)
	d.runes("sd")
	d.key(tea.KeyEnter)
	d.key(tea.KeyEnter)
	d.key(tea.KeyCtrlS)
	d.mustSee("Wang Wei")
	ws, err := c.Store.SearchWorkers(context.Background(), "13800138000", 5)
	if err != nil || len(ws) != 1 || ws[0].Name != "Wang Wei" {
		t.Fatalf("saved = %+v, %v; want the name Wang Wei", ws, err)
	}
}
