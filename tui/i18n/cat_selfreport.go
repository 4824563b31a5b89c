package i18n

// The workers' self-service terminal in the day's and period's figures (tui/report/self.go).
func init() {
	add(map[string][2]string{
		"report.fig.self_sign_ins":   {"其中自助签到", "of them at the self-service terminal"},
		"report.fig.self_requests":   {"自助报名", "Self-service job requests"},
		"report.fig.self_dispatched": {"其中已派工", "of them dispatched"},
		"report.fig.self_withdrawn":  {"其中已撤回", "of them withdrawn"},
		"report.note.self": {"自助机：自助签到按签到日计，是签到的一部分；自助报名按报名时间计（撤回后再报名按最后一次）；其中已派工为报名的零工现在仍派在那个岗位（未取消）。删除某位零工的个人信息时，其报名一并删除。",
			"Self-service: terminal sign-ins count by their day and are part of the sign-ins; job requests by when they were made (asked again after withdrawing, by the last time); dispatched are those whose worker now holds a dispatch on that job, not cancelled. Erasing a worker's personal data removes their requests too."},
	})
}
