package i18n

// Close the day (issue #16): dispatches whose work ended but that nobody closed, on the
// Summary screen and in the reports.
func init() {
	add(map[string][2]string{
		"report.fig.still_open":        {"仍未关闭的派工", "Dispatches still open"},
		"report.section.still_open":    {"工作已结束、仍未关闭的派工：%d 个（最早的在前）", "Work ended, dispatch not closed: %d (oldest first)"},
		"report.sheet.still_open":      {"未关闭派工", "Still open"},
		"report.col.dispatch":          {"派工号", "Dispatch"},
		"report.col.ends":              {"结束时间", "Ends"},
		"report.col.state":             {"状态", "State"},
		"report.still_open.dispatched": {"已派工，未签到", "dispatched, never checked in"},
		"report.still_open.checked_in": {"已签到，未完工", "checked in, never done"},
		"report.still_open.ago":        {"已结束 %s", "ended %s ago"},
		"report.still_open.days":       {"%d 天", "%d days"},
		"report.still_open.hours":      {"%d 小时", "%d h"},
		"report.still_open.minutes":    {"%d 分钟", "%d min"},
		"sum.key.close":                {"关闭未结束的派工", "close still-open dispatches"},
		"sum.close.hint":               {"↑↓ 选择 · Enter 完工 · n 爽约 · x 取消（驿站）· Esc 返回", "↑↓ choose · Enter done · n no-show · x cancel (station) · Esc back"},
		"sum.close.start":              {"按 c 逐个关闭这些派工", "press c to close them one by one"},
		"sum.close.reason":             {"日终关闭：工作已结束，未登记结果", "closed at the day's end: work ended, outcome never recorded"},
		"sum.closed.done":              {"派工 #%d 已标为完工。", "Dispatch #%d marked done."},
		"sum.closed.no_show":           {"派工 #%d 已标为爽约。", "Dispatch #%d marked no-show."},
		"sum.closed.cancelled":         {"派工 #%d 已取消（驿站）。", "Dispatch #%d cancelled (station)."},
		"sum.close.none":               {"没有仍未关闭的派工。", "No dispatch is still open."},
	})
}
