package i18n

// Erase must erase (issue #16): what an erase and a restore say about the ledger, the backups
// and the files written earlier; the PIN a command asks for; strict import.
func init() {
	add(map[string][2]string{
		"privacy.erase.backups":     {"已从 %d 个备份中清除此人。", "Removed the person from %d backup(s)."},
		"privacy.erase.backup_bad":  {"这个备份没能清除，请删除它或再试：%s", "This backup could not be cleaned; delete it or try again: %s"},
		"privacy.erase.wal_busy":    {"另一个程序（柜台或看板）正在读取数据库，日志要等它关闭后才清空。", "Another program (a counter or the board) is reading the database: its log empties once that program closes."},
		"privacy.erase.exports":     {"%d 个 gigdesk 曾写出的文件可能仍有此人的信息，gigdesk 无法删除它们，请找到并删除：", "%d file(s) gigdesk wrote earlier may still hold this person; gigdesk cannot reach them, find and delete them:"},
		"privacy.erase.no_exports":  {"审计记录中没有写出过含此人信息的文件。", "The audit log records no file written that could hold this person."},
		"privacy.erase.file":        {"  %s  %s", "  %s  %s"},
		"privacy.erase.to_screen":   {"（%s：输出到屏幕或管道，没有文件名）", "(%s: went to the screen or a pipe, no file name)"},
		"privacy.erase.slip":        {"派工单 #%d（slips 文件夹）", "dispatch slip #%d (the slips folder)"},
		"privacy.erase.what.export": {"个人信息导出", "personal data export"},
		"privacy.erase.what.full":   {"完整导出 %s", "full export of %s"},
		"privacy.erase.what.file":   {"导出 %s", "export of %s"},
		"privacy.erase.what.report": {"报表", "report"},
		"backup.reapplied":          {"恢复的备份比删除台账旧：已重新删除 %d 人的个人信息（%s）。", "The backup is older than the erase ledger: erased %d person(s) again (%s)."},
		"err.import.nul":            {"这一行含有空字符（NUL），文件可能已损坏或被改过。", "This row holds a NUL character: the file is damaged or was tampered with."},
		"err.import.mixed":          {"这个文件混用了 UTF-8 和 GBK 两种编码，无法可靠读取。", "This file mixes the UTF-8 and GBK encodings and cannot be read reliably."},
		"import.mixed_lines":        {"第 %d 行是 UTF-8，第 %d 行是 GBK：请在 Excel 里把整张表另存为“CSV UTF-8”后再导入。", "Line %d is UTF-8, line %d is GBK: save the whole sheet from Excel as \"CSV UTF-8\" and import that."},
		"demo.done":                 {"演示数据：%s，用时 %.1f 秒（%s%s）", "demo: %s in %.1fs (%s%s)"},
		"demo.counts":               {"工人 %d、雇主 %d、岗位 %d、派工 %d、电话 %d、签到 %d、服务记录 %d", "%d workers, %d employers, %d jobs, %d dispatches, %d calls, %d sign-ins, %d visits"},
		"demo.pin":                  {"，工作人员密码 %s", ", staff PIN %s"},
		"err.cli.pin_needed":        {"这个命令需要 --by 所写工作人员的密码：请在终端里运行，或加 --pin-stdin 从标准输入给出密码。", "This command needs the PIN of the staff member named by --by: run it in a terminal, or add --pin-stdin and give the PIN on standard input."},
		"err.cli.pin_stdin":         {"--pin-stdin：标准输入里没有密码。", "--pin-stdin: standard input holds no PIN."},
		"backup.head_placeholder":   {"站长姓名", "HEAD-NAME"},
		"admin.priv.erase_files":    {"另有 %d 个 gigdesk 写出的文件可能仍有此人信息，gigdesk 无法删除（最近一个：%s %s；操作记录里有全部）。", "%d file(s) gigdesk wrote may still hold this person and are out of its reach (latest: %s %s; the audit log lists them all)."},
		"audit.act.export_file":     {"导出到文件", "exported to a file"},
		"audit.act.report_file":     {"报表写出到文件", "report written to a file"},
		"audit.act.restore":         {"从备份恢复", "restored from a backup"},
		"audit.sub.reapplied":       {"恢复后重新删除", "again after a restore"},
		"audit.ent.report":          {"报表", "report"},
		"audit.ent.database":        {"数据库", "database"},
		"audit.ref.file":            {"文件 %s", "file %s"},
		"audit.ref.reapplied":       {"重新删除 %s 人", "%s erased again"},
		"audit.ref.by":              {"由 %s", "by %s"},
		"err.privacy.ledger":        {"无法写入删除台账。", "The erase ledger cannot be written."},
	})
}
