package fair

import (
	"context"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/tui/i18n"
)

// TestSetUpAFairByKey sets up a fair as the clerk does: n and the form, then the firms (one
// found by name, one by phone, one new) and a position of a firm, paid by the day.
func TestSetUpAFairByKey(t *testing.T) {
	st := newStation(t, i18n.Zh)
	ctx := context.Background()
	d := st.screen(t)
	wantOnScreen(t, d, "还没有招聘活动")
	d.Type("n")
	wantOnScreen(t, d, "新建招聘活动", "名称/姓名", st.s.Today(), "后街零工市场")
	fill(d, "春风行动暨就业援助月专场招聘会")
	d.Press(tea.KeyRight) // the campaign: 民营企业招聘月
	d.Press(tea.KeyLeft)  // back to 春风行动
	enter(d)
	fill(d, "") // the day: today
	fill(d, "") // the place: the station
	fill(d, "九龙坡区人力社保局")
	evs := wantCount(t, "events", must(st.s.Events(ctx, "", ""))(t), nil, 1)
	if e := evs[0]; e.Name != "春风行动暨就业援助月专场招聘会" || e.Campaign != store.CampaignSpring || e.Day != st.s.Today() ||
		e.Place != "后街零工市场" || e.Organiser != "九龙坡区人力社保局" {
		t.Fatalf("event %+v", e)
	}
	if text, bad := status(d); bad || text == "" {
		t.Fatalf("footer after saving: %q", text)
	}
	wantOnScreen(t, d, "春风行动暨就业援助月专场招聘会")
	enter(d) // open it
	wantOnScreen(t, d, "参会企业 0 家", "还没有参会企业")

	// a firm on record, found by its name
	d.Type("f")
	d.Type("建工")
	wantOnScreen(t, d, "重庆建工集团")
	enter(d)
	// another, found by its phone
	d.Type("f")
	d.Type("13500002468")
	wantOnScreen(t, d, "渝州物业管理")
	enter(d)
	// a new one: what was searched fills its name
	d.Type("f")
	d.Type("巴渝家政服务")
	wantOnScreen(t, d, "没有找到：按 Ctrl+N 新建企业。")
	ctrl(d, 'n')
	wantOnScreen(t, d, "新的参会企业", "巴渝家政服务")
	fill(d, "13600007777") // the phone (the name was filled)
	fill(d, "陈经理")
	fill(d, "B2")
	firms := wantCount(t, "firms", must(st.s.Firms(ctx, evs[0].ID))(t), nil, 3)
	if firms[0].EmployerID != st.jianGong.ID || firms[1].EmployerID != st.wuye.ID || firms[2].Name != "巴渝家政服务" || firms[2].Booth != "B2" {
		t.Fatalf("firms %+v", firms)
	}
	if found := must(st.s.FindEmployers(ctx, "13600007777", 5))(t); len(found) != 1 {
		t.Fatalf("the new firm is no employer record: %+v", found)
	}
	wantOnScreen(t, d, "参会企业 3 家", "重庆建工集团", "巴渝家政服务")
	// the same firm twice: refused, in words
	d.Type("f")
	d.Type("建工")
	enter(d)
	if text, bad := status(d); !bad || text != "这家企业已经在本场活动里了。" {
		t.Fatalf("a firm added twice: %q %v", text, bad)
	}
	esc(d)

	// a position of the first firm (the cursor is on it), paid by the day
	d.Type("p")
	wantOnScreen(t, d, "重庆建工集团 的岗位")
	fill(d, "力工")
	d.Type("力工")
	enter(d) // picks the trade
	enter(d) // and moves on
	fill(d, "20")
	d.Press(tea.KeyRight) // by the day
	enter(d)
	fill(d, "250")
	fill(d, "300")
	d.Press(tea.KeyRight) // a gig
	enter(d)
	fill(d, "能吃苦")
	ps := wantCount(t, "positions", must(st.s.Positions(ctx, evs[0].ID))(t), nil, 1)
	if p := ps[0]; p.Title != "力工" || p.TradeID != 2 || p.Headcount != 20 || p.PayUnit != store.PerDay || p.PayMinFen != 25000 ||
		p.PayMaxFen != 30000 || p.Term != store.GigTerm || p.Requirements != "能吃苦" || p.FirmID != firms[0].ID {
		t.Fatalf("position %+v", p)
	}
	wantOnScreen(t, d, "岗位 20 个", "力工")
}

// TestPositionRules: a position under the guide pay, or with words a posting may not carry,
// is saved only with the reason asked for; bad numbers and empty fields say what is wrong, in
// the clerk's language, and save nothing.
func TestPositionRules(t *testing.T) {
	for _, tc := range []struct {
		lang                                      i18n.Lang
		required, headcount, pay, payAsk, postAsk string
	}{
		{i18n.Zh, "请填写：岗位名称", "招工人数须在1至500人之间。", "金额", "薪酬低于指导价", "不宜用语"},
		{i18n.En, "Please fill in: Title", "Head-count must be between 1 and 500.", "mount", "Pay under the guide", "may not carry"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			st := newStation(t, tc.lang)
			ctx := context.Background()
			ev, _ := st.event(t)
			d := st.screen(t)
			enter(d) // the fair
			d.Type("p")
			// nothing typed: the first field wanted is named
			ctrl(d, 's')
			wantOnScreen(t, d, tc.required)
			fill(d, "小工")
			d.Type("力工")
			enter(d)
			enter(d)
			fill(d, "很多")
			d.Press(tea.KeyRight) // by the day
			enter(d)
			fill(d, "一百七")
			enter(d)
			enter(d)
			ctrl(d, 's')
			wantOnScreen(t, d, tc.headcount)
			d.Press(tea.KeyBackspace, tea.KeyBackspace)
			d.Type("5")
			ctrl(d, 's')
			wantOnScreen(t, d, tc.pay)
			wantCount(t, "positions", must(st.s.Positions(ctx, ev.ID))(t), nil, 1)
			for range 3 {
				d.Press(tea.KeyBackspace)
			}
			d.Type("170") // ¥170 a day, under the guide of ¥200
			ctrl(d, 's')
			wantOnScreen(t, d, tc.payAsk)
			wantCount(t, "positions", must(st.s.Positions(ctx, ev.ID))(t), nil, 1)
			enter(d) // no reason: asked again
			wantCount(t, "positions", must(st.s.Positions(ctx, ev.ID))(t), nil, 1)
			d.Type("学徒工，包吃住")
			enter(d)
			ps := wantCount(t, "positions", must(st.s.Positions(ctx, ev.ID))(t), nil, 2)
			if p := ps[1]; p.Title != "小工" || p.PayMinFen != 17000 || p.Review.PayReason != "学徒工，包吃住" {
				t.Fatalf("position under the guide %+v", p)
			}

			// words a posting may not carry: the reason to keep them is asked
			d.Type("p")
			fill(d, "保洁员")
			d.Type("力工")
			enter(d)
			enter(d)
			fill(d, "3")
			enter(d) // by the month
			fill(d, "5000")
			enter(d)
			enter(d)
			fill(d, "限女性，45岁以下")
			wantOnScreen(t, d, tc.postAsk)
			wantCount(t, "positions", must(st.s.Positions(ctx, ev.ID))(t), nil, 2)
			d.Press(tea.KeyEsc) // rewrite instead
			wantCount(t, "positions", must(st.s.Positions(ctx, ev.ID))(t), nil, 2)
			ctrl(d, 's')
			wantOnScreen(t, d, tc.postAsk)
			d.Type("区人社局核准的专项岗位")
			enter(d)
			ps = wantCount(t, "positions", must(st.s.Positions(ctx, ev.ID))(t), nil, 3)
			if p := ps[2]; p.Review.PostingOverride != "区人社局核准的专项岗位" || p.Review.PostingFlags == "" {
				t.Fatalf("flagged position %+v", p.Review)
			}
		})
	}
}
