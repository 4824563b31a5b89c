package store

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Each engine has its own folder of migrations with the same numbers and names: the same
// schema, written in each engine's DDL (a test compares the two).
//
//go:embed migrations/sqlite/*.sql migrations/postgres/*.sql
var migrationFiles embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

func migrations(engine Engine) ([]migration, error) {
	dir := "migrations/" + string(engine)
	entries, err := fs.ReadDir(migrationFiles, dir)
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s: name must start with a number", e.Name())
		}
		body, err := migrationFiles.ReadFile(dir + "/" + e.Name())
		if err != nil {
			return nil, err
		}
		out = append(out, migration{version: v, name: e.Name(), sql: string(body)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	return out, nil
}

// SchemaVersion is the newest migration this gigdesk knows (the same on both engines).
func SchemaVersion() int { return schemaVersion(SQLite) }

func schemaVersion(engine Engine) int {
	ms, _ := migrations(engine)
	if len(ms) == 0 {
		return 0
	}
	return ms[len(ms)-1].version
}

// migrate applies each missing migration in its own transaction, after checking the file
// was not written by a newer gigdesk.
func (s *Store) migrate(ctx context.Context) error {
	ms, err := migrations(s.Engine())
	if err != nil {
		return &Error{Code: Internal, Key: "db.migrate", Err: err}
	}
	if err := s.db.PingContext(ctx); err != nil {
		return dbError(err, s.path)
	}
	tables, err := s.tableNames(ctx)
	if err != nil {
		return err
	}
	have := 0
	for _, t := range tables {
		if t == "schema_migrations" {
			have = 1
		}
	}
	current := 0
	applied := map[int]bool{}
	if have == 1 {
		versions, err := queryAll(ctx, s, scanOne[int], `SELECT version FROM schema_migrations`)
		if err != nil {
			return err
		}
		for _, v := range versions {
			applied[v] = true
			current = max(current, v)
		}
	} else if len(tables) > 0 {
		return &Error{Code: Invalid, Key: "db.foreign", Detail: s.path}
	}
	if newest := ms[len(ms)-1].version; current > newest {
		return &Error{Code: Conflict, Key: "db.newer", Detail: fmt.Sprintf("%s has schema %d, this gigdesk knows %d", s.path, current, newest)}
	}
	// every missing version is applied, not only those above the newest: a file made by a
	// build that had 0008 but not yet 0007 still gets 0007
	for _, m := range ms {
		if applied[m.version] {
			continue
		}
		if err := s.apply(ctx, m, have == 0); err != nil {
			return err
		}
		have = 1
	}
	return nil
}

func (s *Store) apply(ctx context.Context, m migration, first bool) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return dbError(err, s.path)
	}
	defer tx.Rollback()
	if first {
		if _, err := tx.ExecContext(ctx, `CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`); err != nil {
			return dbError(err, s.path)
		}
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return &Error{Code: Internal, Key: "db.migrate", Detail: m.name, Err: err}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`, m.version, m.name, s.now().Unix()); err != nil {
		return dbError(err, s.path)
	}
	if err := tx.Commit(); err != nil {
		return dbError(err, s.path)
	}
	s.log.Info("migration applied", "version", m.version, "migration", m.name, "db", filepath.Base(s.path))
	return nil
}
