package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"gigdesk/store"
)

// addRights gives the demo station its rights-and-rules records after the bulk load, through
// the store's own (audited) methods and from the same seed: guide pay per trade and unit a
// little under the middle of what the demo's jobs pay, local training offers, some workers'
// training wishes with referrals, a few rights cases from dispatches still followed up (at
// different stages), and the insurer and policy number of today's insured dispatches.
func addRights(ctx context.Context, s *store.Store, o Options, head int64, staff []int64) error {
	r := rand.New(rand.NewPCG(o.Seed, 0x5eed_0009))
	by := func() int64 { return staff[r.IntN(len(staff))] }
	cat, err := s.Catalog(ctx)
	if err != nil {
		return err
	}
	tradeID := map[string]int64{}
	for _, t := range cat.Trades {
		tradeID[t.Code] = t.ID
	}
	for _, spec := range tradeSpecs {
		id, ok := tradeID[spec.code]
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
			if err := s.SetGuidePay(ctx, head, id, b.unit, yuan*100); err != nil {
				return err
			}
		}
	}

	today, err := time.ParseInLocation(time.DateOnly, s.Today(), s.Location())
	if err != nil {
		return err
	}
	var offers []store.TrainingOffer
	for i, o := range []store.TrainingOffer{
		{Title: "低压电工作业培训", Provider: "九龙坡区职业技能培训中心", Place: "杨家坪", Contact: "023-6878****"},
		{Title: "育婴员培训", Provider: "区妇联家政培训基地", Place: "谢家湾", Contact: "023-6842****"},
		{Title: "养老护理员培训", Provider: "区社会福利院", Place: "石坪桥", Contact: "023-6851****"},
		{Title: "家电维修技能培训", Provider: "区职教中心", Place: "石桥铺", Contact: "023-6860****", FeeFen: 20000},
		{Title: "叉车司机培训", Provider: "西彭职业培训学校", Place: "西彭", Contact: "023-6578****"},
	} {
		o.StartsOn = today.AddDate(0, 0, 7*(i+1)).Format(time.DateOnly)
		o.TradeID = tradeID[[]string{"plumbing", "domestic", "care", "appliance", "loading"}[i]]
		saved, err := s.SaveOffer(ctx, by(), o)
		if err != nil {
			return err
		}
		offers = append(offers, saved)
	}

	// wishes of about one worker in twenty (at most 40), half of those that fit referred
	topics := []string{"电工证", "育婴员", "养老护理", "家电维修", "叉车证", "焊工证", "厨师证"}
	wishers := min(max(o.Workers/20, 1), 40)
	for i := range wishers {
		worker := int64(1 + r.IntN(o.Workers))
		w, err := s.AddWish(ctx, by(), store.TrainingWish{WorkerID: worker, Topic: topics[(i+r.IntN(len(topics)))%len(topics)]})
		if store.AsError(err) != nil && store.AsError(err).Code == store.Conflict {
			continue // the same worker drawn twice with the same wish
		}
		if err != nil {
			return err
		}
		if m := store.MatchWishes([]store.TrainingWish{w}, offers, s.Today()); len(m) > 0 && r.IntN(2) == 0 {
			if _, err := s.Refer(ctx, by(), worker, m[0].Offer.ID, w.ID); err != nil && store.AsError(err) == nil {
				return err
			}
		}
	}

	// cases from dispatches still followed up: unpaid work is an unpaid-wage case, a dispute one
	// over the terms; the oldest move on
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
		c, err := s.OpenCase(ctx, by(), c)
		if err != nil {
			return err
		}
		steps := [][]store.CaseStep{
			{{Status: store.CaseInProgress, Note: "已电话联系雇主，约定三日内答复"}},
			{{Status: store.CaseInProgress, Note: "约双方到站面谈"}, {Status: store.CaseReferred, ReferredTo: store.ReferMediation, Note: "面谈未果，转街道调解"}},
			{{Status: store.CaseInProgress, Note: "已联系雇主"}, {Status: store.CaseResolved, Note: "雇主已付清，零工确认"}},
			{{Status: store.CaseReferred, ReferredTo: store.ReferInspection, Note: "雇主拒不支付，转劳动监察大队"}},
			nil, nil,
		}[opened]
		for _, st := range steps {
			if _, err := s.UpdateCase(ctx, by(), c.ID, st); err != nil {
				return err
			}
		}
		opened++
	}

	// today's insured dispatches carry their insurer and policy number (at most 60)
	ds, err := s.Dispatches(ctx, store.DispatchFilter{Day: s.Today(), Limit: 200})
	if err != nil {
		return err
	}
	insurers := []string{"人保财险", "太平洋财险", "平安财险"}
	n := 0
	for _, d := range ds {
		if !d.Insured || n == 60 {
			continue
		}
		policy := fmt.Sprintf("LGB%s%05d", today.Format("20060102"), d.ID)
		if _, err := s.SetInsurance(ctx, by(), d.ID, true, insurers[r.IntN(len(insurers))], policy); err != nil {
			return err
		}
		n++
	}
	return nil
}
