package i18n

// A station on a PostgreSQL server: what staff read when the server is lost mid-session.
func init() {
	add(map[string][2]string{
		// short enough for the footer at 80 columns in Chinese: what happened first, then what to do
		"err.db.unreachable_save": {"连不上数据库，没有保存；内容还在，连上后按 %s。",
			"Database unreachable: not saved; your input is kept, %s to retry."},
		"err.db.pg_no_database": {"数据库服务器上没有 --db 里写的这个库：请检查库名，或请管理员先建好它（createdb 库名）。",
			"The server has no database of the name --db gives: check the name, or have it made first (createdb NAME)."},
		"err.db.pg_auth": {"数据库服务器不接受这个用户名或密码：请检查 --db 里的用户名和密码。",
			"The database server refused this user or password: check the user and password in --db."},
		"board.live_back": {"数据库已重新连上，看板恢复自动刷新。", "The database is back; the board refreshes by itself again."},
	})
}
