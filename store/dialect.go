package store

import (
	"database/sql"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// The dialect seam: every statement in store/ is written once, in SQL both engines run. What
// differs between SQLite and PostgreSQL is named here (and in dialect_pg.go), nowhere else:
//   - placeholders: statements use `?`; a PostgreSQL connection rewrites them to $1, $2, … (pgQuery);
//   - index hints: SQLite's INDEXED BY pins a plan; PostgreSQL's planner has no hints, so they go;
//   - ids: every INSERT that needs its id says RETURNING id (Tx.insert), on both engines;
//   - errors: each engine's codes become the store's own (dbError1, pgError);
//   - the catalogue (which tables exist), the live-change signal and backups.

// Engine names the database engine a store runs on.
type Engine string

const (
	SQLite   Engine = "sqlite"
	Postgres Engine = "postgres"
)

// IsPostgresURL reports whether target names a PostgreSQL database rather than a SQLite file.
func IsPostgresURL(target string) bool {
	return strings.HasPrefix(target, "postgres://") || strings.HasPrefix(target, "postgresql://")
}

// Engine is the engine the store runs on.
func (s *Store) Engine() Engine {
	if s.pg {
		return Postgres
	}
	return SQLite
}

// tablesSQL lists the database's own tables by name (not the engine's catalogue).
func (s *Store) tablesSQL() string {
	if s.pg {
		return `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`
	}
	return `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`
}

// referencesSQL lists, for one table (the argument), the tables and columns its foreign keys
// point from: rows of (referenced table, referencing column).
func (s *Store) referencesSQL() string {
	if s.pg {
		return `SELECT ccu.table_name, kcu.column_name
			FROM information_schema.table_constraints tc
			JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
			JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema
			WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = current_schema() AND tc.table_name = ?`
	}
	return `SELECT "table", "from" FROM pragma_foreign_key_list(?)`
}

// columnsSQL lists the columns of one table (the argument) in their order, with whether each is
// part of the primary key: rows of (column, position in the key, 0 when not in it).
func (s *Store) columnsSQL() string {
	if s.pg {
		return `SELECT c.column_name, coalesce((SELECT k.ordinal_position FROM information_schema.table_constraints tc
				JOIN information_schema.key_column_usage k ON k.constraint_name = tc.constraint_name AND k.table_schema = tc.table_schema
				WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = c.table_schema AND tc.table_name = c.table_name
				AND k.column_name = c.column_name), 0)
			FROM information_schema.columns c
			WHERE c.table_schema = current_schema() AND c.table_name = ? ORDER BY c.ordinal_position`
	}
	return `SELECT name, pk FROM pragma_table_info(?) ORDER BY cid`
}

// pgQueries caches each statement's PostgreSQL form: the same few hundred texts run again and again.
var pgQueries sync.Map

// pgStatement is a statement as PostgreSQL takes it, and the highest $n it names.
type pgStatement struct {
	query string
	pick  []int // the values it names, 1-based, in the order of $1, $2, …
}

// pgQuery is a statement as PostgreSQL takes it: `?` outside quotes and comments becomes $n, and
// SQLite's INDEXED BY hints are dropped.
func pgQuery(query string) string { return pgRewrite(query).query }

func pgRewrite(query string) pgStatement {
	if q, ok := pgQueries.Load(query); ok {
		return q.(pgStatement)
	}
	var st pgStatement
	st.query, st.pick = rebind(dropIndexHints(query))
	pgQueries.Store(query, st)
	return st
}

// rebind numbers the `?` placeholders of query as $1, $2, … (SQLite's ?3 names the third value),
// skipping quoted text and comments. pick lists, 1-based, the values the statement names in the
// order of their new numbers: PostgreSQL refuses a value no placeholder names, where SQLite
// lets statements that share one list of values use only some of it.
func rebind(query string) (string, []int) {
	if !strings.Contains(query, "?") {
		return query, nil
	}
	var parts []string // text between placeholders
	var nums []int     // the value each placeholder names, 1-based
	start, n := 0, 0
	for i := 0; i < len(query); i++ {
		switch c := query[i]; {
		case c == '\'' || c == '"':
			j := strings.IndexByte(query[i+1:], c)
			if j < 0 {
				i = len(query)
			} else {
				i += j + 1
			}
		case c == '-' && i+1 < len(query) && query[i+1] == '-':
			j := strings.IndexByte(query[i:], '\n')
			if j < 0 {
				j = len(query) - i
			}
			i += j - 1
		case c == '?':
			j := i + 1
			for j < len(query) && query[j] >= '0' && query[j] <= '9' {
				j++
			}
			if j > i+1 {
				k, _ := strconv.Atoi(query[i+1 : j])
				nums = append(nums, k)
			} else {
				n++
				nums = append(nums, n)
			}
			parts = append(parts, query[start:i])
			start, i = j, j-1
		}
	}
	parts = append(parts, query[start:])
	pick := slices.Sorted(maps.Keys(func() map[int]bool {
		m := map[int]bool{}
		for _, k := range nums {
			m[k] = true
		}
		return m
	}()))
	renum := make(map[int]int, len(pick))
	for i, k := range pick {
		renum[k] = i + 1
	}
	var b strings.Builder
	b.Grow(len(query) + 2*len(nums))
	for i, k := range nums {
		b.WriteString(parts[i])
		b.WriteByte('$')
		b.WriteString(strconv.Itoa(renum[k]))
	}
	b.WriteString(parts[len(nums)])
	return b.String(), pick
}

// dropIndexHints removes every "INDEXED BY name" from query.
func dropIndexHints(query string) string {
	for {
		i := strings.Index(query, " INDEXED BY ")
		if i < 0 {
			return query
		}
		j := i + len(" INDEXED BY ")
		for j < len(query) && (query[j] == '_' || query[j] >= 'a' && query[j] <= 'z' || query[j] >= '0' && query[j] <= '9') {
			j++
		}
		query = query[:i] + query[j:]
	}
}

// OpenSQL opens target for statements run on its tables directly, outside the store (tests and
// tools that inspect or spoil a database on purpose): a SQLite file with the store's settings,
// or a PostgreSQL database whose statements are rewritten as the store's are.
func OpenSQL(target string) (*sql.DB, error) {
	if !IsPostgresURL(target) {
		return sql.Open("sqlite", dsn(target))
	}
	var s Store
	if err := s.openPostgres(target); err != nil {
		return nil, err
	}
	return s.db, nil
}
