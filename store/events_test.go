package store

import (
	"fmt"
	"strings"
	"testing"
)

// TestFairFromSetUpToReport runs a fair as the station does: the event, its firms (one known,
// one new), positions checked like jobs, attendees at the door (registered and newcomers),
// intentions at the booths and their outcomes, then the report.
func TestFairFromSetUpToReport(t *testing.T) {
	st := newDispatchStation(t)
	s, ctx, head := st.s, st.ctx, st.head
	day := s.Today()
	_, err := s.SaveEvent(ctx, head, Event{Name: "", Day: day})
	wantKey(t, err, "event.name")
	_, err = s.SaveEvent(ctx, head, Event{Name: "春风行动", Campaign: "winter", Day: day})
	wantKey(t, err, "event.campaign")
	_, err = s.SaveEvent(ctx, head, Event{Name: "春风行动", Day: "2026-13-01"})
	wantKey(t, err, "date.invalid")
	ev := must(s.SaveEvent(ctx, head, Event{Name: "春风行动暨就业援助月专场招聘会", Campaign: CampaignSpring, Day: day,
		Place: "后街零工市场", Organiser: "九龙坡区人力社保局"}))(t)

	known := must(s.SaveEmployer(ctx, head, Employer{Kind: Firm, Name: "重庆建工", Phone: "02368001234"}))(t)
	f1 := must(s.AddFirm(ctx, head, ev.ID, Employer{ID: known.ID}, "A1"))(t)
	_, err = s.AddFirm(ctx, head, ev.ID, Employer{ID: known.ID}, "A2")
	wantKey(t, err, "event.firm_already")
	f2 := must(s.AddFirm(ctx, head, ev.ID, Employer{Name: "渝州物业", Phone: "13700001234"}, ""))(t)
	if f2.EmployerID == 0 || f2.Name != "渝州物业" {
		t.Fatalf("new firm %+v", f2)
	}
	if err := s.SetGuidePay(ctx, head, 2, PerDay, 20000); err != nil {
		t.Fatal(err)
	}
	// the lawful-posting and guide-pay rules of jobs
	bad := Position{FirmID: f1.ID, Title: "钢筋工", TradeID: 2, Headcount: 10, PayUnit: PerMonth, PayMinFen: 500000, PayMaxFen: 700000,
		Requirements: "限男性，35岁以下"}
	_, err = s.AddPosition(ctx, head, bad)
	wantKey(t, err, "posting.override_needed")
	_, err = s.AddPosition(ctx, head, Position{FirmID: f1.ID, Title: "小工", TradeID: 2, Headcount: 5, PayUnit: PerDay, PayMinFen: 17000})
	wantKey(t, err, "guide.reason_needed") // 170 元 a day under the guide of 200
	_, err = s.AddPosition(ctx, head, Position{FirmID: f1.ID, Title: "小工", TradeID: 2, Headcount: 5, PayUnit: PerMonth, PayMinFen: 300000})
	wantKey(t, err, "guide.min_reason_needed") // 3,000 元 a month: 17 元 an hour, under 21
	_, err = s.AddPosition(ctx, head, Position{FirmID: f1.ID, Title: "小工", TradeID: 2, Headcount: 5, PayMinFen: 600000, PayMaxFen: 500000})
	wantKey(t, err, "position.pay_range")
	_, err = s.AddPosition(ctx, head, Position{FirmID: f1.ID, Title: "小工", TradeID: 2, Headcount: 0, PayMinFen: 600000})
	wantKey(t, err, "headcount.range")
	if n := count(t, s, "event_positions"); n != 0 {
		t.Fatalf("%d positions half-saved", n)
	}
	bad.Review.PostingOverride = "工地重体力，区人社局核准"
	p1 := must(s.AddPosition(ctx, head, bad))(t)
	if p1.Review.PostingFlags == "" {
		t.Fatalf("flags not kept: %+v", p1.Review)
	}
	p2 := must(s.AddPosition(ctx, head, Position{FirmID: f1.ID, Title: "力工", TradeID: 2, Headcount: 20, PayUnit: PerDay,
		PayMinFen: 22000, PayMaxFen: 26000, Term: GigTerm}))(t)
	p3 := must(s.AddPosition(ctx, head, Position{FirmID: f2.ID, Title: "保洁员", TradeID: 9, Headcount: 6, PayMinFen: 380000}))(t)

	// the door: registered workers by id, newcomers by the short form
	var regs []Worker
	for i := range 3 {
		regs = append(regs, st.worker(fmt.Sprintf("老%c", '甲'+rune(i)), 2, 100))
	}
	regs[0].Groups = []string{"hard_to_employ"}
	regs[0] = must(s.UpdateWorker(ctx, head, regs[0]))(t)
	var att []Attendee
	for _, w := range regs {
		att = append(att, must(s.SignInAttendee(ctx, head, ev.ID, w.ID))(t))
	}
	_, err = s.SignInAttendee(ctx, head, ev.ID, regs[1].ID)
	wantKey(t, err, "event.attendee_already")
	workersBefore := count(t, s, "workers")
	_, err = s.SignInNewcomer(ctx, head, ev.ID, Newcomer{Name: "新人", Phone: regs[2].Phone, Trades: []int64{2}})
	if se := AsError(err); se == nil || se.Key != "worker.phone_taken" || se.Ref != regs[2].ID {
		t.Fatalf("a registered phone at the door: %v", err)
	}
	_, err = s.SignInNewcomer(ctx, head, ev.ID, Newcomer{Name: "新人", Phone: "13600001111"})
	wantKey(t, err, "worker.no_trade")
	if count(t, s, "workers") != workersBefore || count(t, s, "event_attendees") != 3 {
		t.Fatal("a refused newcomer was half-saved")
	}
	for i, name := range []string{"周小芳", "吴大勇"} {
		a := must(s.SignInNewcomer(ctx, head, ev.ID, Newcomer{Name: name, Phone: fmt.Sprintf("1360000111%d", i), Trades: []int64{9, 2}}))(t)
		if !a.Newcomer || a.Name != name {
			t.Fatalf("newcomer %+v", a)
		}
		att = append(att, a)
	}
	if found := must(s.SearchWorkers(ctx, "13600001110", 5))(t); len(found) != 1 || len(found[0].Trades) != 2 {
		t.Fatalf("the newcomer is a worker record: %+v", found)
	}

	// the booths, and outcomes later
	i1 := must(s.RecordIntention(ctx, head, att[0].ID, p1.ID))(t)
	i2 := must(s.RecordIntention(ctx, head, att[0].ID, p2.ID))(t)
	must(s.RecordIntention(ctx, head, att[3].ID, p3.ID))(t)
	i4 := must(s.RecordIntention(ctx, head, att[4].ID, p2.ID))(t)
	_, err = s.RecordIntention(ctx, head, att[0].ID, p1.ID)
	wantKey(t, err, "event.intention_already")
	if err := s.SetOutcome(ctx, head, i1.ID, OutcomeHired); err != nil {
		t.Fatal(err)
	}
	if err := s.SetOutcome(ctx, head, i2.ID, OutcomeNotHired); err != nil {
		t.Fatal(err)
	}
	if err := s.SetOutcome(ctx, head, i4.ID, OutcomeHired); err != nil {
		t.Fatal(err)
	}
	wantKey(t, s.SetOutcome(ctx, head, i4.ID, "maybe"), "event.outcome")

	r := must(s.EventReport(ctx, ev.ID))(t)
	want := FairFigures{Events: 1, Firms: 2, Positions: 36, PositionKinds: 3, Attendees: 5, Newcomers: 2, PriorityAttendees: 1,
		Intentions: 3, IntentionRecords: 4, Hired: 2, NotHired: 1}
	if r.Figures != want {
		t.Fatalf("figures\n got %+v\nwant %+v", r.Figures, want)
	}
	checkFairFigures(t, s, ev.ID, r.Figures)
	if len(r.ByTrade) != 2 || r.ByTrade[0].ID != 2 || r.ByTrade[0].Positions != 30 || r.ByTrade[0].Intentions != 3 || r.ByTrade[0].Hired != 2 {
		t.Fatalf("by trade %+v", r.ByTrade)
	}
	if len(r.ByFirm) != 2 || r.ByFirm[1].Name != "渝州物业" || r.ByFirm[1].Positions != 6 || r.ByFirm[1].Intentions != 1 {
		t.Fatalf("by firm %+v", r.ByFirm)
	}
	if r.ByGroup["hard_to_employ"] != 1 {
		t.Fatalf("by group %+v", r.ByGroup)
	}
	if got := must(s.FairFigures(ctx, day, day))(t); got != r.Figures {
		t.Fatalf("the day's fair figures %+v", got)
	}
	if got := must(s.FairFigures(ctx, "2026-01-01", "2026-01-31"))(t); got != (FairFigures{}) {
		t.Fatalf("another month %+v", got)
	}
	door := must(s.FairsToday(ctx))(t)
	if len(door) != 1 || door[0].Attendees != 5 || door[0].Firms != 2 || door[0].Positions != 36 {
		t.Fatalf("door count %+v", door)
	}
	checkFairAudit(t, s, regs, att)
}

// checkFairFigures counts the bureau's four figures from the records themselves.
func checkFairFigures(t *testing.T, s *Store, eventID int64, f FairFigures) {
	t.Helper()
	ctx := t.Context()
	firms := must(s.Firms(ctx, eventID))(t)
	places := 0
	for _, p := range must(s.Positions(ctx, eventID))(t) {
		places += p.Headcount
	}
	people := map[int64]bool{}
	for _, i := range must(s.Intentions(ctx, eventID))(t) {
		people[i.AttendeeID] = true
	}
	attendees := must(s.Attendees(ctx, eventID))(t)
	if f.Firms != len(firms) || f.Positions != places || f.Attendees != len(attendees) || f.Intentions != len(people) {
		t.Fatalf("four figures %d %d %d %d, records say %d %d %d %d", f.Firms, f.Positions, f.Attendees, f.Intentions,
			len(firms), places, len(attendees), len(people))
	}
}

// checkFairAudit finds every fair write audited and no name or phone in any audit row.
func checkFairAudit(t *testing.T, s *Store, regs []Worker, att []Attendee) {
	t.Helper()
	rows := must(queryAll(t.Context(), s, func(sc scanner) (string, error) {
		var a, d string
		err := sc.Scan(&a, &d)
		return a + " " + d, err
	}, `SELECT action, detail FROM audit WHERE entity IN ('event', 'event_position')`))(t)
	actions := map[string]int{}
	for _, r := range rows {
		actions[strings.Fields(r)[0]]++
		for _, a := range att {
			if strings.Contains(r, a.Name) || strings.Contains(r, a.Phone) {
				t.Fatalf("personal data in audit: %q", r)
			}
		}
	}
	want := map[string]int{"create": 1, "add_firm": 2, "add_position": 3, "confirm:posting": 1, "attend": 5, "intention": 4, "outcome": 3}
	for k, n := range want {
		if actions[k] != n {
			t.Fatalf("audit %s = %d, want %d (%v)", k, actions[k], n, actions)
		}
	}
}
