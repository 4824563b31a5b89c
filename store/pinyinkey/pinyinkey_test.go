package pinyinkey

import (
	"slices"
	"strings"
	"testing"
)

func TestKeys(t *testing.T) {
	tests := []struct {
		name    string
		want    []string // all present
		notWant []string
	}{
		{"张三丰", []string{"zhangsanfeng", "zsf"}, nil},
		{"曾小明", []string{"zengxiaoming", "cengxiaoming", "zxm", "cxm"}, nil},
		{"单田芳", []string{"shantianfang", "dantianfang", "stf", "dtf"}, nil},
		{"解晓东", []string{"xiexiaodong", "jiexiaodong", "xxd", "jxd"}, nil},
		{"仇英", []string{"qiuying", "chouying", "qy", "cy"}, nil},
		{"朴树", []string{"piaoshu", "pushu", "ps"}, nil},
		{"查良镛", []string{"zhaliangyong", "chaliangyong"}, nil},
		{"区家明", []string{"oujiaming", "qujiaming"}, nil},
		{"乐嘉", []string{"yuejia", "lejia"}, nil},
		{"盖聂", []string{"genie", "gainie"}, nil},
		{"缪斯", []string{"miaosi"}, nil},
		{"翟天临", []string{"zhaitianlin"}, nil},
		{"覃海", []string{"qinhai"}, nil},
		{"重阳", []string{"chongyang"}, nil},
		{"秘书", []string{"bishu"}, nil},
		{"黑明", []string{"heming", "heiming"}, nil},
		{"召忠", []string{"shaozhong", "zhaozhong"}, nil},
		{"尉迟恭", []string{"yuchigong", "ycg", "weichigong"}, nil},
		{"万俟卨", []string{"moqixie"}, nil},
		{"长孙无忌", []string{"zhangsunwuji", "zswj"}, nil},
		{"欧阳娜娜", []string{"ouyangnana", "oynn"}, nil},
		{"阿依古丽·买买提", []string{"ayigulimaimaiti", "ayglmmt"}, nil},
		{"Li Lei", []string{"lilei"}, []string{"ll"}},
		{"José Müller", []string{"josemuller"}, nil},
		{"张A", []string{"zhanga", "za"}, nil},
		{"  张三  ", []string{"zhangsan", "zs"}, nil},
		{"单", []string{"shan", "dan", "s", "d"}, nil},
	}
	for _, tt := range tests {
		keys := Keys(tt.name)
		for _, w := range tt.want {
			if !slices.Contains(keys, w) {
				t.Errorf("Keys(%q) = %v, missing %q", tt.name, keys, w)
			}
		}
		for _, w := range tt.notWant {
			if slices.Contains(keys, w) {
				t.Errorf("Keys(%q) = %v, should not hold %q", tt.name, keys, w)
			}
		}
		for _, k := range keys {
			if k == "" || k != strings.ToLower(k) || strings.ContainsFunc(k, func(r rune) bool { return r > 0x7F || r == ' ' }) {
				t.Errorf("Keys(%q) holds %q, not lower-case ASCII", tt.name, k)
			}
		}
		if !slices.Equal(keys, Keys(tt.name)) {
			t.Errorf("Keys(%q) differs between calls", tt.name)
		}
		if len(keys) != len(dedupe(slices.Clone(keys))) {
			t.Errorf("Keys(%q) = %v has duplicates", tt.name, keys)
		}
	}
}

func TestKeysOrder(t *testing.T) {
	// The most likely reading comes first: the surname reading for 曾, the common one after.
	if got := Keys("曾国藩"); got[0] != "zengguofan" {
		t.Errorf("Keys(曾国藩)[0] = %q, want zengguofan (all: %v)", got[0], got)
	}
	if got := Keys("张三丰"); !slices.Equal(got, []string{"zhangsanfeng", "zsf"}) {
		t.Errorf("Keys(张三丰) = %v", got)
	}
}

func TestKeysEmptyAndLong(t *testing.T) {
	for _, s := range []string{"", "   ", "·", "!!"} {
		if got := Keys(s); len(got) != 0 {
			t.Errorf("Keys(%q) = %v, want none", s, got)
		}
	}
	long := strings.Repeat("重", 30) // 30 characters with 3 readings each
	keys := Keys(long)
	if len(keys) == 0 || len(keys) > 2*MaxReadings {
		t.Fatalf("Keys(30 heteronyms) gave %d keys, want 1..%d", len(keys), 2*MaxReadings)
	}
	if keys[0] != "chong"+strings.Repeat("zhong", 29) {
		t.Errorf("Keys(30×重)[0] = %q, want the surname reading then first readings", keys[0])
	}
}

func TestInitialsFull(t *testing.T) {
	tests := []struct{ in, initials, full string }{
		{"石坪桥", "spq", "shipingqiao"},
		{"杨家坪", "yjp", "yangjiaping"},
		{"重庆", "cq", "chongqing"},
		{"重庆市九龙坡区", "cqsjlpq", "chongqingshijiulongpoqu"},
		{"黄桷坪", "hjp", "huangjueping"},
		{"谢家湾", "xjw", "xiejiawan"},
		{"后街社区", "hjsq", "houjieshequ"},
		{"长寿", "cs", "changshou"},
		{"成都", "cd", "chengdu"},
		{"冶金三村2号", "yjsc2h", "yejinsancun2hao"},
		{"", "", ""},
	}
	for _, tt := range tests {
		if got := Initials(tt.in); got != tt.initials {
			t.Errorf("Initials(%q) = %q, want %q", tt.in, got, tt.initials)
		}
		if got := Full(tt.in); got != tt.full {
			t.Errorf("Full(%q) = %q, want %q", tt.in, got, tt.full)
		}
	}
}

func TestMatches(t *testing.T) {
	keys := Keys("曾小明")
	tests := []struct {
		query string
		keys  []string
		want  bool
	}{
		{"zxm", keys, true},
		{"ZXM", keys, true},
		{"cxm", keys, true},
		{"zeng xiao", keys, true},
		{"zengxiaoming", keys, true},
		{"zx", keys, true},
		{"xm", keys, false},
		{"zengxiaomingg", keys, false},
		{"", keys, true},
		{"z", nil, false},
		{"li lei", Keys("Li Lei"), true},
	}
	for _, tt := range tests {
		if got := Matches(tt.query, tt.keys); got != tt.want {
			t.Errorf("Matches(%q, %v) = %v, want %v", tt.query, tt.keys, got, tt.want)
		}
	}
}

func TestBestCombos(t *testing.T) {
	toks := []token{{readings: []string{"a", "b"}}, {readings: []string{"c", "d", "e"}}}
	got := bestCombos(toks, 4)
	want := [][]int{{0, 0}, {0, 1}, {1, 0}, {0, 2}}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("bestCombos = %v, want %v", got, want)
	}
}

func BenchmarkKeys(b *testing.B) {
	for b.Loop() {
		Keys("曾小明")
	}
}
