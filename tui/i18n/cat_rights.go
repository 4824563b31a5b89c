package i18n

// Rights and rules: guide pay, lawful postings, the rights-case ledger, training and insurance.
func init() {
	add(map[string][2]string{
		// guide pay in the Jobs form
		"guide.f.reason":      {"低薪理由", "Low-pay reason"},
		"guide.f.reason.hint": {"为什么低于指导价或最低工资", "why under the guide or the minimum wage"},
		"guide.f.reason.why":  {"低于指导价或最低工资，须说明理由（随需求保存）", "under the guide or minimum wage: give a reason (kept with the job)"},
		"guide.below":         {"低于指导价 %s", "under the guide pay %s"},
		"guide.at":            {"指导价 %s", "guide pay %s"},

		// lawful postings
		"posting.f.override":       {"发布理由", "Override reason"},
		"posting.f.override.hint":  {"为什么仍按原文发布", "why publish the words as they are"},
		"posting.f.override.why":   {"要求含不宜用语：改写，或说明理由（随需求保存）", "flagged words: rewrite them, or give a reason (kept with the job)"},
		"posting.flagged":          {"不宜用语：%s", "may not be posted: %s"},
		"posting.flag":             {"「%s」%s", "“%s” %s"},
		"posting.sep":              {"；", "; "},
		"posting.reason.gender":    {"限制性别", "limits gender"},
		"posting.reason.ethnicity": {"限制民族", "limits ethnicity"},
		"posting.reason.hukou":     {"限制户籍", "limits household registration"},
		"posting.reason.marriage":  {"限制婚育", "limits marriage or pregnancy"},
		"posting.reason.hepatitis": {"乙肝歧视", "hepatitis B discrimination"},
		"posting.reason.age":       {"超出必要的年龄限制", "age limit beyond what the work needs"},
		"posting.reason.fee":       {"向零工收费或押金", "fees or deposits from workers"},
		"posting.reason.id_card":   {"扣押证件", "holding ID cards"},
		"posting.reason.promise":   {"虚假承诺", "false promise"},

		// the expiry sweep at start-up
		"rights.expire_failed": {"过期需求未能关闭：%s", "Expired jobs could not be closed: %s"},

		// the employer's open unpaid-wage cases
		"rights.jobs.flag": {"⚠ 欠薪投诉未结 %d 件", "⚠ %d unpaid-wage complaints open"},

		// the rights-case ledger
		"rights.title":              {"权益维护台账", "Rights cases"},
		"rights.followup":           {"待跟进（最久的在前）", "To follow up (oldest first)"},
		"rights.empty":              {"没有待跟进的维权案件。", "No rights cases to follow up."},
		"rights.kind.unpaid":        {"欠薪", "unpaid wages"},
		"rights.kind.injury":        {"工伤", "injury at work"},
		"rights.kind.terms":         {"约定纠纷", "dispute over terms"},
		"rights.kind.fake_posting":  {"虚假招聘", "fake posting"},
		"rights.kind.other":         {"其他", "other"},
		"rights.status.open":        {"待处理", "open"},
		"rights.status.in_progress": {"处理中", "in progress"},
		"rights.status.resolved":    {"已解决", "resolved"},
		"rights.status.referred":    {"已转介", "referred"},
		"rights.refer.inspection":   {"劳动监察", "labour inspection"},
		"rights.refer.mediation":    {"调解", "mediation"},
		"rights.by.worker":          {"零工", "worker"},
		"rights.by.employer":        {"雇主", "employer"},
		"rights.age":                {"%d 天", "%d d"},
		"rights.open.title":         {"登记维权案件", "Open a rights case"},
		"rights.open.kind":          {"类型（1-5）：%s", "Kind (1-5): %s"},
		"rights.open.by":            {"投诉方（w 零工 / e 雇主）：%s", "Opened by (w worker / e employer): %s"},
		"rights.open.summary":       {"经过", "What happened"},
		"rights.open.amount":        {"欠薪金额（元）", "Wages owed (yuan)"},
		"rights.open.dispatch":      {"派工 #%d %s → %s", "dispatch #%d %s → %s"},
		"rights.open.worker":        {"零工 #%d %s", "worker #%d %s"},
		"rights.key.case":           {"登记维权", "rights case"},
		"rights.mark":               {"维权中", "case open"},
		"rights.open.hint":          {"Tab 切换  ←→ 选类型  Ctrl+S 保存  Esc 取消", "Tab next  ←→ kind  Ctrl+S save  Esc cancel"},
		"rights.opened":             {"已登记维权案件 #%d", "Rights case #%d opened"},
		"rights.updated":            {"案件 #%d 已更新", "Case #%d updated"},
		"rights.step.hint":          {"p 处理中  r 已解决  i 转劳动监察  m 转调解  o 重开  n 记一笔  Esc 返回", "p in progress  r resolved  i to inspection  m to mediation  o reopen  n note  Esc back"},
		"rights.note":               {"记录", "Note"},
		"rights.notes":              {"经过与记录", "Notes"},
		"rights.case.line":          {"#%d %s · %s · %s · %s", "#%d %s · %s · %s · %s"},
		"rights.list.hint":          {"Enter 查看  ↑↓ 选择  Esc 返回", "Enter open  ↑↓ choose  Esc back"},

		// training
		"training.wishes":   {"培训意愿", "Training wishes"},
		"training.offers":   {"培训信息", "Training offers"},
		"training.none":     {"还没有培训信息。", "No training offers yet."},
		"training.match":    {"可推荐：%s", "to refer: %s"},
		"training.referred": {"已推荐 %s 参加 %s", "%s referred to %s"},
		"training.free":     {"免费", "free"},

		// insurance on a dispatch
		"ins.title":       {"意外保险（零工保）", "Accident insurance"},
		"ins.yes":         {"已投保", "insured"},
		"ins.no":          {"未投保", "not insured"},
		"ins.insurer":     {"保险公司", "Provider"},
		"ins.policy":      {"保单号", "Policy no."},
		"ins.hint":        {"空格 切换是否投保  Tab 下一项  Ctrl+S 保存  Esc 取消", "Space insured or not  Tab next  Ctrl+S save  Esc cancel"},
		"ins.saved":       {"派工 #%d 的保险已记录", "Insurance of dispatch #%d recorded"},
		"ins.ask.insurer": {"保险公司（可空，Enter 跳过）：", "Insurer (optional, Enter skips):"},
		"ins.ask.policy":  {"保单号（可空，Enter 跳过）：", "Policy no. (optional, Enter skips):"},

		// figures (summary and reports)
		"rights.fig.title": {"权益与规范", "Rights and rules"},

		// the same figures as lines of the summary and the reports (report.fig.<json key>)
		"report.fig.rights_cases_opened":   {"维权案件登记", "Rights cases opened"},
		"report.fig.rights_cases_resolved": {"维权案件解决", "Rights cases resolved"},
		"report.fig.training_referrals":    {"培训推荐", "Training referrals"},
		"report.fig.insured_dispatches":    {"投保派工", "Insured dispatches"},
		"report.fig.below_guide_jobs":      {"低于指导价需求", "Jobs below guide pay"},

		// errors
		"err.guide.reason_needed":      {"报酬低于本站指导价，请填写低薪理由，或提高报酬。", "Pay is under the station's guide: give a reason or raise the pay."},
		"err.guide.min_reason_needed":  {"报酬低于最低小时工资，请填写低薪理由，或提高报酬。", "Pay is under the minimum hourly wage: give a reason or raise the pay."},
		"err.posting.override_needed":  {"要求中含不宜发布的用语，请改写，或填写发布理由。", "The requirements hold words a posting may not contain: rewrite them or give a reason."},
		"err.rights.kind":              {"请选择案件类型。", "Choose the kind of case."},
		"err.rights.opened_by":         {"请选择投诉方：零工或雇主。", "Choose who complains: worker or employer."},
		"err.rights.summary_needed":    {"请简要写下经过。", "Write a few words of what happened."},
		"err.rights.amount":            {"金额不对。", "That amount is not right."},
		"err.rights.party_needed":      {"案件须关联零工或雇主。", "A case names a worker or an employer."},
		"err.rights.note_needed":       {"解决或转介须写明记录。", "Resolving or referring needs a note."},
		"err.rights.status":            {"没有这个状态。", "No such state."},
		"err.rights.refer_to":          {"请选择转介到劳动监察或调解。", "Refer to labour inspection or mediation."},
		"err.rights.resolved":          {"案件已解决；如需继续，请先重开（o）。", "The case is resolved; reopen it (o) first."},
		"err.rights.same_status":       {"案件已是这个状态。", "The case is already in that state."},
		"err.rights_case.not_found":    {"找不到这个案件。", "No such case."},
		"err.training.topic_needed":    {"请写下想学的培训，如“电工证”。", "Name the training, e.g. electrician's certificate."},
		"err.training.wish_duplicate":  {"已登记过这个培训意愿。", "That wish is already recorded."},
		"err.training.title_needed":    {"培训信息须有名称。", "An offer needs a title."},
		"err.training.fee":             {"费用不对。", "That fee is not right."},
		"err.training.offer_closed":    {"这个培训已停止报名。", "That offer is closed."},
		"err.training.referred_before": {"已推荐过这个培训。", "Already referred to that offer."},
		"err.training_offer.not_found": {"找不到这个培训信息。", "No such offer."},
		"err.training_wish.not_found":  {"找不到这个培训意愿。", "No such wish."},
		"err.ins.not_insured":          {"填写保险公司或保单号时须选“已投保”。", "A provider or policy number needs insurance on."},
		"err.guide_pay.not_found":      {"找不到这个指导价。", "No such guide pay."},
	})
}
