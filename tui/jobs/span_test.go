package jobs

import (
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/tui/i18n"
)

// takeJobUntil takes a job for a new caller with start typed at the start and dur at the
// duration; the rest as takeNewEmployerJob.
func (h *harness) takeJobUntil(phone, start, dur string) {
	h.letters("n")
	h.newResident(phone)
	h.words(start)
	h.press(tea.KeyEnter)
	if dur != "" {
		h.press(tea.KeyCtrlU)
		h.words(dur)
	}
}

// TestEndTimesAsTheCallerSaysThem: 明天8点到5点 at the start, or an end where the duration
// goes, give the job's length; a night job reads as ending 次日02:00.
func TestEndTimesAsTheCallerSaysThem(t *testing.T) {
	tests := []struct {
		name, start, dur string
		shows            string
		starts           time.Time
		length           time.Duration
	}{
		{"start with its end", "明天8点到5点", "", "9小时 · 至17:00", time.Date(2026, 11, 29, 8, 0, 0, 0, store.Shanghai), 9 * time.Hour},
		{"a night job", "晚上10点到凌晨2点", "", "4小时 · 至次日02:00", time.Date(2026, 11, 28, 22, 0, 0, 0, store.Shanghai), 4 * time.Hour},
		{"the end in the duration", "明天8点", "17:30", "9小时30分 · 至17:30", time.Date(2026, 11, 29, 8, 0, 0, 0, store.Shanghai), 9*time.Hour + 30*time.Minute},
		{"a night end in the duration", "今天22:00", "凌晨2点", "4小时 · 至次日02:00", time.Date(2026, 11, 28, 22, 0, 0, 0, store.Shanghai), 4 * time.Hour},
		{"a length", "明天8点", "4小时", "4小时 · 至12:00", time.Date(2026, 11, 29, 8, 0, 0, 0, store.Shanghai), 4 * time.Hour},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, i18n.Zh)
			h.takeJobUntil("1380013800"+string(rune('0'+i)), tt.start, tt.dur)
			h.want(tt.shows)
			h.press(tea.KeyEnter, tea.KeyEnter, tea.KeyEnter)
			h.figures("300")
			h.press(tea.KeyCtrlS)
			if h.form() != nil {
				t.Fatalf("not saved (%q):\n%s", h.status, h.view())
			}
			j, err := h.c.Store.Job(t.Context(), 1)
			if err != nil {
				t.Fatalf("read the job: %v", err)
			}
			if !j.StartsAt.Equal(tt.starts) || j.Duration != tt.length {
				t.Fatalf("job starts %v for %v, want %v for %v", j.StartsAt, j.Duration, tt.starts, tt.length)
			}
		})
	}
}

func TestAnEndBeforeTheStartIsRefused(t *testing.T) {
	h := newHarness(t, i18n.Zh)
	h.takeJobUntil("13800138000", "明天8点到明天7点", "")
	h.want("完工时间要在开工时间之后")
}

// TestCopiedDurationReadsBack: a returning caller's usual 5小时30分 is copied in a form the
// duration field reads back, with the end it gives.
func TestCopiedDurationReadsBack(t *testing.T) {
	h := newHarness(t, i18n.Zh)
	h.letters("n")
	f := h.form()
	f.setDuration(5*time.Hour + 30*time.Minute)
	if d, key := f.duration(); key != "" || d != 5*time.Hour+30*time.Minute {
		t.Fatalf("the copied duration %q reads back as %v %q", f.inputs[fDur].Value(), d, key)
	}
}

// TestTimeFieldsSayWhatTheyRead: the start shows what it understood as it is typed (tom 9 is
// tomorrow 09:00), or why not, before the field is left.
func TestTimeFieldsSayWhatTheyRead(t *testing.T) {
	h := newHarness(t, i18n.En)
	h.letters("n")
	h.form().moveTo(fWhen)
	h.words("tom 9")
	h.want("→ tomorrow 09:00")
	h.press(tea.KeyCtrlU)
	h.words("blah")
	h.want("That time cannot be read")
	h.press(tea.KeyCtrlU)
	h.words("mon 9")
	h.want("→ 11-30 Mon 09:00")
}

// TestCopiedRequirementsStayWithTheirTrade: a returning caller's moving job had 有大件家具;
// asked for a cleaner this time, the copy leaves those words out and says so.
func TestCopiedRequirementsStayWithTheirTrade(t *testing.T) {
	h := newHarness(t, i18n.Zh)
	s, ctx := h.c.Store, t.Context()
	e, err := s.SaveEmployer(ctx, h.c.Staff.ID, store.Employer{Kind: store.Resident, Name: "张阿姨", Phone: "13800138000", Address: "后街12号", CommunityID: 100})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.CreateJob(ctx, h.c.Staff.ID, e, store.Job{TradeID: 10, Headcount: 2, StartsAt: now.Add(20 * time.Hour), Duration: 4 * time.Hour,
		PayFen: 30000, PayUnit: store.PerDay, Address: "后街12号", CommunityID: 100, Requirements: "有大件家具"}); err != nil {
		t.Fatal(err)
	}
	h.letters("n")
	h.figures("13800138000")
	h.press(tea.KeyEnter)
	h.want("已带出上次需求 #1")
	if got := h.form().inputs[fReq].Value(); got != "有大件家具" {
		t.Fatalf("the usual requirements were not copied: %q", got)
	}
	h.form().moveTo(fTrade)
	h.letters("bj")
	h.press(tea.KeyEnter) // 保洁 picked: on to the head-count
	if got := h.form().inputs[fReq].Value(); got != "" {
		t.Fatalf("the moving job's requirements went into the cleaning job: %q", got)
	}
	h.want("上次搬家的要求没有带过来")
}

// newResident types a new caller at phone (张阿姨 of 后街12号) and one plumber, up to the start.
func (h *harness) newResident(phone string) {
	h.figures(phone)
	h.press(tea.KeyEnter, tea.KeyEnter)
	h.words("张阿姨")
	h.press(tea.KeyEnter, tea.KeyEnter)
	h.words("后街12号")
	h.press(tea.KeyEnter)
	h.letters("hj")
	h.press(tea.KeyEnter)
	h.letters("sd")
	h.press(tea.KeyEnter)
	h.figures("1")
	h.press(tea.KeyEnter)
}
