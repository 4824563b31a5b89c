package register

import (
	"strings"
	"testing"

	"gigdesk/store"
	"gigdesk/tui/i18n"
)

func TestDuplicateShowsWhatAnUpdateWouldChange(t *testing.T) {
	c := testCommon(t, i18n.Zh)
	old := store.Worker{ID: 7, Name: "张三丰", Phone: "13800138000", CommunityID: 100, Notes: "会开车",
		Trades: []store.WorkerTrade{{TradeID: 2}}}
	tests := []struct {
		name  string
		typed store.Worker
		want  []string // label：before → after
	}{
		{"nothing new", store.Worker{Name: "张三丰", Phone: "13800138000"}, nil},
		{"a birth year where none was", store.Worker{Name: "张三丰", BirthYear: 1980}, []string{"出生年：（空） → 1980"}},
		{"name and trade", store.Worker{Name: "张三峰", Trades: []store.WorkerTrade{{TradeID: 1}}},
			[]string{"姓名：张三丰 → 张三峰", "工种：力工 → 水电·力工"}},
		{"notes are added to", store.Worker{Name: "张三丰", Notes: "有电工证"}, []string{"备注：会开车 → 会开车 有电工证"}},
		{"a new phone, masked", store.Worker{Name: "张三丰", Phone: "13900001111"}, []string{"手机：138****8000 → 139****1111"}},
	}
	for _, tt := range tests {
		var got []string
		for _, ch := range workerChanges(c, old, mergeTyped(old, tt.typed)) {
			got = append(got, ch.label+"："+ch.before+" → "+ch.after)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: changes = %q, want %q", tt.name, got, tt.want)
		}
	}
	if line := workerLine(c, old); !strings.Contains(line, "出生年未填") || strings.Contains(line, "No.") || strings.Contains(line, "  0  ") {
		t.Errorf("a worker without a birth year reads %q", line)
	}
}
