package i18n

// The operations log: what check prints about it, and Admin's Errors section.
func init() {
	add(map[string][2]string{
		"log.unreadable":       {"日志 %s 读不出来：%s", "The log %s cannot be read: %s"},
		"log.no_errors":        {"日志 %s 里没有内部错误。", "The log %s holds no internal errors."},
		"log.recent_errors":    {"日志 %[2]s 里最近的 %[1]d 个内部错误（错误码、时间、操作、原因）：", "The last %[1]d internal errors in the log %[2]s (code, time, operation, cause):"},
		"admin.tab.errors":     {"错误记录", "Errors"},
		"admin.errors.loading": {"正在读取日志…", "Reading the log…"},
		"admin.errors.none":    {"日志里没有内部错误。", "The log holds no internal errors."},
		"admin.errors.intro":   {"最近的内部错误，最新的在上面：在这里找职员报来的错误码。", "Latest internal errors, newest first: find the code a clerk reads out."},
		"admin.errors.code":    {"错误码", "Code"},
		"admin.errors.time":    {"时间", "Time"},
		"admin.errors.op":      {"操作", "Operation"},
		"admin.errors.cause":   {"原因", "Cause"},
	})
}
