package i18n

// Validation problems from store/valid (err.<problem key>).
func init() {
	add(map[string][2]string{
		"err.phone.empty":     {"请输入手机号码。", "Please enter a phone number."},
		"err.phone.chars":     {"手机号码只能包含数字。", "A phone number may contain only digits."},
		"err.phone.length":    {"手机号码应为11位数字。", "A mobile number has 11 digits."},
		"err.phone.prefix":    {"仅支持大陆手机号码（以13–19开头）。", "Only mainland mobile numbers (starting 13–19) are accepted."},
		"err.idno.empty":      {"请输入身份证号码。", "Please enter an ID number."},
		"err.idno.chars":      {"身份证号码应为17位数字加一位数字或X。", "An ID number is 17 digits followed by a digit or X."},
		"err.idno.length":     {"身份证号码应为18位。", "An ID number has 18 characters."},
		"err.idno.region":     {"身份证号码前两位不是有效的地区代码。", "The first digits are not a valid region code."},
		"err.idno.birthdate":  {"身份证号码中的出生日期无效。", "The birth date in the ID number is not a real date."},
		"err.idno.future":     {"身份证号码中的出生日期晚于今天。", "The birth date in the ID number is in the future."},
		"err.idno.too_old":    {"身份证号码中的出生日期早于1900年。", "The birth date in the ID number is before 1900."},
		"err.idno.checksum":   {"身份证号码校验位不符，请检查是否输错。", "The ID number's check digit is wrong; please check for a typo."},
		"err.name.empty":      {"请输入姓名。", "Please enter a name."},
		"err.name.long":       {"姓名最多30个字。", "A name may be at most 30 characters."},
		"err.name.control":    {"姓名中含有控制字符。", "The name contains control characters."},
		"err.name.digit":      {"姓名中不能含有数字。", "A name may not contain digits."},
		"err.name.symbol":     {"姓名中不能含有表情、标点或符号。", "A name may not contain emoji, punctuation or symbols."},
		"err.name.chars":      {"姓名请用汉字或拉丁字母填写。", "Please write the name in Chinese characters or Latin letters."},
		"err.name.punct":      {"“·”“'”“-”只能用在两个字之间。", "·, ' and - may only stand between two letters."},
		"err.birthyear.range": {"年龄须在16至80岁之间。", "The worker's age must be between 16 and 80."},
		"err.pay.zero":        {"报酬不能为零。", "Pay cannot be zero."},
		"err.pay.negative":    {"报酬不能为负数。", "Pay cannot be negative."},
		"err.pay.too_high":    {"单个用工报酬不能超过10万元。", "Pay for one job may be at most 100,000 yuan."},
		"err.headcount.range": {"招工人数须在1至500人之间。", "Head-count must be between 1 and 500."},
		"err.text.long":       {"内容过长。", "The text is too long."},
		"err.money.empty":     {"请输入金额。", "Please enter an amount."},
		"err.money.format":    {"请输入金额（元），如180或180.50。", "Please enter an amount in yuan, e.g. 180 or 180.50."},
		"err.money.negative":  {"金额不能为负数。", "The amount cannot be negative."},
		"err.money.decimals":  {"金额最多保留两位小数（到分）。", "At most two decimal places (1 fen)."},
		"err.money.too_big":   {"金额过大。", "The amount is too large."},
	})
}
