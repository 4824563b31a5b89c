package i18n

// The Jobs screen (employers and jobs) and the community picker.
func init() {
	add(map[string][2]string{
		"place.placeholder": {"输入社区名或拼音首字母，↓ 列出", "type a name or pinyin initials, ↓ lists"},
		"place.no_match":    {"没有这个社区，请换个写法", "no community matches; try another spelling"},
		"place.more":        {"还有 %d 个", "%d more"},
		"place.unresolved":  {"请从列表中选择社区（↓ 打开列表，Enter 选定）。", "Choose a community from the list (↓ opens it, Enter chooses)."},
	})
}
