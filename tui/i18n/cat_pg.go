package i18n

// A station on a PostgreSQL server: what staff read when the server is lost mid-session.
func init() {
	add(map[string][2]string{
		// short enough for the footer at 80 columns in Chinese: what happened first, then what to do
		"err.db.unreachable_save": {"连不上数据库，没有保存；内容还在，连上后按 %s。",
			"Database unreachable: not saved; your input is kept, %s to retry."},
		"board.live_back": {"数据库已重新连上，看板恢复自动刷新。", "The database is back; the board refreshes by itself again."},
	})
}
