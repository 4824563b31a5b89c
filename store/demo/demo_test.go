package demo_test

import (
	"context"
	"database/sql"
	"gigdesk/store/testdb"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"gigdesk/store"
	"gigdesk/store/demo"
	"gigdesk/store/demo/district"
	"gigdesk/store/valid"
)

// clock is a Wednesday afternoon at the station.
var clock = time.Date(2025, 6, 18, 15, 30, 0, 0, store.Shanghai)

func open(t testing.TB, name string) *store.Store {
	t.Helper()
	s, err := store.Open(testdb.New(t, name), store.WithClock(func() time.Time { return clock }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func small(seed uint64) demo.Options {
	o := demo.Defaults()
	o.Seed = seed
	return o
}

func load(t testing.TB, name string, o demo.Options) (*store.Store, demo.Counts) {
	t.Helper()
	s := open(t, name)
	c, err := demo.Generate(context.Background(), s, o)
	if err != nil {
		t.Fatal(err)
	}
	return s, c
}

// tableCounts is the number of rows in every table of s; a failed count fails the test.
func tableCounts(t *testing.T, s *store.Store) map[string]int64 {
	t.Helper()
	n, err := s.TableCounts(context.Background())
	if err != nil {
		t.Fatalf("table counts: %v", err)
	}
	return n
}

func dumpAll(t *testing.T, s *store.Store) map[string][]string {
	t.Helper()
	ctx := context.Background()
	tables, err := s.Tables(ctx)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, tb := range tables {
		rows, err := s.DumpTable(ctx, tb)
		if err != nil {
			t.Fatal(err)
		}
		for i := range rows {
			// a PIN hash is salted at random by design: compare that there is one, not its bytes
			rows[i] = bcryptHash.ReplaceAllString(rows[i], "<bcrypt>")
		}
		out[tb] = rows
	}
	return out
}

var bcryptHash = regexp.MustCompile(`\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}`)

func TestSameSeedSameRecords(t *testing.T) {
	a, ca := load(t, "a.db", small(7))
	b, cb := load(t, "b.db", small(7))
	if ca != cb {
		t.Fatalf("counts differ: %+v vs %+v", ca, cb)
	}
	na, nb := tableCounts(t, a), tableCounts(t, b)
	for _, tb := range []string{"workers", "worker_trades", "worker_keys", "employers", "jobs", "dispatches", "call_attempts", "sign_ins", "service_visits", "staff", "settings", "audit"} {
		if na[tb] == 0 {
			t.Errorf("table %s is empty", tb)
		}
		if na[tb] != nb[tb] {
			t.Errorf("table %s: %d vs %d rows", tb, na[tb], nb[tb])
		}
	}
	da, db := dumpAll(t, a), dumpAll(t, b)
	for tb, rows := range da {
		if !slices.Equal(rows, db[tb]) {
			for i := range min(len(rows), len(db[tb])) {
				if rows[i] != db[tb][i] {
					t.Errorf("table %s row %d:\n%s\n%s", tb, i, rows[i], db[tb][i])
					break
				}
			}
			t.Errorf("table %s differs between two runs with one seed", tb)
		}
	}
	t.Logf("%v", ca)

	c, _ := load(t, "c.db", small(8))
	dc := dumpAll(t, c)
	for _, tb := range []string{"workers", "employers", "jobs", "dispatches"} {
		if slices.Equal(da[tb], dc[tb]) {
			t.Errorf("table %s is the same with another seed", tb)
		}
	}
}

func TestNotTwice(t *testing.T) {
	ctx := context.Background()
	s, _ := load(t, "a.db", small(1))
	if _, err := demo.Generate(ctx, s, small(1)); store.ErrorCode(err) != store.Conflict {
		t.Fatalf("second load: %v, want a conflict", err)
	}
	before := tableCounts(t, s)
	c, err := demo.Fill(ctx, s, small(2))
	if err != nil || c != (demo.Counts{}) {
		t.Fatalf("Fill on a filled database: %+v, %v", c, err)
	}
	after := tableCounts(t, s)
	if before["workers"] != after["workers"] || before["dispatches"] != after["dispatches"] {
		t.Fatal("Fill changed a filled database")
	}
}

func TestFillKeepsStaffAndSettings(t *testing.T) {
	ctx := context.Background()
	s := open(t, "a.db")
	head, err := s.Setup(ctx, "杨家坪零工驿站", "王大明")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Fill(ctx, s, small(3)); err != nil {
		t.Fatal(err)
	}
	staff, err := s.ListStaff(ctx)
	if err != nil {
		t.Fatalf("staff after Fill: %v", err)
	}
	if len(staff) != 1 || staff[0].ID != head.ID {
		t.Fatalf("staff after Fill: %+v", staff)
	}
	st, err := s.Settings(ctx)
	if err != nil {
		t.Fatalf("settings after Fill: %v", err)
	}
	if st.StationName != "杨家坪零工驿站" {
		t.Fatalf("station renamed to %q", st.StationName)
	}
}

// sqlDB opens the same file for read-only checks.
func sqlDB(t *testing.T, s *store.Store) *sql.DB {
	t.Helper()
	db, err := store.OpenSQL(s.Target())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func count(t *testing.T, db *sql.DB, q string, args ...any) int {
	t.Helper()
	var n int
	if err := db.QueryRow(q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

func TestInvariants(t *testing.T) {
	s, c := load(t, "a.db", small(1))
	checkInvariants(t, s, clock)
	if c.Dispatches < 200 || c.Jobs < 100 {
		t.Errorf("too little history: %v", c)
	}
}

// checkInvariants checks the records of a demo database built with its clock at clock.
func checkInvariants(t *testing.T, s *store.Store, clock time.Time) {
	db := sqlDB(t, s)
	now := clock.Unix()
	zero := map[string]string{
		"overlapping dispatches": `SELECT count(*) FROM dispatches a JOIN dispatches b ON a.worker_id = b.worker_id AND a.id < b.id
			AND a.status <> 'cancelled' AND b.status <> 'cancelled' AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at`,
		"filled is not the count of dispatches": `SELECT count(*) FROM jobs j WHERE filled <>
			(SELECT count(*) FROM dispatches d WHERE d.job_id = j.id AND d.status NOT IN ('cancelled', 'no_show'))`,
		"filled above head-count": `SELECT count(*) FROM jobs WHERE filled > headcount`,
		"status disagrees with filled": `SELECT count(*) FROM jobs WHERE NOT (
			(status = 'open' AND filled = 0) OR (status = 'partly' AND filled > 0 AND filled < headcount) OR
			(status = 'filled' AND filled = headcount) OR (status IN ('in_progress', 'done') AND filled > 0) OR
			(status IN ('cancelled', 'expired') AND filled = 0))`,
		"status disagrees with the clock": `SELECT count(*) FROM jobs WHERE NOT (
			(status IN ('partly', 'filled') AND starts_at > ?1) OR
			(status = 'open' AND starts_at + duration_minutes * 60 > ?1) OR
			(status = 'in_progress' AND starts_at <= ?1 AND starts_at + duration_minutes * 60 > ?1) OR
			(status IN ('done', 'expired') AND starts_at + duration_minutes * 60 <= ?1) OR status = 'cancelled')`,
		"job times": `SELECT count(*) FROM jobs WHERE created_at > ?1 OR updated_at > ?1 OR updated_at < created_at OR created_at > starts_at`,
		"call times": `SELECT count(*) FROM call_attempts c JOIN jobs j ON j.id = c.job_id
			WHERE c.at < j.created_at OR c.at > j.starts_at OR c.at > ?1`,
		"call before registration": `SELECT count(*) FROM call_attempts c JOIN workers w ON w.id = c.worker_id WHERE c.at < w.created_at`,
		"dispatch without an accepted call": `SELECT count(*) FROM dispatches d WHERE NOT EXISTS (SELECT 1 FROM call_attempts c
			WHERE c.job_id = d.job_id AND c.worker_id = d.worker_id AND c.outcome = 'accepted' AND c.at <= d.created_at)`,
		"dispatch times": `SELECT count(*) FROM dispatches d JOIN jobs j ON j.id = d.job_id WHERE d.created_at < j.created_at
			OR d.created_at > d.starts_at OR d.starts_at <> j.starts_at OR d.ends_at <> j.starts_at + j.duration_minutes * 60
			OR d.checked_in_at < d.starts_at OR d.done_at < d.checked_in_at OR d.paid_at < d.done_at
			OR d.dispute_resolved_at < d.paid_at OR d.updated_at > ?1 OR d.updated_at < d.created_at
			OR coalesce(d.checked_in_at, d.done_at, d.paid_at) > ?1`,
		"dispatch status and fields": `SELECT count(*) FROM dispatches WHERE NOT (
			(status = 'dispatched' AND checked_in_at IS NULL AND done_at IS NULL AND cancelled_by = '') OR
			(status = 'checked_in' AND checked_in_at IS NOT NULL AND done_at IS NULL) OR
			(status = 'done' AND done_at IS NOT NULL) OR
			(status = 'no_show' AND checked_in_at IS NULL) OR
			(status = 'cancelled' AND cancelled_by <> '' AND cancel_reason <> '' AND checked_in_at IS NULL))
			OR (paid_fen IS NULL) <> (paid_at IS NULL) OR (paid_at IS NOT NULL AND status <> 'done')`,
		"cancelled dispatch on a live job by the employer": `SELECT count(*) FROM dispatches d JOIN jobs j ON j.id = d.job_id
			WHERE d.cancelled_by = 'employer' AND j.status <> 'cancelled'`,
		"dispatch by a worker who had left": `SELECT count(*) FROM dispatches d JOIN workers w ON w.id = d.worker_id
			WHERE d.status <> 'cancelled' AND w.status <> 'active' AND d.ends_at > w.updated_at`,
		"sign-in times": `SELECT count(*) FROM sign_ins WHERE in_at > ?1 OR out_at < in_at OR out_at > ?1`,
		"visit times":   `SELECT count(*) FROM service_visits WHERE at > ?1`,
	}
	for name, q := range zero {
		if n := count(t, db, q, now); n != 0 {
			t.Errorf("%s: %d rows", name, n)
		}
	}
	// the load writes without enforcing foreign keys: every reference must hold all the same
	if rep, err := s.Check(context.Background()); err != nil || len(rep.Integrity) > 0 || len(rep.ForeignKeys) > 0 {
		t.Errorf("check after the load: %v, %+v", err, rep)
	}
	some := map[string]string{
		"done jobs":           `SELECT count(*) FROM jobs WHERE status = 'done'`,
		"cancelled jobs":      `SELECT count(*) FROM jobs WHERE status = 'cancelled' AND status_reason <> ''`,
		"expired jobs":        `SELECT count(*) FROM jobs WHERE status = 'expired'`,
		"open future jobs":    `SELECT count(*) FROM jobs WHERE status IN ('open', 'partly') AND starts_at > ?1`,
		"filled future jobs":  `SELECT count(*) FROM jobs WHERE status = 'filled'`,
		"no-shows":            `SELECT count(*) FROM dispatches WHERE status = 'no_show'`,
		"worker cancels":      `SELECT count(*) FROM dispatches WHERE cancelled_by = 'worker'`,
		"unpaid":              `SELECT count(*) FROM dispatches WHERE status = 'done' AND paid_fen IS NULL`,
		"disputes":            `SELECT count(*) FROM dispatches WHERE disputed = 1 AND dispute_note <> ''`,
		"declines":            `SELECT count(*) FROM call_attempts WHERE outcome = 'declined' AND reason <> ''`,
		"no answers":          `SELECT count(*) FROM call_attempts WHERE outcome = 'no_answer'`,
		"anonymous visits":    `SELECT count(*) FROM service_visits WHERE worker_id IS NULL`,
		"sign-outs":           `SELECT count(*) FROM sign_ins WHERE out_at IS NOT NULL`,
		"paused workers":      `SELECT count(*) FROM workers WHERE status <> 'active' AND status_reason <> ''`,
		"priority groups":     `SELECT count(*) FROM workers WHERE groups <> ''`,
		"heteronym surnames":  `SELECT count(*) FROM workers WHERE substr(name, 1, 1) IN ('曾', '单', '解', '仇')`,
		"landlines":           `SELECT count(*) FROM employers WHERE phone LIKE '0236%'`,
		"shops":               `SELECT count(*) FROM employers WHERE kind = 'shop'`,
		"firms":               `SELECT count(*) FROM employers WHERE kind = 'firm' AND name LIKE '重庆%有限公司'`,
		"hourly cleaning":     `SELECT count(*) FROM jobs WHERE trade_id = 9 AND pay_unit = 'hour' AND pay_fen BETWEEN 2500 AND 4000`,
		"demo audit":          `SELECT count(*) FROM audit WHERE action = 'demo' AND entity = 'station'`,
		"head of the station": `SELECT count(*) FROM staff WHERE role = 'head'`,
		// rights and rules (rights.go)
		"guide pay":       `SELECT count(*) FROM guide_pay`,
		"training offers": `SELECT count(*) FROM training_offers WHERE active = 1`,
		"training wishes": `SELECT count(*) FROM training_wishes`,
		"rights cases":    `SELECT count(*) FROM rights_cases WHERE dispatch_id IS NOT NULL`,
		"case notes":      `SELECT count(*) FROM rights_notes WHERE status IN ('in_progress', 'referred', 'resolved')`,
		"policy numbers":  `SELECT count(*) FROM dispatches WHERE insured = 1 AND policy_no <> '' AND insurer <> ''`,
		// today's job fair (fair.go)
		"fair firms":     `SELECT count(*) FROM event_firms`,
		"fair positions": `SELECT count(*) FROM event_positions WHERE pay_unit = 'month'`,
		"fair newcomers": `SELECT count(*) FROM event_attendees WHERE newcomer = 1`,
		"fair regulars":  `SELECT count(*) FROM event_attendees WHERE newcomer = 0`,
		"fair hired":     `SELECT count(*) FROM event_intentions WHERE outcome = 'hired'`,
	}
	for name, q := range some {
		if n := count(t, db, q, now); n == 0 {
			t.Errorf("no %s", name)
		}
	}
	// the bulk load leaves one summary row; the rights records and the fair (its new workers and
	// firms too) go through audited store methods
	if n := count(t, db, `SELECT count(*) FROM audit WHERE action <> 'pin:set' AND entity NOT IN
		('guide_pay', 'training_offer', 'training_wish', 'training_referral', 'rights_case', 'event', 'event_position')
		AND NOT (entity = 'dispatch' AND action = 'insurance') AND NOT (entity IN ('worker', 'employer') AND action = 'create')`); n != 1 {
		t.Errorf("%d audit rows, want one summary row", n)
	}
	// every demo staff member signs in with demo.PIN
	if n, staff := count(t, db, `SELECT count(*) FROM audit WHERE action = 'pin:set'`), count(t, db, `SELECT count(*) FROM staff WHERE pin_hash <> ''`); n != staff || staff != 3 {
		t.Errorf("%d PINs set for %d staff with a PIN, want 3", n, staff)
	}
	// 后街社区 is where the station stands: the most common home.
	var top int64
	if err := db.QueryRow(`SELECT community_id FROM workers GROUP BY community_id ORDER BY count(*) DESC, community_id LIMIT 1`).Scan(&top); err != nil || top != 100 {
		t.Errorf("most common community %d (%v), want 100", top, err)
	}

	rows, err := db.Query(`SELECT name, gender, birth_year, phone, coalesce(id_number, '') FROM workers`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var n, withID, priority int
	for rows.Next() {
		var name, gender, phone, idno string
		var year int
		if err := rows.Scan(&name, &gender, &year, &phone, &idno); err != nil {
			t.Fatal(err)
		}
		n++
		if v, p := valid.Name(name); p != nil || v != name || len([]rune(name)) < 2 || len([]rune(name)) > 3 {
			t.Errorf("name %q: %v", name, p)
		}
		if v, p := valid.Phone(phone); p != nil || v != phone {
			t.Errorf("phone %q: %v", phone, p)
		}
		if age := clock.Year() - year; age < 18 || age > 65 {
			t.Errorf("%s is %d", name, age)
		}
		if idno == "" {
			continue
		}
		withID++
		if _, p := valid.IDNumber(idno, clock); p != nil {
			t.Errorf("ID %s: %v", idno, p)
		}
		if birth, ok := valid.IDBirth(idno); !ok || birth.Year() != year {
			t.Errorf("ID %s does not match birth year %d", idno, year)
		}
		if male := (idno[16]-'0')%2 == 1; male != (gender == "M") {
			t.Errorf("ID %s does not match gender %s", idno, gender)
		}
		if !strings.HasPrefix(idno, "50") && !strings.HasPrefix(idno, "51") {
			t.Errorf("ID %s is not from Chongqing or Sichuan", idno)
		}
	}
	if share := float64(withID) / float64(n); share < 0.3 || share > 0.5 {
		t.Errorf("%.0f%% of workers have an ID number, want about 40%%", share*100)
	}
	priority = count(t, db, `SELECT count(*) FROM workers WHERE groups <> ''`)
	if share := float64(priority) / float64(n); share < 0.15 || share > 0.35 {
		t.Errorf("%.0f%% of workers are in a priority group, want about 25%%", share*100)
	}
	erows, err := db.Query(`SELECT kind, name, phone FROM employers`)
	if err != nil {
		t.Fatal(err)
	}
	defer erows.Close()
	for erows.Next() {
		var kind, name, phone string
		if err := erows.Scan(&kind, &name, &phone); err != nil {
			t.Fatal(err)
		}
		e := store.Employer{Kind: store.EmployerKind(kind), Name: name, Phone: phone}
		if err := e.Validate(); err != nil || e.Phone != phone {
			t.Errorf("employer %s %s: %v", name, phone, err)
		}
	}
}

// TestBig builds the district-sized station of the benchmarks (GIGDESK_BIG=1, see package
// district) and, with GIGDESK_BIG_CHECK=1, checks its invariants.
func TestBig(t *testing.T) {
	if !district.Enabled() {
		t.Skip("set GIGDESK_BIG=1 to build 100,000 workers and about a million dispatches")
	}
	o := district.Options
	start := time.Now()
	s, c := load(t, "big.db", o)
	t.Logf("%v in %v", c, time.Since(start).Round(time.Millisecond))
	if c.Dispatches < 900_000 {
		t.Errorf("only %d dispatches", c.Dispatches)
	}
	if os.Getenv("GIGDESK_BIG_CHECK") != "" {
		checkInvariants(t, s, district.Now) // the clock the district is built at, not this file's
	}
}
