package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// openPostgres connects to the PostgreSQL database target names (postgres://user@host:port/db)
// through pgx's database/sql adapter; every statement passes through pgQuery on its way.
func (s *Store) openPostgres(target string) error {
	cfg, err := pgx.ParseConfig(target)
	if err != nil {
		return &Error{Code: Invalid, Key: "db.url", Detail: redactURL(target), Err: err}
	}
	// The simple protocol sends each statement with its values as literals: statements written
	// for SQLite's loose typing (`? IS NULL`, `? = ''`) then type as PostgreSQL reads literals, and
	// a migration's many statements run as one.
	cfg.DefaultQueryExecMode = pgx.QueryExecModeSimpleProtocol
	s.pg = true
	s.path = redactURL(target)
	s.where = cfg.Host + "/" + cfg.Database
	s.local = LocalPath(target, s.dir)
	s.db = sql.OpenDB(pgConnector{stdlib.GetConnector(*cfg)})
	// database/sql keeps 2 idle connections by default: eight counters served from one process
	// then open and close a connection for nearly every read, and a burst of them overflowed the
	// server's listen queue ("resource temporarily unavailable"). Keep enough for the desks, and
	// a ceiling well under the server's max_connections (100 by default), which many PCs share.
	s.db.SetMaxIdleConns(pgIdleConns)
	s.db.SetMaxOpenConns(pgOpenConns)
	return nil
}

// The connections one process keeps open on PostgreSQL, and its most at once.
const (
	pgIdleConns = 12
	pgOpenConns = 40
)

// LocalPath is where this PC's files for target live: target itself for a SQLite file; for a
// PostgreSQL URL a folder of its own in dir (the temp folder when dir is ""), host_port_dbname,
// and in it gigdesk.db, that is never a database, beside which the log, exports, slips and the
// serve host key go: two databases used from one PC never mix their files.
func LocalPath(target, dir string) string {
	if !IsPostgresURL(target) {
		return target
	}
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "gigdesk")
	}
	name := "postgres"
	if cfg, err := pgx.ParseConfig(target); err == nil {
		name = fmt.Sprintf("%s_%d_%s", cfg.Host, cfg.Port, cfg.Database)
	}
	name = strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' || r == ':' || r < ' ' {
			return '_'
		}
		return r
	}, strings.Trim(name, "/"))
	return filepath.Join(dir, name, "gigdesk.db")
}

// serverOf names target's server and database as people say it: host:port/dbname.
func serverOf(target string) string {
	cfg, err := pgx.ParseConfig(target)
	if err != nil {
		return redactURL(target)
	}
	return fmt.Sprintf("%s:%d/%s", cfg.Host, cfg.Port, cfg.Database)
}

// redactURL is target without its password, for screens and logs.
func redactURL(target string) string {
	u, err := url.Parse(target)
	if err != nil {
		return "postgres://?"
	}
	return u.Redacted()
}

// pgConnector hands database/sql connections whose statements are rewritten for PostgreSQL.
type pgConnector struct{ inner driver.Connector }

func (c pgConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.inner.Connect(ctx)
	if err != nil {
		return nil, err
	}
	return &pgConn{Conn: conn.(*stdlib.Conn)}, nil
}

func (c pgConnector) Driver() driver.Driver { return c.inner.Driver() }

// pgConn is a pgx connection that takes the store's statements as written: `?` placeholders,
// and booleans as the 0 and 1 both schemas store them as.
type pgConn struct{ *stdlib.Conn }

func (c *pgConn) Prepare(query string) (driver.Stmt, error) { return c.Conn.Prepare(pgQuery(query)) }

func (c *pgConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	return c.Conn.PrepareContext(ctx, pgQuery(query))
}

func (c *pgConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	st := pgRewrite(query)
	return c.Conn.ExecContext(ctx, st.query, st.used(args))
}

func (c *pgConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	st := pgRewrite(query)
	return c.Conn.QueryContext(ctx, st.query, st.used(args))
}

// used keeps the values the statement names, numbered as rebind numbered them: SQLite ignores
// values no placeholder names (statements sharing ?1, ?2, ?3, each using some), pgx refuses them.
func (st pgStatement) used(args []driver.NamedValue) []driver.NamedValue {
	dense := len(st.pick) == len(args)
	for i, k := range st.pick {
		dense = dense && k == i+1
	}
	if dense {
		return args
	}
	out := make([]driver.NamedValue, 0, len(st.pick))
	for i, k := range st.pick {
		if k > len(args) {
			return args // too few values: let pgx say so
		}
		v := args[k-1]
		v.Ordinal = i + 1
		out = append(out, v)
	}
	return out
}

// CheckNamedValue stores a Go bool as 0 or 1: flags are integer columns on both engines.
func (c *pgConn) CheckNamedValue(v *driver.NamedValue) error {
	if b, ok := v.Value.(bool); ok {
		v.Value = int64(0)
		if b {
			v.Value = int64(1)
		}
	}
	return nil
}

// pgIdentitiesSQL lists the identity columns of the database's tables: rows of (table, column).
const pgIdentitiesSQL = `SELECT table_name, column_name FROM information_schema.columns
	WHERE table_schema = current_schema() AND is_identity = 'YES' ORDER BY table_name`
