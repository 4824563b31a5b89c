package main

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"gigdesk/store"
	"gigdesk/store/testdb"
)

// keyCount is a terminal whose keystrokes are counted: each key sent is one, and each
// character typed is one (a Chinese character takes more on an input method, on both sides of
// the comparison alike).
type keyCount struct {
	*Term
	n int
}

func (k *keyCount) Keys(keys ...string) { k.n += len(keys); k.Term.Keys(keys...) }
func (k *keyCount) Type(s string)       { k.n += len([]rune(s)); k.Term.Type(s) }

// person is someone at the fair's door.
type person struct {
	name, phone string
	by          string // how the clerk finds a registered worker: "phone", "tail", "name"; "" for a newcomer
}

// TestFairDoorInTerminal signs 20 people in at a fair's door in the real binary at 80×24:
// 12 registered workers found by the whole phone, its last four digits or the name, and 8
// newcomers on the short form. It counts the keystrokes and checks they are fewer than 20
// full registrations on the Workers form would take (one is made for real, to count its keys),
// and that a board running in a second process shows the door's count going up.
func TestFairDoorInTerminal(t *testing.T) {
	ctx := context.Background()
	db := testdb.New(t, "station.db")
	s, err := store.Open(db, store.WithLocalDir(t.TempDir()))
	must(t, err)
	defer s.Close()
	head, err := s.Setup(ctx, "后街零工市场", "王芳")
	must(t, err)
	ev, err := s.SaveEvent(ctx, head.ID, store.Event{Name: "春风行动专场招聘会", Campaign: store.CampaignSpring, Day: s.Today()})
	must(t, err)
	_, err = s.AddFirm(ctx, head.ID, ev.ID, store.Employer{Name: "重庆建工集团", Phone: "02368001234"}, "A1")
	must(t, err)
	registered := []string{"张伟", "李娜", "王强", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周杰", "吴芳", "徐丽", "孙涛"}
	newcomers := []string{"郑凯", "冯雪", "何平", "高翔", "罗兰", "梁勇", "谢婷", "宋阳"}
	var people []person
	for i, name := range registered {
		p := person{name: name, phone: fmt.Sprintf("1380000%04d", 5101+i), by: []string{"phone", "tail", "name"}[i%3]}
		_, err := s.CreateWorker(ctx, head.ID, store.Worker{Name: name, Phone: p.phone, Trades: []store.WorkerTrade{{TradeID: 2}},
			Channel: store.ByCounter})
		must(t, err)
		people = append(people, p)
		if i%3 == 2 && len(newcomers) > 0 { // the queue mixes them
			people = append(people, person{name: newcomers[0], phone: fmt.Sprintf("1370000%04d", 7100+len(people))})
			newcomers = newcomers[1:]
		}
	}
	for _, name := range newcomers {
		people = append(people, person{name: name, phone: fmt.Sprintf("1370000%04d", 7100+len(people))})
	}
	if len(people) != 20 {
		t.Fatalf("%d people", len(people))
	}

	board := StartTerm(t, 80, 24, nil, "board", "--db", db)
	board.WaitFor("王芳")
	board.Keys("Enter")
	board.OnDuty("2468")
	board.WaitFor("春风行动专场招聘会", "已入场 0 人")

	tm := StartTerm(t, 80, 24, nil, "--db", db)
	tm.WaitFor("王芳")
	tm.Keys("Enter")
	tm.OnDuty("2468")
	tm.WaitFor("今日签到") // on duty, on the Workers page
	tm.Keys("F7")
	tm.WaitFor("春风行动专场招聘会")
	tm.Keys("Enter")
	tm.WaitFor("参会企业 1 家")
	tm.Keys("d")
	tm.WaitFor("入场签到")
	door := &keyCount{Term: tm}
	for i, p := range people {
		switch p.by {
		case "phone":
			door.Type(p.phone)
		case "tail":
			door.Type(p.phone[7:])
		case "name":
			door.Type(p.name)
		default: // a newcomer: the whole phone opens the short form with it filled in
			door.Type(p.phone)
			door.Keys("Enter")
			tm.WaitFor("新求职者")
			door.Type(p.name)
			door.Keys("Enter", "Enter") // the name, the phone already there
			door.Type("lg")
			tm.WaitFor("力工")
			door.Keys("Enter") // picks 力工
		}
		if p.by != "" {
			tm.WaitFor(p.name) // found
		}
		door.Keys("Enter")
		tm.WaitFor(fmt.Sprintf("进场 %d 人", i+1))
	}
	scr := tm.Screen()
	for _, p := range people {
		if strings.Contains(scr, p.phone) {
			t.Errorf("a whole phone on the door screen: %s\n%s", p.phone, scr)
		}
	}
	att, err := s.Attendees(ctx, ev.ID)
	must(t, err)
	if len(att) != 20 {
		t.Fatalf("%d attendees in the store, want 20", len(att))
	}
	fresh := 0
	for _, a := range att {
		if a.Newcomer {
			fresh++
		}
	}
	if fresh != 8 {
		t.Fatalf("%d newcomers, want 8", fresh)
	}
	bscr := board.WaitFor("已入场 20 人")
	for _, p := range people {
		if strings.Contains(bscr, p.name) || strings.Contains(bscr, p.phone[7:]) {
			t.Errorf("personal data on the board: %s\n%s", p.name, bscr)
		}
	}

	// One full registration on the Workers form, for real, to count what each would take.
	tm.Keys("Escape", "Escape", "F1")
	tm.WaitFor("Ctrl+N")
	reg := &keyCount{Term: tm}
	register(reg, person{name: "钱多多", phone: "13600009999"})
	tm.WaitFor("请告诉对方：工号")
	reg.Keys("Enter") // the card read out
	perChar := reg.n - len([]rune("钱多多")) - len("13600009999")
	full := 0
	for _, p := range people {
		full += perChar + len([]rune(p.name)) + len(p.phone)
	}
	t.Logf("door: %d keystrokes for 20 attendees (12 registered, 8 newcomers); 20 full registrations: %d (%d for one)", door.n, full, reg.n)
	if door.n >= full {
		t.Errorf("the door took %d keystrokes, no fewer than 20 full registrations (%d)", door.n, full)
	}
	tm.Keys("F10")
	tm.WaitFor("EXIT=0")
	board.Keys("F10")
	board.WaitFor("EXIT=0")
}

// register fills the Workers form as TestRegisterInTerminal does: the name, the phone, a
// trade, the community, then saves.
func register(k *keyCount, p person) {
	k.Keys("C-n")
	k.WaitFor("新登记零工")
	k.Type(p.name)
	k.Keys("Enter")
	k.Type(p.phone)
	k.Keys("Enter")
	k.Type("lg")
	k.Keys("Enter", "Enter")
	k.Type("hj")
	k.Keys("Enter")
	k.Keys("C-s")
}
