// Package posting checks the text of a job posting for what a public gig market may not
// publish: limits on the worker's gender, ethnicity, household registration (户籍), marriage or
// pregnancy, hepatitis B status or age beyond what the work lawfully needs; fees or deposits
// asked of workers; holding workers' ID cards; and promises such as 高薪保录. It is pure: text
// in, flagged spans out. Staff see each flagged span with its reason and either edit the text or
// save with an override reason that is kept with the job. It must not read or write
// anything: store saves the override with the job, the screens show the spans.
//
// Judgement calls, decided here and pinned by the tests:
//   - Words that describe the place or the customer are not requirements on the worker:
//     "女士内衣店保洁" (cleaning a women's underwear shop), "照顾女性患者", "男装店理货" pass.
//     Only a gender stated as a limit or a preference for the worker is flagged: 限男性, 只要女,
//     需要女性, 男士优先, "female only", "men preferred". "男女不限" / "性别不限" pass.
//   - Care work (护工): intimate personal care of a patient of one sex by a carer of the same sex
//     is a lawful occupational requirement, so "需同性别护理" / "同性护工" pass. A bare "需要女性"
//     in a 护工 job is still flagged: the checker reads words, not intent, and staff save it with
//     an override reason ("患者为女性，需同性别护理") that is kept with the job and audited.
//   - Age: a minimum up to 18 (年满16周岁, 18岁以上) is the law's own floor and passes; a higher
//     minimum, any maximum under 60 (35岁以下, 18-45岁, 40岁以上勿扰) and 年轻 are flagged. A cap
//     of 60 or more (statutory retirement, heavy labour safety) passes.
//   - Health: a food-handling health certificate (健康证) is lawful and passes; hepatitis B
//     (乙肝, 两对半, 大三阳, HBV) is never a lawful condition for these trades and is flagged.
//   - Fees: a fee word is flagged unless it is denied just before it (不收押金, 无需报名费,
//     免培训费, "no deposit"). Asking to bring an ID card (带身份证, 出示身份证, 身份证复印件) passes;
//     keeping it (押身份证, 扣证件, 证件由公司保管) is flagged.
//   - Household registration: any condition on 户籍 / 户口 or a limit to locals (限本地人,
//     外地人勿扰) is flagged; "户籍不限" passes. Ranking near workers first is the matcher's job,
//     not the posting's.
package posting

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Reason is why a span was flagged; the catalogue key of its words is "posting.reason." + Reason.
type Reason string

const (
	Gender    Reason = "gender"    // a limit or preference on the worker's sex
	Ethnicity Reason = "ethnicity" // a limit on ethnic group
	Hukou     Reason = "hukou"     // household registration or locals only
	Marriage  Reason = "marriage"  // marriage, childbirth or pregnancy
	Hepatitis Reason = "hepatitis" // hepatitis B status
	Age       Reason = "age"       // an age limit beyond what the work lawfully needs
	Fee       Reason = "fee"       // fees or deposits asked of workers
	IDCard    Reason = "id_card"   // holding workers' ID cards
	Promise   Reason = "promise"   // promises such as 高薪保录, 包过
)

// Reasons lists every reason in the order screens explain them.
var Reasons = []Reason{Gender, Ethnicity, Hukou, Marriage, Hepatitis, Age, Fee, IDCard, Promise}

// Flag is one span of the text that a posting may not contain.
type Flag struct {
	Start, End int // byte offsets into the text checked
	Text       string
	Reason     Reason
}

type rule struct {
	reason Reason
	re     *regexp.Regexp
	// keep, when set, decides from the whole text and the match whether it is really flagged
	keep func(text string, loc []int) bool
}

const (
	genderWord = `(?:男性|女性|男士|女士|男生|女生|男工|女工|男的|女的|男|女)`
	require    = `(?:仅限|只限|限招|限定|限于|只招|只收|只要|只需|需要|要求|必须是|必须|需|限)`
	minzu      = `(?:汉|回|藏|维吾尔|维|蒙古|蒙|壮|苗|彝|土家|满|朝鲜|侗|瑶|白|哈萨克|傣|黎|少数民)族`
	digits     = `[0-9０-９]{1,3}`
)

var rules = []rule{
	{reason: Gender, re: regexp.MustCompile(require + `\s*` + genderWord)},
	{reason: Gender, re: regexp.MustCompile(genderWord + `\s*(?:优先|为主|者优先|即可|勿扰|免谈|不要|不招|不收)`)},
	{reason: Gender, re: regexp.MustCompile(`不(?:要|招|收)\s*` + genderWord)},
	{reason: Gender, re: regexp.MustCompile(`(?i)\b(?:(?:male|female|men|women|man|woman)\s+(?:only|preferred|wanted)|(?:only|no)\s+(?:males?|females?|men|women)|must\s+be\s+(?:a\s+)?(?:male|female|man|woman))\b`)},

	{reason: Ethnicity, re: regexp.MustCompile(require + `\s*` + minzu)},
	{reason: Ethnicity, re: regexp.MustCompile(minzu + `(?:人)?\s*(?:优先|勿扰|免谈|不要|除外|不收|不招)`)},
	{reason: Ethnicity, re: regexp.MustCompile(`不(?:要|招|收)\s*` + minzu)},
	{reason: Ethnicity, re: regexp.MustCompile(`(?i)\b(?:han(?:\s+chinese)?\s+only|no\s+(?:ethnic\s+)?minorities|ethnic\s+minorities\s+need\s+not\s+apply)\b`)},

	{reason: Hukou, re: regexp.MustCompile(`(?:户籍|户口)`)},
	{reason: Hukou, re: regexp.MustCompile(require + `\s*(?:本地|本市|本区|本街道|重庆)(?:人|籍|户籍|户口)?`)},
	{reason: Hukou, re: regexp.MustCompile(`(?:本地|本市|本区|外地|外省|农村|城镇)(?:人|籍)?\s*(?:优先|勿扰|免谈|不要|除外|不收|不招)`)},
	{reason: Hukou, re: regexp.MustCompile(`不(?:要|招|收)\s*(?:外地|外省|农村)(?:人)?`)},
	{reason: Hukou, re: regexp.MustCompile(`(?i)\b(?:local\s+hukou|hukou|locals?\s+only|local\s+residents\s+only|no\s+outsiders|no\s+migrants)\b`)},

	{reason: Marriage, re: regexp.MustCompile(`(?:已婚已育|已婚未育|未婚未育|已婚|未婚|已育|未育|婚育|离异|怀孕|孕妇|孕期|哺乳期|单身)`)},
	{reason: Marriage, re: regexp.MustCompile(`(?i)\b(?:married|unmarried|single\s+only|must\s+be\s+single|not\s+pregnant|no\s+pregnant(?:\s+women)?|pregnant\s+women)\b`)},

	{reason: Hepatitis, re: regexp.MustCompile(`(?i)(?:乙肝|乙型肝炎|两对半|大三阳|小三阳|肝炎携带|\bHBV\b|\bhepatitis\s*B\b)`)},

	{reason: Age, re: regexp.MustCompile(`(` + digits + `)\s*(?:周)?岁?\s*(?:[-~～至到—–]|－)\s*(` + digits + `)\s*(?:周)?岁`), keep: ageRange},
	{reason: Age, re: regexp.MustCompile(`(?:年龄)?\s*(?:限)?(` + digits + `)\s*(?:周)?岁?\s*(以下|以内|之内|内|以上勿扰|以上免谈|以上不要|以上)`), keep: ageBound},
	{reason: Age, re: regexp.MustCompile(`年轻`)},
	{reason: Age, re: regexp.MustCompile(`(?i)\b(?:under|below|younger\s+than|aged?\s+under)\s+(` + digits + `)\b`), keep: ageUpper1},
	{reason: Age, re: regexp.MustCompile(`(?i)\baged?\s+(` + digits + `)\s*(?:-|to)\s*(` + digits + `)\b`), keep: ageRange},
	{reason: Age, re: regexp.MustCompile(`(?i)\byoung\b`)},

	{reason: Fee, re: regexp.MustCompile(`(?:押金|保证金|报名费|培训费|服装费|工服费|工装费|体检费|介绍费|中介费|手续费|建档费|资料费|管理费|入职费|押工资|押\s*[一二三两半]\s*个?月工资)`), keep: notDenied},
	{reason: Fee, re: regexp.MustCompile(`(?i)\b(?:deposit|(?:registration|training|uniform|agency|placement|admin(?:istration)?|medical\s+check)\s+fee)s?\b`), keep: notDenied},

	{reason: IDCard, re: regexp.MustCompile(`(?:押|扣押|扣留|扣|收取|收|留|保管|代管|上交|抵押)\s*(?:身份证|证件)(?:原件)?`), keep: notCopy},
	{reason: IDCard, re: regexp.MustCompile(`(?:身份证|证件)(?:原件)?\s*(?:押|扣押|扣留|上交|交给?公司|由.{0,6}保管|代管|抵押|作抵押)`)},
	{reason: IDCard, re: regexp.MustCompile(`(?i)\b(?:hold(?:s|ing)?|keep(?:s|ing)?|surrender|retain(?:s|ing)?)\s+(?:your\s+|the\s+|workers'?\s+)?(?:id|identity)\s*(?:cards?|documents?)?\b|\bid\s+cards?\s+(?:as\s+)?deposit\b`)},

	{reason: Promise, re: regexp.MustCompile(`(?:高薪保录|保录取|保录|包过|包录取|包录用|保证录用|包分配|包就业|包上岗|稳赚不赔|月入过万|日入过千|轻松月入|躺赚)`)},
	{reason: Promise, re: regexp.MustCompile(`(?i)\b(?:guaranteed\s+(?:job|hire|hiring|pass|placement|employment)|100%\s+(?:pass|hired|placement)|easy\s+money)\b`)},
}

// allowed are phrases that say there is no limit; they are blanked before checking.
var allowed = regexp.MustCompile(`(?i)(?:男女不限|不限男女|男女均可|男女皆可|男女都可|性别不限|不限性别|同性别护理|同性别|同性护工|同性|民族不限|不限民族|户籍不限|不限户籍|户口不限|不限户口|婚否不限|婚育不限|年龄不限|不限年龄|单身公寓|单身宿舍|any\s+gender|gender\s+no\s+limit|all\s+ages)`)

// Check returns every span of text that a posting may not contain, in text order and
// without overlaps (the earlier, then the longer, span wins).
func Check(text string) []Flag {
	if strings.TrimSpace(text) == "" {
		return nil
	}
	masked := []byte(text)
	for _, loc := range allowed.FindAllStringIndex(text, -1) {
		for i := loc[0]; i < loc[1]; i++ {
			masked[i] = 0 // NUL keeps byte offsets and matches no rule
		}
	}
	m := string(masked)
	var out []Flag
	for _, r := range rules {
		for _, loc := range r.re.FindAllStringSubmatchIndex(m, -1) {
			if r.keep != nil && !r.keep(m, loc) {
				continue
			}
			s, e := trimSpace(text, loc[0], loc[1])
			if s >= e {
				continue
			}
			out = append(out, Flag{Start: s, End: e, Text: text[s:e], Reason: r.reason})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Start != out[j].Start {
			return out[i].Start < out[j].Start
		}
		return out[i].End > out[j].End
	})
	var kept []Flag
	for _, f := range out {
		if n := len(kept); n > 0 && f.Start < kept[n-1].End {
			continue
		}
		kept = append(kept, f)
	}
	return kept
}

// Reasons of flags, each once, in the order of Reasons.
func ReasonsOf(flags []Flag) []Reason {
	seen := map[Reason]bool{}
	for _, f := range flags {
		seen[f.Reason] = true
	}
	var out []Reason
	for _, r := range Reasons {
		if seen[r] {
			out = append(out, r)
		}
	}
	return out
}

// Codes joins the reasons of flags for storing with a job ("gender,fee").
func Codes(flags []Flag) string {
	var s []string
	for _, r := range ReasonsOf(flags) {
		s = append(s, string(r))
	}
	return strings.Join(s, ",")
}

func trimSpace(text string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:])
		if r != ' ' && r != '\t' && r != '　' {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[:e])
		if r != ' ' && r != '\t' && r != '　' {
			break
		}
		e -= n
	}
	return s, e
}

func number(text string, loc []int, group int) (int, bool) {
	if len(loc) <= 2*group+1 || loc[2*group] < 0 {
		return 0, false
	}
	var b strings.Builder
	for _, r := range text[loc[2*group]:loc[2*group+1]] {
		if r >= '０' && r <= '９' {
			r = r - '０' + '0'
		}
		b.WriteRune(r)
	}
	n, err := strconv.Atoi(b.String())
	return n, err == nil
}

// lawful age bounds: the law's floor is 16 (18 for some heavy work); a cap from 60 up is the
// retirement age of heavy labour.
const (
	lawfulMinAge = 18
	lawfulCapAge = 60
)

func ageRange(text string, loc []int) bool {
	lo, ok1 := number(text, loc, 1)
	hi, ok2 := number(text, loc, 2)
	return ok1 && ok2 && (lo > lawfulMinAge || hi < lawfulCapAge)
}

func ageBound(text string, loc []int) bool {
	n, ok := number(text, loc, 1)
	if !ok || n < 10 {
		return false
	}
	kind := text[loc[4]:loc[5]]
	if kind == "以上" {
		return n > lawfulMinAge // 18岁以上 is the law's own floor
	}
	if strings.HasPrefix(kind, "以上") {
		return true // 40岁以上勿扰 shuts out the older
	}
	return n < lawfulCapAge
}

func ageUpper1(text string, loc []int) bool {
	n, ok := number(text, loc, 1)
	return ok && n >= 10 && n < lawfulCapAge
}

var denials = []string{"不收取任何", "不收任何", "不收取", "不收", "无需交", "无需缴", "无需", "不需交", "不需要", "不需", "不用交", "不用", "不交", "免收", "免交", "免", "无任何", "无", "没有", "no ", "No ", "NO ", "free of ", "without "}

// notDenied keeps a fee word unless the words just before it deny it (不收押金, no deposit).
func notDenied(text string, loc []int) bool {
	before := text[:loc[0]]
	// look back up to 8 runes, across 任何/一切 and a verb such as 交/缴/收取
	start := len(before)
	for i := 0; i < 8 && start > 0; i++ {
		_, n := utf8.DecodeLastRuneInString(before[:start])
		start -= n
	}
	window := strings.ReplaceAll(before[start:], "\x00", "")
	for _, d := range denials {
		if i := strings.LastIndex(window, d); i >= 0 {
			rest := strings.TrimSpace(window[i+len(d):])
			rest = strings.TrimLeft(rest, "任何一切交缴收取费用、，,和及 ")
			if rest == "" || len([]rune(rest)) <= 3 {
				return false
			}
		}
	}
	return true
}

// notCopy keeps an ID-card match unless it is about a photocopy (收身份证复印件).
func notCopy(text string, loc []int) bool {
	return !strings.HasPrefix(text[loc[1]:], "复印件")
}
