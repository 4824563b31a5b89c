package main

import (
	"gigdesk/store"
	"strings"
	"testing"
)

// check finds pool rows that disagree with the records, rebuilds them, and says so once.
func TestCheckRebuildsWorkerPool(t *testing.T) {
	t.Setenv("GIGDESK_LANG", "")
	path := stationDB(t, "demo.db")
	if out, err := gd(t, "demo", "--db", path, "--workers", "60", "--employers", "10", "--days", "20"); err != nil {
		t.Fatalf("demo: %v %s", err, out)
	}
	db, err := store.OpenSQL(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`UPDATE worker_pool SET facts = facts || ',99:1' WHERE worker_id IN (SELECT worker_id FROM worker_pool ORDER BY worker_id LIMIT 2)`); err != nil {
		t.Fatal(err)
	}
	out, err := gd(t, "check", "--db", path)
	if err != nil || !strings.Contains(out, "不一致（2 人），已按记录重建") || !strings.Contains(out, "检查通过") {
		t.Fatalf("check of spoilt records: %v %s", err, out)
	}
	out, err = gd(t, "check", "--db", path)
	if err != nil || strings.Contains(out, "重建") || !strings.Contains(out, "检查通过") {
		t.Fatalf("check after the rebuild: %v %s", err, out)
	}
}
