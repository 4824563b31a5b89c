package valid

import (
	"strconv"
	"strings"
)

// maxYuanDigits bounds the 元 part so fen never overflows int64.
const maxYuanDigits = 15

// ParseYuan reads an amount of 元 as staff type it ("180", "180.5", "１８０", "180元",
// "¥180", "2,000") and returns integer fen. Zero is returned without a problem:
// whether zero is allowed is the caller's rule (see PayFen).
func ParseYuan(s string) (int64, *Problem) {
	var b strings.Builder
	for _, r := range strings.TrimSpace(s) {
		switch r = foldWidth(r); r {
		case '￥':
			r = '¥'
		case '−', '－':
			r = '-'
		case '。':
			r = '.' // a Chinese IME full stop typed for the decimal point
		}
		b.WriteRune(r)
	}
	t := strings.TrimSpace(b.String())
	t = strings.TrimPrefix(t, "¥")
	for _, unit := range []string{"元", "块", "圆"} {
		t = strings.TrimSuffix(t, unit)
	}
	t = strings.TrimSpace(t)
	if t == "" {
		return 0, problem(FieldMoney, KeyMoneyEmpty, "no amount given")
	}
	if strings.HasPrefix(t, "-") {
		return 0, problem(FieldMoney, KeyMoneyNegative, "an amount cannot be negative")
	}
	yuan, frac, _ := strings.Cut(t, ".")
	if yuan == "" && frac == "" || strings.Contains(frac, ".") || strings.Contains(frac, ",") {
		return 0, problem(FieldMoney, KeyMoneyFormat, "%q is not an amount of yuan", s)
	}
	if strings.Contains(yuan, ",") {
		groups := strings.Split(yuan, ",")
		for i, g := range groups {
			if i == 0 && (len(g) < 1 || len(g) > 3) || i > 0 && len(g) != 3 {
				return 0, problem(FieldMoney, KeyMoneyFormat, "%q: thousands go in groups of three (2,000)", s)
			}
		}
		yuan = strings.Join(groups, "")
	}
	if !allDigits(yuan) || !allDigits(frac) {
		return 0, problem(FieldMoney, KeyMoneyFormat, "%q is not an amount of yuan", s)
	}
	if len(frac) > 2 {
		if strings.Trim(frac[2:], "0") != "" {
			return 0, problem(FieldMoney, KeyMoneyDecimals, "%q: at most two decimals (1 fen)", s)
		}
		frac = frac[:2] // 180.500 is 180.50
	}
	yuan = strings.TrimLeft(yuan, "0")
	if len(yuan) > maxYuanDigits {
		return 0, problem(FieldMoney, KeyMoneyTooBig, "%q is too large an amount", s)
	}
	var fen int64
	for i := 0; i < len(yuan); i++ {
		fen = fen*10 + int64(yuan[i]-'0')
	}
	fen *= 100
	frac += "00"
	fen += int64(frac[0]-'0')*10 + int64(frac[1]-'0')
	return fen, nil
}

// FormatYuan writes fen as 元 with two decimals: 18050 → "180.50", -5 → "-0.05".
func FormatYuan(fen int64) string {
	sign := ""
	u := uint64(fen)
	if fen < 0 {
		sign = "-"
		u = -u // two's complement: right for math.MinInt64 too
	}
	cents := u % 100
	return sign + strconv.FormatUint(u/100, 10) + "." + string(rune('0'+cents/10)) + string(rune('0'+cents%10))
}
