package demo

import (
	"time"

	"gigdesk/store"
)

// trainingOffers saves the district's training offers, one a week from next week.
func (rl *rightsLoad) trainingOffers() ([]store.TrainingOffer, error) {
	var offers []store.TrainingOffer
	for i, o := range []store.TrainingOffer{
		{Title: "低压电工作业培训", Provider: "九龙坡区职业技能培训中心", Place: "杨家坪", Contact: "023-6878****"},
		{Title: "育婴员培训", Provider: "区妇联家政培训基地", Place: "谢家湾", Contact: "023-6842****"},
		{Title: "养老护理员培训", Provider: "区社会福利院", Place: "石坪桥", Contact: "023-6851****"},
		{Title: "家电维修技能培训", Provider: "区职教中心", Place: "石桥铺", Contact: "023-6860****", FeeFen: 20000},
		{Title: "叉车司机培训", Provider: "西彭职业培训学校", Place: "西彭", Contact: "023-6578****"},
	} {
		o.StartsOn = rl.today.AddDate(0, 0, 7*(i+1)).Format(time.DateOnly)
		o.TradeID = rl.tradeID[[]string{"plumbing", "domestic", "care", "appliance", "loading"}[i]]
		saved, err := rl.s.SaveOffer(rl.ctx, rl.by(), o)
		if err != nil {
			return nil, err
		}
		offers = append(offers, saved)
	}
	return offers, nil
}

// trainingWishes records the wishes of about one worker in twenty (at most 40) and refers
// half of those an offer fits.
func (rl *rightsLoad) trainingWishes(workers int, offers []store.TrainingOffer) error {
	ctx, s, r := rl.ctx, rl.s, rl.r
	topics := []string{"电工证", "育婴员", "养老护理", "家电维修", "叉车证", "焊工证", "厨师证"}
	wishers := min(max(workers/20, 1), 40)
	for i := range wishers {
		worker := int64(1 + r.IntN(workers))
		w, err := s.AddWish(ctx, rl.by(), store.TrainingWish{WorkerID: worker, Topic: topics[(i+r.IntN(len(topics)))%len(topics)]})
		if store.AsError(err) != nil && store.AsError(err).Code == store.Conflict {
			continue // the same worker drawn twice with the same wish
		}
		if err != nil {
			return err
		}
		if m := store.MatchWishes([]store.TrainingWish{w}, offers, s.Today()); len(m) > 0 && r.IntN(2) == 0 {
			if _, err := s.Refer(ctx, rl.by(), worker, m[0].Offer.ID, w.ID); err != nil && store.AsError(err) == nil {
				return err
			}
		}
	}
	return nil
}
