package pinyinkey

// surnames gives the surname readings of characters go-pinyin reads otherwise
// (or reads with the surname reading late); they go before the library's readings.
var surnames = map[rune][]string{
	'单': {"shan"},
	'曾': {"zeng"},
	'解': {"xie"},
	'仇': {"qiu"},
	'朴': {"piao"},
	'查': {"zha"},
	'区': {"ou"},
	'乐': {"yue", "le"},
	'盖': {"ge", "gai"},
	'缪': {"miao"},
	'翟': {"zhai"},
	'覃': {"qin"},
	'重': {"chong"},
	'秘': {"bi"},
	'种': {"chong"},
	'能': {"nai"},
	'员': {"yun"},
	'黑': {"he"},
	'召': {"shao"},
	'长': {"chang"},
	'句': {"gou"},
	'阚': {"kan"},
	'隗': {"wei", "kui"},
	'繁': {"po"},
	'折': {"she"},
	'洗': {"xian"},
	'薄': {"bo"},
	'祭': {"zhai"},
	'都': {"du"},
	'藏': {"zang"},
	'粘': {"nian"},
}

// compoundSurnames are two-character surnames with their readings.
var compoundSurnames = map[string][2]string{
	"尉迟": {"yu", "chi"},
	"万俟": {"mo", "qi"},
	"长孙": {"zhang", "sun"},
	"单于": {"chan", "yu"},
	"澹台": {"tan", "tai"},
	"令狐": {"ling", "hu"},
	"乐正": {"yue", "zheng"},
	"皇甫": {"huang", "fu"},
	"欧阳": {"ou", "yang"},
	"上官": {"shang", "guan"},
	"司马": {"si", "ma"},
	"诸葛": {"zhu", "ge"},
	"夏侯": {"xia", "hou"},
	"亓官": {"qi", "guan"},
	"濮阳": {"pu", "yang"},
	"钟离": {"zhong", "li"},
	"闾丘": {"lv", "qiu"},
	"仲孙": {"zhong", "sun"},
	"拓跋": {"tuo", "ba"},
	"呼延": {"hu", "yan"},
	"赫连": {"he", "lian"},
	"鲜于": {"xian", "yu"},
	"宇文": {"yu", "wen"},
	"慕容": {"mu", "rong"},
	"公孙": {"gong", "sun"},
	"东方": {"dong", "fang"},
	"南宫": {"nan", "gong"},
	"西门": {"xi", "men"},
	"端木": {"duan", "mu"},
	"轩辕": {"xuan", "yuan"},
	"申屠": {"shen", "tu"},
	"司徒": {"si", "tu"},
	"夹谷": {"jia", "gu"},
	"谷梁": {"gu", "liang"},
	"段干": {"duan", "gan"},
	"百里": {"bai", "li"},
	"第五": {"di", "wu"},
}

// phrases fixes place names go-pinyin reads wrongly by their first reading.
var phrases = map[string][]string{
	"重庆":  {"chong", "qing"},
	"九龙坡": {"jiu", "long", "po"},
	"黄桷":  {"huang", "jue"},
	"长寿":  {"chang", "shou"},
	"长江":  {"chang", "jiang"},
	"长生":  {"chang", "sheng"},
	"长安":  {"chang", "an"},
	"长沙":  {"chang", "sha"},
	"长春":  {"chang", "chun"},
	"成都":  {"cheng", "du"},
	"丰都":  {"feng", "du"},
	"首都":  {"shou", "du"},
	"都江堰": {"du", "jiang", "yan"},
	"厦门":  {"xia", "men"},
	"六安":  {"lu", "an"},
	"蚌埠":  {"beng", "bu"},
	"番禺":  {"pan", "yu"},
	"乐山":  {"le", "shan"},
	"银行":  {"yin", "hang"},
	"大厦":  {"da", "sha"},
}

// maxPhraseRunes is the length of the longest key in phrases.
const maxPhraseRunes = 3

// phraseAt returns the readings of the longest phrase starting rs, and its length.
func phraseAt(rs []rune) ([]string, int) {
	for n := min(maxPhraseRunes, len(rs)); n >= 2; n-- {
		if p, ok := phrases[string(rs[:n])]; ok {
			return p, n
		}
	}
	return nil, 0
}
