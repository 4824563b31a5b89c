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

	// the Summary's kept days: a report keeps them, a spoilt one is dropped and said once
	if out, err := gd(t, "report", "--db", path, "--format", "json"); err != nil {
		t.Fatalf("report: %v %s", err, out)
	}
	var kept int
	if err := db.QueryRow(`SELECT count(*) FROM day_figures`).Scan(&kept); err != nil || kept == 0 {
		t.Fatalf("%d days kept after a report (%v)", kept, err)
	}
	if _, err := db.Exec(`UPDATE day_figures SET totals = replace(totals, '"done":', '"done":7') WHERE a = (SELECT max(a) FROM day_figures)`); err != nil {
		t.Fatal(err)
	}
	out, err = gd(t, "check", "--db", path)
	if err != nil || !strings.Contains(out, "1 天合计与记录不一致") || !strings.Contains(out, "检查通过") {
		t.Fatalf("check of a spoilt day: %v %s", err, out)
	}
	out, err = gd(t, "check", "--db", path)
	if err != nil || strings.Contains(out, "天合计") || !strings.Contains(out, "检查通过") {
		t.Fatalf("check after the day was dropped: %v %s", err, out)
	}
}
