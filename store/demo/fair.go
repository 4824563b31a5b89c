package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"gigdesk/store"
)

// fairTitles are the positions a fair's firms offer, by trade code: long-term jobs and gigs.
var fairTitles = map[string][]string{
	"plumbing": {"水电工", "维修电工"}, "labour": {"普工", "杂工", "操作工"}, "carpentry": {"木工"}, "masonry": {"泥水工", "砌筑工"},
	"loading": {"装卸工", "仓库理货员"}, "cleaning": {"保洁员", "物业保洁"}, "moving": {"搬运工"}, "appliance": {"家电维修员"},
	"painting": {"油漆工"}, "domestic": {"家政服务员", "育婴员"}, "care": {"护工", "养老护理员"},
}

// fairTrades are the trade codes fairs hire for, in a fixed order (a map's order is random).
var fairTrades = []string{"labour", "loading", "cleaning", "plumbing", "masonry", "carpentry", "painting", "moving", "care", "domestic", "appliance"}

// addFair holds today's job fair (春风行动暨就业援助月, as on the day 后街 opened): dozens of firms
// and their positions, hundreds of attendees (registered workers and newcomers made at the
// door) and the intentions agreed. It runs after everything else, from its own random stream
// (draws of the bulk load and of addRights are untouched), so every earlier record is as it
// was; its new workers and employers take the ids after theirs.
func addFair(ctx context.Context, s *store.Store, o Options, g *gen) error {
	fg := *g // the generator's name and phone helpers, drawing from the fair's own stream
	fg.r = rand.New(rand.NewPCG(o.Seed, 0x5eed_0019))
	guides := map[int64]int64{}
	gp, err := s.GuidePays(ctx)
	if err != nil {
		return err
	}
	for _, p := range gp {
		if p.Unit == store.PerDay {
			guides[p.TradeID] = p.PayFen
		}
	}
	load := store.FairLoad{Event: store.Event{Name: "春风行动暨就业援助月专场招聘会", Campaign: store.CampaignSpring, Day: g.today.Format(time.DateOnly),
		Place: "后街零工市场", Organiser: "九龙坡区人力资源和社会保障局"}}
	tradeOf := map[string]int64{}
	for i, sp := range tradeSpecs {
		tradeOf[sp.code] = g.trades[i]
	}
	firms := min(max(o.Workers/6, 5), 46)
	for i := range firms {
		load.Firms = append(load.Firms, fg.fairFirm(i, tradeOf, guides))
	}
	fg.fairAttendees(&load, o, tradeOf)
	fg.fairIntentions(&load)
	_, err = s.LoadFair(ctx, g.head, load)
	return err
}

// fairFirm is a new firm with one to four positions paid at or over the guide.
func (g *gen) fairFirm(i int, tradeOf map[string]int64, guides map[int64]int64) store.FairLoadFirm {
	name := "重庆" + g.one(firmWords) + g.one(firmWords) + g.one(firmKinds)
	f := store.FairLoadFirm{Employer: store.Employer{Kind: store.Firm, Name: name, Contact: g.personName(g.r.IntN(2) == 0, 1980, false),
		Phone: g.phone(true), Address: g.one(roads) + fmt.Sprintf("%d号", g.between(1, 300))}, Booth: fmt.Sprintf("%c%d", 'A'+rune(i/12), i%12+1)}
	for range g.between(1, 4) {
		code := fairTrades[g.r.IntN(len(fairTrades))]
		trade := tradeOf[code]
		p := store.Position{Title: g.one(fairTitles[code]), TradeID: trade, Headcount: g.between(2, 12) * 2, Term: store.LongTerm}
		day := max(guides[trade], 20000)
		if g.r.IntN(10) < 3 { // a gig, paid by the day
			p.Term, p.PayUnit = store.GigTerm, store.PerDay
			p.PayMinFen = (day + int64(g.between(0, 6))*1000) / 1000 * 1000
			p.PayMaxFen = p.PayMinFen + int64(g.between(0, 5))*1000
		} else {
			p.PayUnit = store.PerMonth
			p.PayMinFen = (day*2175/100 + int64(g.between(0, 15))*10000) / 10000 * 10000
			p.PayMaxFen = p.PayMinFen + int64(g.between(0, 20))*10000
			if p.PayMinFen < day*2175/100 {
				p.PayMinFen += 10000
				p.PayMaxFen += 10000
			}
			p.Requirements = g.one([]string{"", "有相关经验优先", "提供食宿", "缴纳五险", "能适应倒班", "持健康证"})
		}
		f.Positions = append(f.Positions, p)
	}
	return f
}

// fairAttendees signs in about three workers in four (at most a thousand people), a quarter of
// them newcomers registered at the door.
func (g *gen) fairAttendees(load *store.FairLoad, o Options, tradeOf map[string]int64) {
	n := min(o.Workers*3/4, 1000)
	newcomers := n / 4
	for _, i := range g.r.Perm(len(g.workers))[:min(n-newcomers, len(g.workers))] {
		load.Attendees = append(load.Attendees, store.FairLoadAttendee{WorkerID: g.workers[i].ID})
	}
	for range newcomers {
		male := g.r.IntN(3) > 0
		year := g.between(1965, 2004)
		nc := store.Newcomer{Name: g.personName(male, year, false), Phone: g.phone(false), BirthYear: year}
		first := g.r.IntN(len(fairTrades))
		nc.Trades = append(nc.Trades, tradeOf[fairTrades[first]])
		if second := g.r.IntN(len(fairTrades)); second != first && g.r.IntN(2) == 0 {
			nc.Trades = append(nc.Trades, tradeOf[fairTrades[second]])
		}
		load.Attendees = append(load.Attendees, store.FairLoadAttendee{Newcomer: nc})
	}
	// the door opens at nine and they come over the morning, registered and new in no order
	g.r.Shuffle(len(load.Attendees), func(i, j int) { load.Attendees[i], load.Attendees[j] = load.Attendees[j], load.Attendees[i] })
	now := o.Now
	open := time.Date(now.Year(), now.Month(), now.Day(), 9, 0, 0, 0, now.Location())
	span := min(now.Sub(open), 3*time.Hour)
	for i := range load.Attendees {
		if span > 0 {
			at := open.Add(span * time.Duration(i) / time.Duration(len(load.Attendees)))
			load.Attendees[i].At = at.Add(time.Duration(g.r.IntN(30)) * time.Second)
		}
	}
}

// fairIntentions: about a third of the attendees agree with one or two positions; some firms
// hired on the spot, a few said no.
func (g *gen) fairIntentions(load *store.FairLoad) {
	for a := range load.Attendees {
		if g.r.IntN(100) >= 35 {
			continue
		}
		seen := map[[2]int]bool{}
		for range g.between(1, 2) {
			f := g.r.IntN(len(load.Firms))
			p := g.r.IntN(len(load.Firms[f].Positions))
			if seen[[2]int{f, p}] {
				continue
			}
			seen[[2]int{f, p}] = true
			it := store.FairLoadIntention{Attendee: a, Firm: f, Position: p}
			switch x := g.r.IntN(100); {
			case x < 15:
				it.Outcome = store.OutcomeHired
			case x < 20:
				it.Outcome = store.OutcomeNotHired
			}
			load.Intentions = append(load.Intentions, it)
		}
	}
}
