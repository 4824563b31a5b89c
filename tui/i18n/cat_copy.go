package i18n

// gigdesk copy: a whole station from one database into an empty one, SQLite or PostgreSQL.
// The refusals are store errors (err.copy.*); the database they name follows the sentence.
func init() {
	add(map[string][2]string{
		"copy.table": {"  %-20s %9d 行", "  %-20s %9d rows"},
		"copy.done":  {"已把驿站从 %s 复制到 %s：%d 张表，共 %d 行，编号和操作记录与原库相同。", "Copied the station from %s to %s: %d tables, %d rows, with the same ids and the whole audit log."},
		"copy.usage": {"用法：gigdesk copy --from 源数据库 --to 目标数据库（文件路径或 postgres://…），目标必须是空库", "usage: gigdesk copy --from SOURCE --to DESTINATION (a file's path or postgres://…); the destination must be empty"},

		"err.demo.not_empty":      {"这个数据库里已经有工人、雇主或岗位，演示数据没有写入：演示数据只写进空库，请换一个新文件或空的数据库。", "This database already holds workers, employers or jobs; no demo data was written. Demo data goes into an empty database only: name a new file or an empty database."},
		"err.copy.not_empty":      {"目标数据库里已有驿站的记录，没有复制，也没有改动它：请换一个空库。", "The destination already holds a station's records; nothing was copied or changed there. Use an empty database."},
		"err.copy.no_source":      {"找不到源数据库，没有复制。", "The source database does not exist; nothing was copied."},
		"err.copy.no_destination": {"目标数据库在服务器上还不存在：请先建好（createdb），再复制。", "The destination database does not exist on its server; create it first (createdb), then copy."},
		"err.copy.not_station":    {"源数据库不是 gigdesk 驿站的数据库，没有复制。", "The source is not a gigdesk station's database; nothing was copied."},
		"err.copy.schema_differs": {"两边数据库的结构版本不同：请先用这个版本的 gigdesk 打开源数据库一次（会自动升级），再复制。没有复制。", "The two databases' schema versions differ: open the source once with this gigdesk (it upgrades it), then copy. Nothing was copied."},
		"err.copy.same":           {"源和目标是同一个数据库，没有复制。", "The source and the destination are the same database; nothing was copied."},
		"err.copy.interrupted":    {"复制被中断，目标数据库保持原样（空库）：再运行一次同样的命令即可。", "The copy was interrupted and the destination left as it was (empty): run the same command again."},
	})
}
