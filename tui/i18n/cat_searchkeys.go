package i18n

// Words for the one-off rebuild of the workers' search keys after an upgrade, as the audit log shows it.
func init() {
	add(map[string][2]string{
		"audit.act.rebuild":     {"重建", "rebuilt"},
		"audit.ent.search_keys": {"零工搜索索引", "worker search keys"},
		"audit.ent.worker_pool": {"匹配用零工汇总", "workers' match figures"},
	})
}
