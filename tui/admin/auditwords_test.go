package admin

import (
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
