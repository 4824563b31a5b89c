package i18n

// Mistakes on the command line of gigdesk's subcommands, printed in the chosen language.
func init() {
	add(map[string][2]string{
		"admin.tab.errors":     {"错误记录", "Errors"},
		"admin.errors.loading": {"正在读取日志…", "Reading the log…"},
		"admin.errors.none":    {"日志里没有内部错误。", "The log holds no internal errors."},
		"admin.errors.intro":   {"最近的内部错误，最新的在上面。职员报来的错误码在这里能找到。", "The latest internal errors, newest first. The code a clerk reads out is here."},
		"admin.errors.head":    {"错误码   时间            操作  原因", "Code     Time            Operation  Cause"},
		"log.unreadable":       {"日志 %s 读不出来：%s", "The log %s cannot be read: %s"},
		"log.no_errors":        {"日志 %s 里没有内部错误。", "The log %s holds no internal errors."},
		"log.recent_errors":    {"日志 %[2]s 里最近的 %[1]d 个内部错误（错误码、时间、操作、原因）：", "The last %[1]d internal errors in the log %[2]s (code, time, operation, cause):"},
		"err.cli.command":      {"没有这个命令：%q（gigdesk help 列出全部命令）", "Unknown command %q (gigdesk help lists them)"},
		"err.cli.argument":     {"多余的参数：%q", "Unexpected argument %q"},
		"err.cli.need":         {"缺少 %s", "%s is required"},
		"err.cli.limit":        {"--limit 不能小于 0", "--limit must be 0 or more"},
		"err.cli.format":       {"不认识的 --format %q（可用 text 或 json）", "Unknown --format %q (use text or json)"},
		"err.cli.one_file":     {"import workers 需要且只需要一个 CSV 文件", "import workers needs exactly one FILE.csv"},
	})
}
