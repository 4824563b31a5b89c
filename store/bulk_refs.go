package store

import (
	"fmt"
	"slices"
)

// A fresh SQLite load runs with foreign keys off (bulk_pragmas.go) and checks its references
// itself, in memory: every id a row points at must be a row the database held before the load
// or one the load wrote. Which columns point where is read from the schema
// (pragma_foreign_key_list), so a new foreign key is checked without touching this file.

// ref is one foreign key of a loaded table: the value in column col must be an id of parent.
type ref struct {
	col    int
	column string
	parent string
}

// refCheck holds the ids of every parent table and the references not yet seen to hold.
type refCheck struct {
	ids     map[string]map[int64]struct{}
	pending []pendingRef
}

// pendingRef is a reference to an id its parent has not (yet) been given: rows may come in
// any order within a load, so it is looked up again at the end.
type pendingRef struct {
	table, column, parent string
	id                    int64
}

// checkRefsInMemory makes the loader check its references itself, and reads the ids its
// parent tables already hold (a fresh database holds few: staff, trades, places).
func (l *Loader) checkRefsInMemory() error {
	rc := &refCheck{ids: map[string]map[int64]struct{}{}}
	for _, b := range l.all {
		rows, err := l.tx.QueryContext(l.ctx, `SELECT "table", "from" FROM pragma_foreign_key_list(?)`, b.table)
		if err != nil {
			return err
		}
		for rows.Next() {
			var r ref
			if err := rows.Scan(&r.parent, &r.column); err != nil {
				rows.Close()
				return err
			}
			if r.col = slices.Index(b.columns, r.column); r.col >= 0 { // a column the load leaves to its default
				b.refs = append(b.refs, r)
				rc.ids[r.parent] = nil
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	for parent := range rc.ids {
		if err := rc.readIDs(l, parent); err != nil {
			return err
		}
	}
	for _, b := range l.all {
		if ids, ok := rc.ids[b.table]; ok && len(b.columns) > 0 && b.columns[0] == "id" {
			b.keep = ids
		}
	}
	l.refs = rc
	return nil
}

func (rc *refCheck) readIDs(l *Loader, parent string) error {
	ids := map[int64]struct{}{}
	rows, err := l.tx.QueryContext(l.ctx, `SELECT id FROM "`+parent+`"`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
		ids[id] = struct{}{}
	}
	rc.ids[parent] = ids
	return rows.Err()
}

// see notes a row's id (if its table is a parent) and checks its references.
func (b *batcher) see(args []any) error {
	if b.keep != nil {
		if id, ok := args[0].(int64); ok {
			b.keep[id] = struct{}{}
		}
	}
	rc := b.l.refs
	for _, r := range b.refs {
		var id int64
		switch v := args[r.col].(type) {
		case nil: // no reference
			continue
		case int64:
			id = v
		case int:
			id = int64(v)
		default:
			return fmt.Errorf("bulk %s: %s holds a %T, not an id", b.table, r.column, v)
		}
		if _, ok := rc.ids[r.parent][id]; !ok {
			rc.pending = append(rc.pending, pendingRef{b.table, r.column, r.parent, id})
		}
	}
	return nil
}

// verify refuses the load if a reference still points at no row once everything is written.
func (rc *refCheck) verify() error {
	if rc == nil {
		return nil
	}
	for _, p := range rc.pending {
		if _, ok := rc.ids[p.parent][p.id]; !ok {
			return fmt.Errorf("bulk %s: %s %d is no row of %s: FOREIGN KEY constraint failed", p.table, p.column, p.id, p.parent)
		}
	}
	return nil
}
