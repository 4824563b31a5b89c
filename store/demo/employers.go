package demo

import (
	"fmt"
	"sort"
	"time"

	"gigdesk/store"
)

type genEmployer struct {
	store.Employer
	created int64
}

func (g *gen) makeEmployers(l recordSink) error {
	first, err := l.NextID("employers")
	if err != nil {
		return err
	}
	n := g.o.Employers
	created := make([]int64, n)
	start := g.today.AddDate(0, 0, -g.o.Days)
	for i := range created {
		if g.chance(0.6) {
			created[i] = g.counterTime(g.opened, start).Unix()
		} else {
			created[i] = g.counterTime(start, g.today).Unix()
		}
	}
	sort.Slice(created, func(i, j int) bool { return created[i] < created[j] })
	g.empAt = created
	sum := 0.0
	for i := range n {
		e := &genEmployer{created: created[i]}
		e.ID = first + int64(i)
		e.CreatedAt = time.Unix(created[i], 0)
		e.UpdatedAt = e.CreatedAt
		c := g.comms[g.pick(g.commPick)]
		e.CommunityID = c.id
		sur := surnames[g.pick(g.surnamePick)].name
		w := 1.0
		switch x := g.r.IntN(100); {
		case x < 50:
			e.Kind = store.Resident
			male := g.chance(0.5)
			e.Name = g.personName(male, g.now.Year()-g.between(25, 75), false)
			e.Phone = g.phone(false)
			e.Address = g.address(c)
		case x < 80:
			e.Kind = store.Shop
			e.Name = g.one(shopOwners) + g.one(shopKinds)
			e.Contact = sur + g.one([]string{"老板", "老板娘", "师傅"})
			e.Phone = g.phone(g.chance(0.4))
			e.Address = fmt.Sprintf("%s%d号", g.one(roads), g.between(1, 300))
			w = 2.5
		default:
			e.Kind = store.Firm
			e.Name = "重庆" + g.one(firmWords) + g.one(firmWords) + g.one(firmKinds)
			e.Contact = sur + g.one([]string{"经理", "主管", "女士", "先生"})
			e.Phone = g.phone(g.chance(0.6))
			e.Address = fmt.Sprintf("%s%d号%d楼", g.one(roads), g.between(1, 300), g.between(1, 20))
			w = 8
		}
		sum += w * (0.3 + 1.4*g.r.Float64())
		g.empCum = append(g.empCum, sum)
		g.employers = append(g.employers, e)
		if err := l.Employer(&e.Employer, g.staffID()); err != nil {
			return err
		}
		g.counts.Employers++
	}
	return nil
}

// employer picks an employer registered no later than t, busier ones more often.
func (g *gen) employer(t int64) *genEmployer {
	k := sort.Search(len(g.empAt), func(i int) bool { return g.empAt[i] > t })
	if k == 0 {
		return nil
	}
	x := g.r.Float64() * g.empCum[k-1]
	i := sort.SearchFloat64s(g.empCum[:k], x)
	return g.employers[min(i, k-1)]
}
