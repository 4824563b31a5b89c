package i18n

// Job fairs (招聘活动): the events, the door sign-in, the booths, and their report.
func init() {
	add(map[string][2]string{
		// campaigns
		"fair.campaign.spring":  {"春风行动", "Spring Breeze campaign"},
		"fair.campaign.private": {"民营企业招聘月", "Private-firm hiring month"},
		"fair.campaign.aid":     {"就业援助月", "Employment aid month"},
		"fair.campaign.other":   {"其他", "Other"},

		// store errors
		"err.event.name":              {"请填写活动名称。", "Give the event a name."},
		"err.event.campaign":          {"活动类别不对。", "That campaign is not one of the list."},
		"err.event.not_found":         {"没有找到这场活动。", "That event was not found."},
		"err.event.firm_already":      {"这家企业已经在本场活动里了。", "This firm is already taking part in this event."},
		"err.event.attendee_already":  {"这位求职者已经入场签到了。", "This person has already signed in at this event."},
		"err.event.other_event":       {"岗位和求职者不属于同一场活动。", "The position and the attendee belong to different events."},
		"err.event.intention_already": {"这个意向已经登记过了。", "This intention is already recorded."},
		"err.event.outcome":           {"结果只能是录用或未录用。", "The outcome is hired or not hired."},
		"err.event.load":              {"活动数据不完整。", "The event's records are incomplete."},
		"err.position.title":          {"请填写岗位名称。", "Give the position a title."},
		"err.position.firm":           {"请先选择企业。", "Choose the firm first."},
		"err.position.pay_range":      {"最高薪酬不能低于最低薪酬。", "The top of the pay range is under its bottom."},
		"err.position.term":           {"岗位类型只能是长期或零工。", "A position is long-term or a gig."},
		"unit.per.month":              {"/月", "/month"},
		"unit.month":                  {"按月", "per month"},

		// the Summary screen
		"sum.fair.four":  {"参会企业 %d 家 · 岗位 %d 个 · 进场 %d 人 · 达成意向 %d 人", "%d firms · %d positions · %d job seekers · %d agreed"},
		"sum.fair.parts": {"新登记 %d · 重点群体 %d · 意向 %d 条 · 录用 %d · 未录用 %d", "new %d · priority %d · intentions %d · hired %d · not hired %d"},
		"sum.fair.firms": {"按企业（%d 家，岗位多的在前）", "By firm (%d, most places first)"},
		"sum.fair.more":  {"还有 %d 项，见导出", "%d more in the export"},
		"sum.fair.area":  {"岗位 %4s  意向 %3d  录用 %3d", "places %4s  intents %3d  hired %3d"},

		// the report
		"report.fig.fair_firms":      {"招聘会参会企业", "Fair: firms taking part"},
		"report.fig.fair_positions":  {"招聘会提供岗位", "Fair: positions offered"},
		"report.fig.fair_attendees":  {"招聘会进场求职", "Fair: job seekers in"},
		"report.fig.fair_newcomers":  {"其中新登记", "of them newly registered"},
		"report.fig.fair_intentions": {"招聘会达成意向", "Fair: intentions agreed"},
		"report.fig.fair_hired":      {"其中已录用", "of them hired"},
		"report.fair.title":          {"%s  %s  %s", "%s  %s  %s"},
		"report.fair.priority":       {"其中重点群体", "of them in a priority group"},
		"report.fair.group.total":    {"合计", "Total"},
		"report.fair.group.trade":    {"按工种", "By trade"},
		"report.fair.group.firm":     {"按企业", "By firm"},
		"report.fair.group.priority": {"重点群体", "Priority group"},
		"report.fair.col.group":      {"分组", "Group"},
		"report.fair.col.name":       {"项目", "Item"},
		"report.fair.col.count":      {"数量", "Count"},
		"report.fair.col.places":     {"岗位数", "Places"},
		"report.fair.col.intentions": {"意向", "Intentions"},
		"report.fair.col.hired":      {"录用", "Hired"},
		"report.sheet.fair":          {"招聘会%s", "Fair %s"},
		"report.section.fairs":       {"招聘会", "Job fairs"},
		"report.note.fairs":          {"招聘会四项：参会企业按场次计；提供岗位为各岗位招聘人数之和；进场求职按场次每人计一次；达成意向为至少达成一个意向的人数。", "Fairs: firms counted once per fair; positions are the sum of every position's head-count; job seekers once per person per fair; intentions are the people who agreed at least one."},
	})
}
