package posting

import (
	"strings"
	"testing"
)

func TestFlagged(t *testing.T) {
	cases := []struct {
		text   string
		reason Reason
		word   string // the flagged span must contain this
	}{
		{"需要女性，能吃苦", Gender, "需要女性"},
		{"限男性", Gender, "限男性"},
		{"只要女的，手脚麻利", Gender, "只要女"},
		{"男士优先", Gender, "男士优先"},
		{"女工优先考虑", Gender, "女工优先"},
		{"不要女的，搬重物", Gender, "不要女"},
		{"护工，需要女性", Gender, "需要女性"},
		{"Male only, heavy lifting", Gender, "Male only"},
		{"women preferred", Gender, "women preferred"},
		{"限汉族", Ethnicity, "限汉族"},
		{"少数民族勿扰", Ethnicity, "少数民族勿扰"},
		{"Han Chinese only", Ethnicity, "Han Chinese only"},
		{"需本地户口", Hukou, "户口"},
		{"户籍要求：重庆", Hukou, "户籍"},
		{"限本地人", Hukou, "限本地人"},
		{"外地人勿扰", Hukou, "外地人勿扰"},
		{"locals only", Hukou, "locals only"},
		{"已婚已育", Marriage, "已婚已育"},
		{"未婚女性", Marriage, "未婚"},
		{"孕妇勿扰", Marriage, "孕妇"},
		{"must be single, not pregnant", Marriage, "not pregnant"},
		{"乙肝携带者勿扰", Hepatitis, "乙肝"},
		{"需查两对半", Hepatitis, "两对半"},
		{"no HBV carriers", Hepatitis, "HBV"},
		{"35岁以下", Age, "35岁以下"},
		{"年龄18-35岁", Age, "18-35岁"},
		{"限４５岁以内", Age, "４５岁以内"},
		{"40岁以上勿扰", Age, "40岁以上勿扰"},
		{"30岁以上", Age, "30岁以上"},
		{"年轻力壮", Age, "年轻"},
		{"under 35", Age, "under 35"},
		{"上岗前交押金200元", Fee, "押金"},
		{"收报名费50元", Fee, "报名费"},
		{"培训费自理", Fee, "培训费"},
		{"服装费从工资扣", Fee, "服装费"},
		{"免费提供工服，收押金", Fee, "押金"},
		{"押一个月工资", Fee, "押一个月工资"},
		{"registration fee 50 yuan", Fee, "registration fee"},
		{"押身份证", IDCard, "押身份证"},
		{"入职扣证件", IDCard, "扣证件"},
		{"身份证原件由公司保管", IDCard, "身份证原件由公司保管"},
		{"we keep your ID card", IDCard, "keep your ID card"},
		{"高薪保录", Promise, "高薪保录"},
		{"考证包过", Promise, "包过"},
		{"guaranteed job", Promise, "guaranteed job"},
	}
	for _, c := range cases {
		flags := Check(c.text)
		found := false
		for _, f := range flags {
			if f.Reason == c.reason && strings.Contains(f.Text, c.word) {
				found = true
			}
			if c.text[f.Start:f.End] != f.Text {
				t.Errorf("%q: span %d:%d is %q, text says %q", c.text, f.Start, f.End, c.text[f.Start:f.End], f.Text)
			}
		}
		if !found {
			t.Errorf("%q: want %s on %q, got %+v", c.text, c.reason, c.word, flags)
		}
	}
}

func TestNotFlagged(t *testing.T) {
	for _, text := range []string{
		"",
		"女士内衣店保洁，每周两次", // describes the place, not the worker
		"男装店理货",        // the shop, not the worker
		"照顾女性患者，需同性别护理", // lawful occupational requirement of intimate care
		"照顾老人，同性护工",
		"男女不限，能吃苦",
		"性别不限、民族不限、户籍不限",
		"年满16周岁",
		"18岁以上",
		"60岁以下，能搬重物",
		"不收押金，不收任何费用",
		"无需报名费",
		"免培训费",
		"请带身份证原件报到",
		"收身份证复印件",
		"需持健康证（食品行业）",
		"包吃住，日结",
		"需电工证，会接线",
		"住单身宿舍",
		"no deposit, any gender",
		"Bring your ID card on the first day",
		"Experience with tiling, own tools",
	} {
		if flags := Check(text); len(flags) > 0 {
			t.Errorf("%q: flagged %+v", text, flags)
		}
	}
}

func TestSpansDoNotOverlapAndCodes(t *testing.T) {
	text := "限男性，35岁以下，交押金，押身份证"
	flags := Check(text)
	for i := 1; i < len(flags); i++ {
		if flags[i].Start < flags[i-1].End {
			t.Fatalf("overlap: %+v", flags)
		}
	}
	if got, want := Codes(flags), "gender,age,fee,id_card"; got != want {
		t.Fatalf("codes %q, want %q (%+v)", got, want, flags)
	}
}

func FuzzCheck(f *testing.F) {
	f.Add("限男性35岁以下押金")
	f.Add("女士内衣店保洁")
	f.Fuzz(func(t *testing.T, s string) {
		for _, fl := range Check(s) {
			if fl.Start < 0 || fl.End > len(s) || fl.Start >= fl.End || s[fl.Start:fl.End] != fl.Text {
				t.Fatalf("bad span %+v of %q", fl, s)
			}
		}
	})
}
