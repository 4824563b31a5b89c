package store

import (
	"testing"
)

func TestMatchWishes(t *testing.T) {
	offers := []TrainingOffer{
		{ID: 1, Title: "低压电工作业培训", TradeID: 1, Active: true, StartsOn: "2026-12-05"},
		{ID: 2, Title: "育婴师（初级）", Active: true},
		{ID: 3, Title: "焊工证", Active: false},
		{ID: 4, Title: "电工证复审", Active: true, StartsOn: "2026-11-01"}, // already started
		{ID: 5, Title: "家政服务员", TradeID: 13, Active: true},
	}
	cases := []struct {
		wish TrainingWish
		want []int64
	}{
		{TrainingWish{ID: 1, Topic: "电工证"}, []int64{1}}, // 电工 found in the title
		{TrainingWish{ID: 2, Topic: "育婴师"}, []int64{2}},
		{TrainingWish{ID: 3, Topic: "焊工证"}, nil},                    // offer closed
		{TrainingWish{ID: 4, Topic: "保姆", TradeID: 13}, []int64{5}}, // same trade
		{TrainingWish{ID: 5, Topic: "开挖掘机"}, nil},
		{TrainingWish{ID: 6, Topic: "电工证", Closed: true}, nil},
	}
	for _, c := range cases {
		got := MatchWishes([]TrainingWish{c.wish}, offers, "2026-11-28")
		var ids []int64
		for _, m := range got {
			ids = append(ids, m.Offer.ID)
			if m.WishID != c.wish.ID {
				t.Errorf("%s: wish id %d", c.wish.Topic, m.WishID)
			}
		}
		if len(ids) != len(c.want) || (len(ids) > 0 && ids[0] != c.want[0]) {
			t.Errorf("%s: got %v want %v", c.wish.Topic, ids, c.want)
		}
	}
}

func TestWishesOffersReferrals(t *testing.T) {
	st := newDispatchStation(t)
	s, ctx := st.s, st.ctx
	w := st.worker("孙七", 1, 100)
	_, err := s.AddWish(ctx, st.head, TrainingWish{WorkerID: w.ID, Topic: " "})
	wantKey(t, err, "training.topic_needed")
	wish, err := s.AddWish(ctx, st.head, TrainingWish{WorkerID: w.ID, Topic: "电工证", TradeID: 1})
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.AddWish(ctx, st.head, TrainingWish{WorkerID: w.ID, Topic: "电工证"})
	wantKey(t, err, "training.wish_duplicate")
	_, err = s.SaveOffer(ctx, st.head, TrainingOffer{Title: "低压电工", StartsOn: "12/05"})
	wantKey(t, err, "date.invalid")
	o, err := s.SaveOffer(ctx, st.head, TrainingOffer{Title: "低压电工作业培训", Provider: "九龙坡区职教中心", TradeID: 1, StartsOn: "2026-12-05", Place: "杨家坪"})
	if err != nil {
		t.Fatal(err)
	}
	offers := must(s.Offers(ctx, false))(t)
	wishes := must(s.Wishes(ctx, w.ID))(t)
	ms := MatchWishes(wishes, offers, s.Today())
	if len(ms) != 1 || ms[0].Offer.ID != o.ID || !ms[0].ByTrade || !ms[0].ByTopic {
		t.Fatalf("matches %+v", ms)
	}
	if _, err := s.Refer(ctx, st.head, w.ID, o.ID, wish.ID); err != nil {
		t.Fatal(err)
	}
	_, err = s.Refer(ctx, st.head, w.ID, o.ID, 0)
	wantKey(t, err, "training.referred_before")
	wishes = must(s.Wishes(ctx, w.ID))(t)
	if len(wishes) != 1 || !wishes[0].Closed {
		t.Fatalf("wish not closed by the referral: %+v", wishes)
	}
	if rs := must(s.Referrals(ctx, w.ID))(t); len(rs) != 1 {
		t.Fatalf("referrals %+v", rs)
	}
	o.Active = false
	if _, err := s.SaveOffer(ctx, st.head, o); err != nil {
		t.Fatal(err)
	}
	w2 := st.worker("周八", 1, 100)
	_, err = s.Refer(ctx, st.head, w2.ID, o.ID, 0)
	wantKey(t, err, "training.offer_closed")
}
