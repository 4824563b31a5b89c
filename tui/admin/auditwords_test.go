package admin

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"gigdesk/tui/common"
	"gigdesk/tui/i18n"
)

func TestAuditWords(t *testing.T) {
	zh := &common.Common{Cat: i18n.New(i18n.Zh)}
	en := &common.Common{Cat: i18n.New(i18n.En)}
	for _, tc := range []struct{ code, zh, en string }{
		{"pin:set", "设置密码", "PIN set"},
		{"signin:wrong", "密码错误", "wrong PIN"},
		{"status:paused", "改状态：暂停", "status: paused"},
		{"call:no_answer", "电话：无人接听", "call: no answer"},
		{"reveal:id_number", "查看：身份证号", "revealed: ID number"},
		{"cancel:employer", "取消派工：雇主", "dispatch cancelled by: employer"},
		{"visit:policy", "服务登记：政策咨询", "service visit: policy advice"},
		{"status:someday", "改状态：someday", "status: someday"}, // a new status word still reads
		{"frobnicate", "frobnicate", "frobnicate"},           // an unknown code shows as it is
		{"frob:nicate", "frob:nicate", "frob:nicate"},
	} {
		if got := actionWords(zh, tc.code); got != tc.zh {
			t.Errorf("zh %q = %q, want %q", tc.code, got, tc.zh)
		}
		if got := actionWords(en, tc.code); got != tc.en {
			t.Errorf("en %q = %q, want %q", tc.code, got, tc.en)
		}
	}
	for _, tc := range []struct{ code, zh, en string }{
		{"staff", "工作人员", "staff"},
		{"service_visit", "服务登记", "service visit"},
		{"gizmo", "gizmo", "gizmo"},
	} {
		if got := entityWords(zh, tc.code); got != tc.zh {
			t.Errorf("zh entity %q = %q", tc.code, got)
		}
		if got := entityWords(en, tc.code); got != tc.en {
			t.Errorf("en entity %q = %q", tc.code, got)
		}
	}
}

// auditCall finds the actions and records the store audits: tx.audit("action", "entity", …)
// and the dispatch lifecycle's lifecycle(ctx, staff, id, "action", …).
var auditCall = regexp.MustCompile(`audit\("([a-z_]+(?::[a-z_]+)?)", "([a-z_]+)"|lifecycle\(ctx, staff, id, "([a-z_]+)"`)

// TestEveryAuditedActionHasWords reads the store's source: every action and record kind it
// audits reads in Chinese in the audit view, not as its code.
func TestEveryAuditedActionHasWords(t *testing.T) {
	zh := &common.Common{Cat: i18n.New(i18n.Zh)}
	files, err := filepath.Glob("../../store/*.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("store sources: %v %v", files, err)
	}
	seen := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range auditCall.FindAllStringSubmatch(string(src), -1) {
			seen++
			action, entity := m[1]+m[3], m[2]
			if actionWords(zh, action) == action {
				t.Errorf("%s: audit action %q has no words", filepath.Base(f), action)
			}
			if entity != "" && entityWords(zh, entity) == entity {
				t.Errorf("%s: audited record %q has no words", filepath.Base(f), entity)
			}
		}
	}
	if seen < 30 {
		t.Fatalf("found only %d audit calls: the pattern no longer matches the store", seen)
	}
}
