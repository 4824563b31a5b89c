package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"gigdesk/store"
)

// rightsLoad writes the rights-and-rules records through the store's own (audited) methods,
// drawing from its own random stream so the bulk load's draws stay as they are.
type rightsLoad struct {
	ctx     context.Context
	s       *store.Store
	r       *rand.Rand
	staff   []int64
	today   time.Time
	tradeID map[string]int64 // catalogue id by trade code
}

// by is the staff member who records the next change.
func (rl *rightsLoad) by() int64 { return rl.staff[rl.r.IntN(len(rl.staff))] }

// addRights gives the demo station its rights-and-rules records after the bulk load, through
// the store's own (audited) methods and from the same seed: guide pay per trade and unit a
// little under the middle of what the demo's jobs pay, local training offers, some workers'
// training wishes with referrals, a few rights cases from dispatches still followed up (at
// different stages), and the insurer and policy number of today's insured dispatches.
func addRights(ctx context.Context, s *store.Store, o Options, head int64, staff []int64) error {
	rl := &rightsLoad{ctx: ctx, s: s, r: rand.New(rand.NewPCG(o.Seed, 0x5eed_0009)), staff: staff, tradeID: map[string]int64{}}
	cat, err := s.Catalog(ctx)
	if err != nil {
		return err
	}
	for _, t := range cat.Trades {
		rl.tradeID[t.Code] = t.ID
	}
	if err := rl.guidePay(head); err != nil {
		return err
	}
	if rl.today, err = time.ParseInLocation(time.DateOnly, s.Today(), s.Location()); err != nil {
		return err
	}
	offers, err := rl.trainingOffers()
	if err != nil {
		return err
	}
	if err := rl.trainingWishes(o.Workers, offers); err != nil {
		return err
	}
	if err := rl.rightsCases(); err != nil {
		return err
	}
	return rl.insurance()
}

// guidePay sets the head's guide pay for each trade and unit a little under the middle of the band.
func (rl *rightsLoad) guidePay(head int64) error {
	for _, spec := range tradeSpecs {
		id, ok := rl.tradeID[spec.code]
		if !ok {
			continue
		}
		seen := map[store.PayUnit]bool{}
		for _, b := range spec.bands {
			if seen[b.unit] {
				continue
			}
			seen[b.unit] = true
			yuan := (b.lo + (b.hi-b.lo)/4) / b.step * b.step
			if err := rl.s.SetGuidePay(rl.ctx, head, id, b.unit, yuan*100); err != nil {
				return err
			}
		}
	}
	return nil
}

// rightsCases opens cases from dispatches still followed up: unpaid work is an unpaid-wage
// case, a dispute one over the terms; the oldest move on.
func (rl *rightsLoad) rightsCases() error {
	ctx, s, r := rl.ctx, rl.s, rl.r
	follow, err := s.Dispatches(ctx, store.DispatchFilter{FollowUp: true, Limit: 40})
	if err != nil {
		return err
	}
	opened := 0
	for _, d := range follow {
		if opened == 6 || r.IntN(3) != 0 {
			continue
		}
		c := store.RightsCase{DispatchID: d.ID, OpenedBy: store.ByWorker, Kind: store.CaseUnpaid, AmountFen: d.AgreedPayFen,
			Summary: "完工后雇主未按约定付工资，零工来站求助"}
		if d.Disputed {
			c.Kind, c.AmountFen, c.Summary = store.CaseTerms, 0, "双方对工作量和工时说法不一"
			if r.IntN(2) == 0 {
				c.OpenedBy, c.Summary = store.ByEmployer, "雇主称零工未按要求完成，拒付部分工资"
			}
		}
		c, err := s.OpenCase(ctx, rl.by(), c)
		if err != nil {
			return err
		}
		for _, st := range caseSteps[opened] {
			if _, err := s.UpdateCase(ctx, rl.by(), c.ID, st); err != nil {
				return err
			}
		}
		opened++
	}
	return nil
}

// caseSteps are how far the n-th case opened has moved on.
var caseSteps = [][]store.CaseStep{
	{{Status: store.CaseInProgress, Note: "已电话联系雇主，约定三日内答复"}},
	{{Status: store.CaseInProgress, Note: "约双方到站面谈"}, {Status: store.CaseReferred, ReferredTo: store.ReferMediation, Note: "面谈未果，转街道调解"}},
	{{Status: store.CaseInProgress, Note: "已联系雇主"}, {Status: store.CaseResolved, Note: "雇主已付清，零工确认"}},
	{{Status: store.CaseReferred, ReferredTo: store.ReferInspection, Note: "雇主拒不支付，转劳动监察大队"}},
	nil, nil,
}

// insurance gives today's insured dispatches (at most 60) their insurer and policy number.
func (rl *rightsLoad) insurance() error {
	ds, err := rl.s.Dispatches(rl.ctx, store.DispatchFilter{Day: rl.s.Today(), Limit: 200})
	if err != nil {
		return err
	}
	insurers := []string{"人保财险", "太平洋财险", "平安财险"}
	n := 0
	for _, d := range ds {
		if !d.Insured || n == 60 {
			continue
		}
		policy := fmt.Sprintf("LGB%s%05d", rl.today.Format("20060102"), d.ID)
		if _, err := rl.s.SetInsurance(rl.ctx, rl.by(), d.ID, true, insurers[rl.r.IntN(len(insurers))], policy); err != nil {
			return err
		}
		n++
	}
	return nil
}
