package i18n

// What each screen will hold, shown until its work lands.
func init() {
	add(map[string][2]string{
		"pending.register": {"这里将用于登记来访零工：填写资料、按姓名拼音或手机尾号查找、每日签到。", "Here staff will register walk-in workers, find them by name, pinyin or phone tail, and sign them in for the day."},
		"pending.jobs":     {"这里将用于接听电话、登记雇主和用工需求，并查看今天、以后和过去的需求。", "Here staff will take employers' calls, enter jobs, and see today's, upcoming and past jobs."},
		"pending.board":    {"这里将实时显示所有未满员的用工需求，可筛选、搜索，并直接转到匹配。", "Here the live board will show every open job, with filters and search, and open a job for matching."},
		"pending.match":    {"这里将为需求列出排好序的候选人，并说明理由；记录电话结果、派工和一键派工方案。", "Here a job's ranked candidates will be listed with their reasons, with call outcomes, dispatch and the one-key day plan."},
		"pending.summary":  {"这里将显示当天的日报：登记、派工、完工、工资和重点群体等数字，可导出给区人社局。", "Here the end-of-day summary will show the day's figures — registrations, dispatches, completions, wages, priority groups — and export them for the district bureau."},
	})
}
