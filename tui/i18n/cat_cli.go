package i18n

// Mistakes on the command line of gigdesk's subcommands, printed in the chosen language.
func init() {
	add(map[string][2]string{
		"err.cli.command":  {"没有这个命令：%q（gigdesk help 列出全部命令）", "Unknown command %q (gigdesk help lists them)"},
		"err.cli.argument": {"多余的参数：%q", "Unexpected argument %q"},
		"err.cli.need":     {"缺少 %s", "%s is required"},
		"err.cli.limit":    {"--limit 不能小于 0", "--limit must be 0 or more"},
		"err.cli.format":   {"不认识的 --format %q（可用 text 或 json）", "Unknown --format %q (use text or json)"},
		"err.cli.one_file": {"import workers 需要且只需要一个 CSV 文件", "import workers needs exactly one FILE.csv"},
	})
}
