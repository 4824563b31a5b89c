package valid

import (
	"math"
	"slices"
	"strings"
	"testing"
	"time"
)

var testNow = time.Date(2025, 6, 15, 15, 30, 0, 0, time.Local)

// withCheck completes 17 digits into a resident ID with the right check character.
func withCheck(first17 string) string { return first17 + string(IDCheckChar(first17)) }

// wantKey fails unless p carries key ("" means no problem) and key is listed in Keys.
func wantKey(t *testing.T, p *Problem, key string) {
	t.Helper()
	got := ""
	if p != nil {
		got = p.Key
		if !slices.Contains(Keys, p.Key) {
			t.Errorf("key %q is missing from Keys", p.Key)
		}
		if p.Detail == "" || p.Field == "" {
			t.Errorf("problem %+v lacks a field or detail", p)
		}
	}
	if got != key {
		t.Errorf("problem key = %q (%v), want %q", got, p, key)
	}
}

func TestPhone(t *testing.T) {
	tests := []struct{ in, want, key string }{
		{"13800138000", "13800138000", ""},
		{"19912345678", "19912345678", ""},
		{" 138 0013 8000 ", "13800138000", ""},
		{"+86 138 0013 8000", "13800138000", ""},
		{"0086-13800138000", "13800138000", ""},
		{"8613800138000", "13800138000", ""},
		{"(+86) 138-0013-8000", "13800138000", ""},
		{"138.0013.8000", "13800138000", ""},
		{"１３８００１３８０００", "13800138000", ""},
		{"＋８６　１３８－００１３－８０００", "13800138000", ""},
		{"", "", KeyPhoneEmpty},
		{" - ", "", KeyPhoneEmpty},
		{"1380013800a", "", KeyPhoneChars},
		{"abc", "", KeyPhoneChars},
		{"\x1b[31m13800138000", "", KeyPhoneChars},
		{"13800138000😀", "", KeyPhoneChars},
		{"1380013800", "", KeyPhoneLength},
		{"138001380001", "", KeyPhoneLength},
		{"+86 1380013800", "", KeyPhoneLength},
		{"0086 1380013800", "", KeyPhoneLength},
		{strings.Repeat("1", 10000), "", KeyPhoneLength},
		{"12800138000", "", KeyPhonePrefix},
		{"023-6868-1234", "", KeyPhonePrefix},
		{"+1 555 123 4567", "", KeyPhonePrefix},
	}
	for _, tt := range tests {
		got, p := Phone(tt.in)
		if got != tt.want {
			t.Errorf("Phone(%.40q) = %q, want %q", tt.in, got, tt.want)
		}
		wantKey(t, p, tt.key)
	}
}

func TestIDNumber(t *testing.T) {
	tests := []struct{ name, in, want, key string }{
		{"well-known test ID", "11010519491231002X", "11010519491231002X", ""},
		{"lower-case x", "11010519491231002x", "11010519491231002X", ""},
		{"spaces", " 110105 19491231 002X ", "11010519491231002X", ""},
		{"full-width", "１１０１０５１９４９１２３１００２ｘ", "11010519491231002X", ""},
		{"digit check", withCheck("50010719900101123"), withCheck("50010719900101123"), ""},
		{"leap day", withCheck("50010720000229123"), withCheck("50010720000229123"), ""},
		{"born today", withCheck("50010720250615123"), withCheck("50010720250615123"), ""},
		{"foreigner permanent residence", withCheck("95015619900101123"), withCheck("95015619900101123"), ""},
		{"wrong check digit", "110105194912310021", "", KeyIDChecksum},
		{"empty", "  ", "", KeyIDEmpty},
		{"17 chars", "11010519491231002", "", KeyIDLength},
		{"19 chars", "1101051949123100211", "", KeyIDLength},
		{"pasted 10000 digits", strings.Repeat("1", 10000), "", KeyIDLength},
		{"letter at end", "11010519491231002A", "", KeyIDChars},
		{"X not at end", "X1010519491231002X", "", KeyIDChars},
		{"escape", "\x1b[31m11010519491231002X", "", KeyIDChars},
		{"no province 10", withCheck("10010719900101123"), "", KeyIDRegion},
		{"2月30日", withCheck("50010719900230123"), "", KeyIDBirthdate},
		{"1900 no leap year", withCheck("50010719000229123"), "", KeyIDBirthdate},
		{"month 13", withCheck("50010719901301123"), "", KeyIDBirthdate},
		{"day 00", withCheck("50010719900100123"), "", KeyIDBirthdate},
		{"born tomorrow", withCheck("50010720250616123"), "", KeyIDFuture},
		{"future year", withCheck("50010720300101123"), "", KeyIDFuture},
		{"before 1900", withCheck("50010718991231123"), "", KeyIDTooOld},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, p := IDNumber(tt.in, testNow)
			if got != tt.want {
				t.Errorf("IDNumber(%.40q) = %q, want %q", tt.in, got, tt.want)
			}
			wantKey(t, p, tt.key)
		})
	}
}

func TestIDBirth(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{"11010519491231002X", time.Date(1949, 12, 31, 0, 0, 0, 0, time.UTC), true},
		{withCheck("50010720000229123"), time.Date(2000, 2, 29, 0, 0, 0, 0, time.UTC), true},
		{"110105194912310021", time.Time{}, false},
		{withCheck("50010719900230123"), time.Time{}, false},
		{"", time.Time{}, false},
		{"1101", time.Time{}, false},
		{"1101051949123100XX", time.Time{}, false},
	}
	for _, tt := range tests {
		got, ok := IDBirth(tt.in)
		if ok != tt.ok || !got.Equal(tt.want) {
			t.Errorf("IDBirth(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
	if c := IDCheckChar("123"); c != 0 {
		t.Errorf("IDCheckChar(short) = %q, want 0", c)
	}
}

func TestName(t *testing.T) {
	tests := []struct{ in, want, key string }{
		{"张三", "张三", ""},
		{"  张三丰 ", "张三丰", ""},
		{"张 三", "张三", ""},
		{"欧阳娜娜", "欧阳娜娜", ""},
		{"㐀㐁", "㐀㐁", ""}, // extension A
		{"李〇", "李〇", ""},
		{"Li  Lei", "Li Lei", ""},
		{"ＺＨＡＮＧ San", "ZHANG San", ""},
		{"阿依古丽·买买提", "阿依古丽·买买提", ""},
		{"阿依古丽・买买提", "阿依古丽·买买提", ""},
		{"阿依古丽 • 买买提", "阿依古丽·买买提", ""},
		{"阿依古丽･买买提", "阿依古丽·买买提", ""},
		{"阿依古丽‧买买提", "阿依古丽·买买提", ""},
		{"O'Brien", "O'Brien", ""},
		{"O’Brien", "O'Brien", ""},
		{"Jean-Luc Picard", "Jean-Luc Picard", ""},
		{"Mary- Jane", "Mary-Jane", ""},
		{"José Müller", "José Müller", ""},
		{"Jose\u0301", "José", ""}, // decomposed accent composed
		{"Nguyễn Văn A", "Nguyễn Văn A", ""},
		{strings.Repeat("张", 30), strings.Repeat("张", 30), ""},
		{"", "", KeyNameEmpty},
		{" \u3000 ", "", KeyNameEmpty},
		{strings.Repeat("张", 31), "", KeyNameLong},
		{strings.Repeat("张", 10000), "", KeyNameLong},
		{strings.Repeat("Ab ", 11), "", KeyNameLong},
		{"张三3", "", KeyNameDigit},
		{"张三３", "", KeyNameDigit},
		{"张三①", "", KeyNameDigit},
		{"\x1b[31m张三", "", KeyNameControl},
		{"张三\x1b[0m", "", KeyNameControl},
		{"张\t三", "", KeyNameControl},
		{"张\x00三", "", KeyNameControl},
		{"张三\u202e", "", KeyNameControl},
		{"张三\u200b", "", KeyNameControl},
		{"张三😀", "", KeyNameSymbol},
		{"张三❤️", "", KeyNameSymbol},
		{"张三!", "", KeyNameSymbol},
		{"张三，", "", KeyNameSymbol},
		{"张<b>", "", KeyNameSymbol},
		{"Иван", "", KeyNameChars},
		{"キム", "", KeyNameChars},
		{"김철수", "", KeyNameChars},
		{"张\xff三", "", KeyNameChars},
		{"·张三", "", KeyNamePunct},
		{"张三·", "", KeyNamePunct},
		{"张··三", "", KeyNamePunct},
		{"-Li", "", KeyNamePunct},
		{"Li-", "", KeyNamePunct},
		{"张'三", "", KeyNamePunct},
		{"Li--Lei", "", KeyNamePunct},
	}
	for _, tt := range tests {
		got, p := Name(tt.in)
		if got != tt.want {
			t.Errorf("Name(%.40q) = %q, want %q", tt.in, got, tt.want)
		}
		wantKey(t, p, tt.key)
		if p == nil {
			if again, p2 := Name(got); again != got || p2 != nil {
				t.Errorf("Name(Name(%q)) = %q, %v; want it unchanged", tt.in, again, p2)
			}
		}
	}
}

func TestBirthYear(t *testing.T) {
	tests := []struct {
		year int
		key  string
	}{
		{2009, ""}, {1945, ""}, {1980, ""},
		{2010, KeyBirthYearRange}, {1944, KeyBirthYearRange}, {0, KeyBirthYearRange}, {2030, KeyBirthYearRange},
	}
	for _, tt := range tests {
		wantKey(t, BirthYear(tt.year, testNow), tt.key)
	}
}

func TestPayFen(t *testing.T) {
	tests := []struct {
		fen int64
		key string
	}{
		{1, ""}, {18000, ""}, {MaxPayFen, ""},
		{0, KeyPayZero}, {-1, KeyPayNegative}, {math.MinInt64, KeyPayNegative},
		{MaxPayFen + 1, KeyPayTooHigh}, {math.MaxInt64, KeyPayTooHigh},
	}
	for _, tt := range tests {
		wantKey(t, PayFen(tt.fen), tt.key)
	}
}

func TestHeadcount(t *testing.T) {
	tests := []struct {
		n   int
		key string
	}{
		{1, ""}, {6, ""}, {500, ""},
		{0, KeyHeadcountRange}, {-3, KeyHeadcountRange}, {501, KeyHeadcountRange},
	}
	for _, tt := range tests {
		wantKey(t, Headcount(tt.n), tt.key)
	}
}

func TestText(t *testing.T) {
	tests := []struct {
		in   string
		max  int
		want string
		key  string
	}{
		{"  后街社区 3 号  ", 100, "后街社区 3 号", ""},
		{"", 100, "", ""},
		{"line one\nline two", 100, "line one line two", ""},
		{"a\r\n\t  b", 100, "a b", ""},
		{"x\u0085y\u2028z", 100, "x y z", ""},
		{"\x1b[31mred\x1b[0m text", 100, "red text", ""},
		{"\x1b[1;31;42mbold", 100, "bold", ""},
		{"\x1b]0;pwned\x07ok", 100, "ok", ""},
		{"\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\", 100, "link", ""},
		{"\x1bc\x1b(Bplain", 100, "plain", ""},
		{"\u009b31mred", 100, "red", ""},
		{"\x1b[31张三", 100, "张三", ""}, // a broken sequence must not eat text
		{"trailing\x1b", 100, "trailing", ""},
		{"a\x00b\x07c\x7fd", 100, "abcd", ""},
		{"\u202eabc\u200b\ufeff", 100, "abc", ""},
		{"a\xffb", 100, "ab", ""},
		{"要带工具👍", 100, "要带工具👍", ""},
		{"👨\u200d👩", 100, "👨\u200d👩", ""},
		{"一二三四五", 5, "一二三四五", ""},
		{"一二三四五六", 5, "", KeyTextLong},
		{strings.Repeat("长", 10000), 200, "", KeyTextLong},
		{strings.Repeat("a", 10000), 0, strings.Repeat("a", 10000), ""},
	}
	for _, tt := range tests {
		got, p := Text("notes", tt.in, tt.max)
		if got != tt.want {
			t.Errorf("Text(%.40q, %d) = %.40q, want %.40q", tt.in, tt.max, got, tt.want)
		}
		wantKey(t, p, tt.key)
		if p != nil && p.Field != "notes" {
			t.Errorf("Text problem field = %q, want notes", p.Field)
		}
	}
}

func TestTyping(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Wang ", "Wang "},       // the space before the next word stays
		{"Wang  ", "Wang "},      // one of them
		{"Wang\u3000", "Wang "},  // an input method's wide space
		{"Wang Wei", "Wang Wei"}, // done typing: as StripControls
		{" ", ""},                // nothing before it
		{"  Wang", "Wang"},
		{"Wang\t", "Wang"}, // a tab is not a space someone typed between words
		{"Wang\x1b[31m ", "Wang "},
		{"张三 ", "张三 "},
	} {
		if got := Typing(c.in); got != c.want {
			t.Errorf("Typing(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestKeyText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{" ", " "}, // the space key itself
		{"Wang Wei", "Wang Wei"},
		{"a\x1b[31mb c", "ab c"},
		{"\t", ""},
		{"x\u202ey", "xy"},
	} {
		if got := KeyText(c.in); got != c.want {
			t.Errorf("KeyText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestParseYuan(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		key  string
	}{
		{"180", 18000, ""},
		{"180.5", 18050, ""},
		{"180.50", 18050, ""},
		{"180.500", 18050, ""},
		{"１８０", 18000, ""},
		{"１８０．５", 18050, ""},
		{"180。5", 18050, ""},
		{"180元", 18000, ""},
		{"180 元", 18000, ""},
		{"180块", 18000, ""},
		{"¥180", 18000, ""},
		{"￥180", 18000, ""},
		{" 2,000 ", 200000, ""},
		{"2，000.5", 200050, ""},
		{"1,234,567", 123456700, ""},
		{"0.05", 5, ""},
		{".5", 50, ""},
		{"180.", 18000, ""},
		{"0", 0, ""},
		{"007", 700, ""},
		{"100000", 10_000_000, ""},
		{"", 0, KeyMoneyEmpty},
		{"  元 ", 0, KeyMoneyEmpty},
		{"-5", 0, KeyMoneyNegative},
		{"－5", 0, KeyMoneyNegative},
		{"1.234", 0, KeyMoneyDecimals},
		{"0.001", 0, KeyMoneyDecimals},
		{"abc", 0, KeyMoneyFormat},
		{".", 0, KeyMoneyFormat},
		{"1.2.3", 0, KeyMoneyFormat},
		{"1,80", 0, KeyMoneyFormat},
		{",180", 0, KeyMoneyFormat},
		{"1,000,00", 0, KeyMoneyFormat},
		{"1.000,5", 0, KeyMoneyFormat},
		{"1e3", 0, KeyMoneyFormat},
		{"+5", 0, KeyMoneyFormat},
		{"1 000", 0, KeyMoneyFormat},
		{"\x1b[31m5", 0, KeyMoneyFormat},
		{"99999999999999999999", 0, KeyMoneyTooBig},
		{strings.Repeat("9", 10000), 0, KeyMoneyTooBig},
	}
	for _, tt := range tests {
		got, p := ParseYuan(tt.in)
		if got != tt.want {
			t.Errorf("ParseYuan(%.40q) = %d, want %d", tt.in, got, tt.want)
		}
		wantKey(t, p, tt.key)
	}
}

func TestFormatYuan(t *testing.T) {
	tests := []struct {
		fen  int64
		want string
	}{
		{0, "0.00"}, {5, "0.05"}, {50, "0.50"}, {18000, "180.00"}, {18050, "180.50"},
		{-5, "-0.05"}, {-18050, "-180.50"},
		{math.MaxInt64, "92233720368547758.07"}, {math.MinInt64, "-92233720368547758.08"},
	}
	for _, tt := range tests {
		if got := FormatYuan(tt.fen); got != tt.want {
			t.Errorf("FormatYuan(%d) = %q, want %q", tt.fen, got, tt.want)
		}
	}
	for _, fen := range []int64{0, 1, 99, 100, 18050, MaxPayFen, 99_999_999_999_999_99} {
		if got, p := ParseYuan(FormatYuan(fen)); got != fen || p != nil {
			t.Errorf("ParseYuan(FormatYuan(%d)) = %d, %v", fen, got, p)
		}
	}
}

func TestMask(t *testing.T) {
	tests := []struct{ in, phone string }{
		{"13800138000", "138****8000"},
		{"", ""},
		{"123", "***"},
		{"1234567", "*******"},
		{"12345678", "123*5678"},
		{"张三丰", "***"},
	}
	for _, tt := range tests {
		if got := MaskPhone(tt.in); got != tt.phone {
			t.Errorf("MaskPhone(%q) = %q, want %q", tt.in, got, tt.phone)
		}
	}
	if got, want := MaskID("50010719900101123X"), "500***********123X"; got != want {
		t.Errorf("MaskID = %q, want %q", got, want)
	}
	if got := MaskID("5001"); got != "****" {
		t.Errorf("MaskID(short) = %q", got)
	}
}

func TestKeysAndError(t *testing.T) {
	seen := map[string]bool{}
	for _, k := range Keys {
		if seen[k] {
			t.Errorf("duplicate key %q", k)
		}
		seen[k] = true
	}
	_, p := Phone("12")
	if got, want := p.Error(), "phone: a mobile number has 11 digits, got 2"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func FuzzPhone(f *testing.F) {
	for _, s := range []string{"13800138000", "+86 138 0013 8000", "0086-13800138000", "１３８００１３８０００", "8613800138000", "abc", "", "\x1b[31m"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, p := Phone(s)
		if p != nil {
			if got != "" {
				t.Fatalf("Phone(%q) refused but returned %q", s, got)
			}
			return
		}
		if len(got) != 11 || !allDigits(got) {
			t.Fatalf("Phone(%q) accepted %q", s, got)
		}
		if again, p := Phone(got); again != got || p != nil {
			t.Fatalf("Phone(%q) = %q, %v; want it unchanged", got, again, p)
		}
	})
}

func FuzzIDNumber(f *testing.F) {
	for _, s := range []string{"11010519491231002X", "11010519491231002x", "１１０１０５１９４９１２３１００２Ｘ", withCheck("50010719900230123"), "110105194912310021", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, p := IDNumber(s, testNow)
		if p != nil {
			if got != "" {
				t.Fatalf("IDNumber(%q) refused but returned %q", s, got)
			}
			return
		}
		if _, ok := IDBirth(got); !ok || len(got) != 18 {
			t.Fatalf("IDNumber(%q) accepted %q, which IDBirth refuses", s, got)
		}
		if again, p := IDNumber(got, testNow); again != got || p != nil {
			t.Fatalf("IDNumber(%q) = %q, %v; want it unchanged", got, again, p)
		}
		_ = MaskID(got)
	})
}

func TestPickQuery(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"  水电 ", "水电"},
		{" Ｓ d ", "sd"},
		{"ＳＨＵＩ　ＤＩＡＮ", "shuidian"},
		{"Hou Jie\t社区", "houjie社区"},
		{"\x1b[31m后街\x1b[0m", "后街"},
		{"ＡＢＣ１２３！", "abc123!"},
	} {
		if got := PickQuery(c.in); got != c.want {
			t.Errorf("PickQuery(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestFoldWidth(t *testing.T) {
	for in, want := range map[string]string{"１２": "12", "ａ１\u3000b": "a1 b", "张三": "张三", "": ""} {
		if got := FoldWidth(in); got != want {
			t.Errorf("FoldWidth(%q) = %q, want %q", in, got, want)
		}
	}
}
