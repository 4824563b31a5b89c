package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"gigdesk/store/pinyinkey"
	"gigdesk/store/valid"
)

// PayUnit is how a pay figure is counted.
type PayUnit string

const (
	PerHour  PayUnit = "hour"
	PerDay   PayUnit = "day"
	PerPiece PayUnit = "piece"
	Fixed    PayUnit = "fixed"
)

// PayUnits lists the units in the order screens offer them.
var PayUnits = []PayUnit{PerDay, PerHour, PerPiece, Fixed}

func (u PayUnit) valid() bool {
	switch u {
	case PerHour, PerDay, PerPiece, Fixed:
		return true
	}
	return false
}

// Channel is how a record reached the station.
type Channel string

const (
	ByCounter Channel = "counter"
	ByPhone   Channel = "phone"
	Online    Channel = "online"
)

// WorkerStatus says whether a worker is taking work.
type WorkerStatus string

const (
	Active WorkerStatus = "active"
	Paused WorkerStatus = "paused"
	Left   WorkerStatus = "left"
)

// PriorityGroups are the 重点群体 codes, in the order screens list them.
var PriorityGroups = []string{"hard_to_employ", "low_income", "out_of_poverty", "disabled", "veteran", "age_4050", "migrant"}

// AllDay is the availability mask for every half-day of the week (Mon..Sun × morning, afternoon).
const AllDay = 1<<14 - 1

// WorkerTrade is one trade a worker does, with years of experience.
type WorkerTrade struct {
	TradeID int64
	Years   int
}

// Worker is a gig worker (零工) registered at the station.
type Worker struct {
	ID              int64
	Name            string
	Gender          string // "M", "F" or ""
	BirthYear       int
	Phone           string
	IDNumber        string
	CommunityID     int64
	ExpectedPayFen  int64
	ExpectedPayUnit PayUnit
	Availability    int // bit 2*d is day d's morning, 2*d+1 its afternoon; Monday is d=0
	Groups          []string
	Insured         bool
	Channel         Channel
	Consent         bool
	Status          WorkerStatus
	StatusReason    string
	Notes           string
	Trades          []WorkerTrade
	CreatedAt       time.Time
	UpdatedAt       time.Time
}

// Validate normalises what staff typed and checks every rule; now is for ages and ID dates.
func (w *Worker) Validate(now time.Time) error {
	var p *valid.Problem
	if w.Name, p = valid.Name(w.Name); p != nil {
		return fieldError(p)
	}
	if w.Gender != "" && w.Gender != "M" && w.Gender != "F" {
		return &Error{Code: Invalid, Key: "worker.gender", Field: "gender", Detail: "gender must be M, F or empty"}
	}
	if w.Phone, p = valid.Phone(w.Phone); p != nil {
		return fieldError(p)
	}
	if strings.TrimSpace(w.IDNumber) != "" {
		if w.IDNumber, p = valid.IDNumber(w.IDNumber, now); p != nil {
			return fieldError(p)
		}
		if birth, ok := valid.IDBirth(w.IDNumber); ok && w.BirthYear == 0 {
			w.BirthYear = birth.Year()
		}
	} else {
		w.IDNumber = ""
	}
	if w.BirthYear != 0 { // unknown is allowed: a walk-in gives a phone before an age
		if p = valid.BirthYear(w.BirthYear, now); p != nil {
			return fieldError(p)
		}
	}
	if w.ExpectedPayFen < 0 {
		return &Error{Code: Invalid, Key: "pay.negative", Field: "expected_pay", Detail: "expected pay below zero"}
	}
	if w.ExpectedPayFen > 0 {
		if p = valid.PayFen(w.ExpectedPayFen); p != nil {
			p.Field = "expected_pay"
			return fieldError(p)
		}
	}
	if w.ExpectedPayUnit == "" {
		w.ExpectedPayUnit = PerDay
	}
	if !w.ExpectedPayUnit.valid() {
		return &Error{Code: Invalid, Key: "pay.unit", Field: "expected_pay_unit", Detail: string(w.ExpectedPayUnit)}
	}
	if w.Availability == 0 {
		w.Availability = AllDay
	}
	if w.Availability < 0 || w.Availability > AllDay {
		return &Error{Code: Invalid, Key: "worker.availability", Field: "availability", Detail: "availability mask out of range"}
	}
	for _, g := range w.Groups {
		if !contains(PriorityGroups, g) {
			return &Error{Code: Invalid, Key: "worker.group", Field: "groups", Detail: g}
		}
	}
	if w.Channel == "" {
		w.Channel = ByCounter
	}
	if w.Channel != ByCounter && w.Channel != ByPhone && w.Channel != Online {
		return &Error{Code: Invalid, Key: "channel.invalid", Field: "channel", Detail: string(w.Channel)}
	}
	if w.Status == "" {
		w.Status = Active
	}
	if w.Status != Active && w.Status != Paused && w.Status != Left {
		return &Error{Code: Invalid, Key: "worker.status", Field: "status", Detail: string(w.Status)}
	}
	if w.Notes, p = valid.Text("notes", w.Notes, 500); p != nil {
		return fieldError(p)
	}
	if w.StatusReason, p = valid.Text("status_reason", w.StatusReason, 200); p != nil {
		return fieldError(p)
	}
	if len(w.Trades) == 0 {
		return &Error{Code: Invalid, Key: "worker.no_trade", Field: "trades", Detail: "a worker needs at least one trade"}
	}
	seen := map[int64]bool{}
	for _, t := range w.Trades {
		if seen[t.TradeID] {
			return &Error{Code: Invalid, Key: "worker.trade_twice", Field: "trades", Detail: "a trade is listed twice"}
		}
		seen[t.TradeID] = true
		if t.Years < 0 || t.Years > 70 {
			return &Error{Code: Invalid, Key: "worker.years", Field: "trades", Detail: "years of experience 0 to 70"}
		}
	}
	sort.Slice(w.Trades, func(i, j int) bool { return w.Trades[i].TradeID < w.Trades[j].TradeID })
	sort.Strings(w.Groups)
	return nil
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// HasGroup reports whether the worker belongs to any priority group.
func (w *Worker) HasGroup() bool { return len(w.Groups) > 0 }

// SearchKeysVersion is raised whenever SearchKeys makes different keys: Open rebuilds the
// worker_keys of a database whose setting search_keys_version is older (see RebuildSearchKeys).
// 2 added the mixed keys (张sf, 张sanfeng, zhang三丰).
const SearchKeysVersion = 2

// maxMixedKeys caps the readings taken for each part of a mixed key, most likely first, so a
// name full of heteronyms does not flood worker_keys.
const maxMixedKeys = 8

// SearchKeys are the prefixes a worker is found by: every suffix of the name, its pinyin
// readings and initials, and the mixed forms staff type half in characters and half in pinyin:
// for each point inside the name (or a suffix of it), the characters before it followed by the
// full readings or initials after it (张sf, 张三f, 张sanfeng) and the readings or initials
// before it followed by the characters after it (zhang三丰, z三丰), for each heteronym reading.
func SearchKeys(name string) []string {
	seen := map[string]bool{}
	var keys []string
	add := func(k string) {
		if k != "" && !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	runes := []rune(strings.ToLower(strings.ReplaceAll(name, " ", "")))
	for i := range runes {
		add(string(runes[i:]))
	}
	for _, k := range pinyinkey.Keys(name) {
		add(k)
	}
	readings := map[string][]string{} // a part's keys, worked out once per part
	partKeys := func(part string) []string {
		ks, ok := readings[part]
		if !ok {
			ks = mixedReadings(part)
			readings[part] = ks
		}
		return ks
	}
	// mixed keys leave out the separators of a name (阿依·买买提 → 阿依mmt), as staff type none
	written := make([]rune, 0, len(runes))
	for _, r := range runes {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			written = append(written, r)
		}
	}
	for from := range written {
		for cut := from + 1; cut < len(written); cut++ {
			head, tail := string(written[from:cut]), string(written[cut:])
			for _, k := range partKeys(tail) {
				add(head + k)
			}
			for _, k := range partKeys(head) {
				add(k + tail)
			}
		}
	}
	return keys
}

// mixedReadings are up to maxMixedKeys full readings and as many initials of part; a part
// with no Han character has none, since its letters already stand as typed.
func mixedReadings(part string) []string {
	han := false
	for _, r := range part {
		han = han || unicode.Is(unicode.Han, r)
	}
	if !han {
		return nil
	}
	// Keys lists each kind most likely first; an initials key has one letter per character
	var full, initials []string
	n := utf8.RuneCountInString(part)
	for _, k := range pinyinkey.Keys(part) {
		if len(k) == n {
			if len(initials) < maxMixedKeys {
				initials = append(initials, k)
			}
		} else if len(full) < maxMixedKeys {
			full = append(full, k)
		}
	}
	return append(full, initials...)
}

const workerColumns = `id, name, gender, birth_year, coalesce(phone, ''), coalesce(id_number, ''), coalesce(community_id, 0),
	expected_pay_fen, expected_pay_unit, availability, groups, insured, channel, consent, status, status_reason, notes, created_at, updated_at`

func scanWorker(sc scanner) (Worker, error) {
	var w Worker
	var groups string
	var created, updated int64
	err := sc.Scan(&w.ID, &w.Name, &w.Gender, &w.BirthYear, &w.Phone, &w.IDNumber, &w.CommunityID,
		&w.ExpectedPayFen, &w.ExpectedPayUnit, &w.Availability, &groups, &w.Insured, &w.Channel, &w.Consent,
		&w.Status, &w.StatusReason, &w.Notes, &created, &updated)
	if groups != "" {
		w.Groups = strings.Split(groups, ",")
	}
	w.CreatedAt, w.UpdatedAt = time.Unix(created, 0), time.Unix(updated, 0)
	return w, err
}

// CreateWorker registers a worker. The same phone or ID number is refused as a Conflict
// whose Ref is the worker already registered.
func (s *Store) CreateWorker(ctx context.Context, staff int64, w Worker) (Worker, error) {
	if err := w.Validate(s.now()); err != nil {
		return w, err
	}
	err := s.write(ctx, staff, func(tx *Tx) error {
		if err := tx.checkWorkerUnique(&w); err != nil {
			return err
		}
		w.CreatedAt, w.UpdatedAt = tx.now, tx.now
		id, err := tx.insert(`INSERT INTO workers (name, gender, birth_year, phone, phone_tail, id_number, community_id,
			expected_pay_fen, expected_pay_unit, availability, groups, insured, channel, consent, status, status_reason, notes,
			created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			w.Name, w.Gender, w.BirthYear, nullStr(w.Phone), phoneTail(w.Phone), nullStr(w.IDNumber), nullID(w.CommunityID),
			w.ExpectedPayFen, string(w.ExpectedPayUnit), w.Availability, strings.Join(w.Groups, ","), w.Insured, string(w.Channel),
			w.Consent, string(w.Status), w.StatusReason, w.Notes, nullID(tx.staff), tx.now.Unix(), tx.now.Unix())
		if err != nil {
			return err
		}
		w.ID = id
		if err := tx.setWorkerTrades(id, w.Trades); err != nil {
			return err
		}
		if err := tx.setWorkerKeys(id, w.Name); err != nil {
			return err
		}
		return tx.audit("create", "worker", id, "")
	})
	return w, err
}

// UpdateWorker saves every field of an existing worker.
func (s *Store) UpdateWorker(ctx context.Context, staff int64, w Worker) (Worker, error) {
	if err := w.Validate(s.now()); err != nil {
		return w, err
	}
	err := s.write(ctx, staff, func(tx *Tx) error {
		if err := tx.checkWorkerUnique(&w); err != nil {
			return err
		}
		w.UpdatedAt = tx.now
		res, err := tx.exec(`UPDATE workers SET name = ?, gender = ?, birth_year = ?, phone = ?, phone_tail = ?, id_number = ?,
			community_id = ?, expected_pay_fen = ?, expected_pay_unit = ?, availability = ?, groups = ?, insured = ?, channel = ?,
			consent = ?, status = ?, status_reason = ?, notes = ?, updated_at = ? WHERE id = ? AND erased = 0`,
			w.Name, w.Gender, w.BirthYear, nullStr(w.Phone), phoneTail(w.Phone), nullStr(w.IDNumber), nullID(w.CommunityID),
			w.ExpectedPayFen, string(w.ExpectedPayUnit), w.Availability, strings.Join(w.Groups, ","), w.Insured, string(w.Channel),
			w.Consent, string(w.Status), w.StatusReason, w.Notes, tx.now.Unix(), w.ID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return &Error{Code: NotFound, Key: "worker.not_found", Detail: fmt.Sprint(w.ID)}
		}
		if err := tx.setWorkerTrades(w.ID, w.Trades); err != nil {
			return err
		}
		if err := tx.setWorkerKeys(w.ID, w.Name); err != nil {
			return err
		}
		return tx.audit("update", "worker", w.ID, "")
	})
	return w, err
}

// SetWorkerStatus pauses, reactivates or marks a worker as left, with a reason.
func (s *Store) SetWorkerStatus(ctx context.Context, staff, id int64, status WorkerStatus, reason string) error {
	if status != Active && status != Paused && status != Left {
		return &Error{Code: Invalid, Key: "worker.status", Field: "status", Detail: string(status)}
	}
	reason, p := valid.Text("status_reason", reason, 200)
	if p != nil {
		return fieldError(p)
	}
	return s.write(ctx, staff, func(tx *Tx) error {
		res, err := tx.exec(`UPDATE workers SET status = ?, status_reason = ?, updated_at = ? WHERE id = ? AND erased = 0`, string(status), reason, tx.now.Unix(), id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return &Error{Code: NotFound, Key: "worker.not_found", Detail: fmt.Sprint(id)}
		}
		return tx.audit("status:"+string(status), "worker", id, reason)
	})
}

func (t *Tx) checkWorkerUnique(w *Worker) error {
	var other int64
	if w.Phone != "" {
		err := t.queryRow(`SELECT id FROM workers WHERE phone = ? AND id <> ?`, w.Phone, w.ID).Scan(&other)
		if err == nil {
			return &Error{Code: Conflict, Key: "worker.phone_taken", Field: "phone", Ref: other, Detail: "phone already registered"}
		} else if err != sql.ErrNoRows {
			return err
		}
	}
	if w.IDNumber != "" {
		err := t.queryRow(`SELECT id FROM workers WHERE id_number = ? AND id <> ?`, w.IDNumber, w.ID).Scan(&other)
		if err == nil {
			return &Error{Code: Conflict, Key: "worker.id_taken", Field: "id_number", Ref: other, Detail: "ID number already registered"}
		} else if err != sql.ErrNoRows {
			return err
		}
	}
	return nil
}

func (t *Tx) setWorkerTrades(id int64, trades []WorkerTrade) error {
	if _, err := t.exec(`DELETE FROM worker_trades WHERE worker_id = ?`, id); err != nil {
		return err
	}
	for _, tr := range trades {
		if _, err := t.exec(`INSERT INTO worker_trades (worker_id, trade_id, years) VALUES (?, ?, ?)`, id, tr.TradeID, tr.Years); err != nil {
			return err
		}
	}
	return nil
}

func (t *Tx) setWorkerKeys(id int64, name string) error {
	if _, err := t.exec(`DELETE FROM worker_keys WHERE worker_id = ?`, id); err != nil {
		return err
	}
	for _, k := range SearchKeys(name) {
		if _, err := t.exec(`INSERT INTO worker_keys (key, worker_id) VALUES (?, ?)`, k, id); err != nil {
			return err
		}
	}
	return nil
}

// RebuildSearchKeys makes every worker's search keys again with this version's SearchKeys and
// records SearchKeysVersion in the setting search_keys_version, in one transaction. Open runs it
// once on a database whose keys an older version made; erased workers keep none. It returns how
// many workers it keyed.
func (s *Store) RebuildSearchKeys(ctx context.Context, staff int64) (int, error) {
	n := 0
	err := s.write(ctx, staff, func(tx *Tx) error {
		type named struct {
			id   int64
			name string
		}
		rows, err := tx.query(`SELECT id, name FROM workers WHERE erased = 0 ORDER BY id`)
		if err != nil {
			return err
		}
		var workers []named
		for rows.Next() {
			var w named
			if err := rows.Scan(&w.id, &w.name); err != nil {
				rows.Close()
				return err
			}
			workers = append(workers, w)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		// SQLite only, like Bulk: a big page cache for this connection while it writes, so the
		// foreign-key check on each key's worker hits memory; the old size is put back
		var pages int64
		if err := tx.queryRow(`PRAGMA cache_size`).Scan(&pages); err != nil {
			return err
		}
		if _, err := tx.exec(`PRAGMA cache_size = -262144`); err != nil {
			return err
		}
		defer tx.exec(`PRAGMA cache_size = ` + strconv.FormatInt(pages, 10))
		// the worker index is built again once, sorted, instead of updated per row
		if _, err := tx.exec(`DROP INDEX IF EXISTS worker_keys_worker`); err != nil {
			return err
		}
		if _, err := tx.exec(`DELETE FROM worker_keys`); err != nil {
			return err
		}
		// keys in index order, many rows per statement: one INSERT per key in name order would
		// take minutes for a big station
		type workerKey struct {
			key string
			id  int64
		}
		var all []workerKey
		cache := map[string][]string{} // namesakes share their keys
		for _, w := range workers {
			keys, ok := cache[w.name]
			if !ok {
				keys = SearchKeys(w.name)
				cache[w.name] = keys
			}
			for _, k := range keys {
				all = append(all, workerKey{k, w.id})
			}
		}
		sort.Slice(all, func(i, j int) bool {
			if all[i].key != all[j].key {
				return all[i].key < all[j].key
			}
			return all[i].id < all[j].id
		})
		const perInsert = 200
		args := make([]any, 0, 2*perInsert)
		for i, k := range all {
			args = append(args, k.key, k.id)
			if len(args) == 2*perInsert || i == len(all)-1 {
				if _, err := tx.exec(`INSERT INTO worker_keys (key, worker_id) VALUES `+
					strings.TrimSuffix(strings.Repeat("(?, ?), ", len(args)/2), ", "), args...); err != nil {
					return err
				}
				args = args[:0]
			}
		}
		if _, err := tx.exec(`CREATE INDEX worker_keys_worker ON worker_keys (worker_id)`); err != nil {
			return err
		}
		if _, err := tx.exec(`INSERT INTO settings (key, value) VALUES ('search_keys_version', ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, fmt.Sprint(SearchKeysVersion)); err != nil {
			return err
		}
		n = len(workers)
		if n == 0 {
			return nil // a new database: nothing was rebuilt worth a line in the log
		}
		return tx.audit("rebuild", "search_keys", 0, fmt.Sprintf("version %d, %d workers", SearchKeysVersion, n))
	})
	return n, err
}

// searchKeysCurrent reports whether worker_keys were made by this version's SearchKeys (or a newer one's).
func (s *Store) searchKeysCurrent(ctx context.Context) (bool, error) {
	var v string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = 'search_keys_version'`).Scan(&v)
	if err == sql.ErrNoRows {
		return false, nil
	}
	if err != nil {
		return false, dbError(err, s.path)
	}
	n, _ := strconv.Atoi(v)
	return n >= SearchKeysVersion, nil
}

func phoneTail(phone string) string {
	if len(phone) < 4 {
		return ""
	}
	return phone[len(phone)-4:]
}

// Worker reads one worker with their trades.
func (s *Store) Worker(ctx context.Context, id int64) (Worker, error) {
	w, err := scanWorker(s.db.QueryRowContext(ctx, `SELECT `+workerColumns+` FROM workers WHERE id = ?`, id))
	if err != nil {
		return w, dbError(notFound(err, "worker"), s.path)
	}
	trades, err := s.workerTrades(ctx, []int64{id})
	if err != nil {
		return w, err
	}
	w.Trades = trades[id]
	return w, nil
}

// withTrades fills in the trades of each record in out; of names a record's worker and its Trades field.
func withTrades[T any](ctx context.Context, s *Store, out []T, of func(*T) (int64, *[]WorkerTrade)) ([]T, error) {
	ids := make([]int64, len(out))
	for i := range out {
		ids[i], _ = of(&out[i])
	}
	trades, err := s.workerTrades(ctx, ids)
	if err != nil {
		return nil, err
	}
	for i := range out {
		id, field := of(&out[i])
		*field = trades[id]
	}
	return out, nil
}

func (s *Store) workerTrades(ctx context.Context, ids []int64) (map[int64][]WorkerTrade, error) {
	out := map[int64][]WorkerTrade{}
	if len(ids) == 0 {
		return out, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := s.db.QueryContext(ctx, `SELECT worker_id, trade_id, years FROM worker_trades WHERE worker_id IN (`+placeholders(len(ids))+`) ORDER BY worker_id, trade_id`, args...)
	if err != nil {
		return nil, dbError(err, s.path)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var t WorkerTrade
		if err := rows.Scan(&id, &t.TradeID, &t.Years); err != nil {
			return nil, dbError(err, s.path)
		}
		out[id] = append(out[id], t)
	}
	return out, dbError(rows.Err(), s.path)
}

// SearchWorkers finds workers from one search box: name characters, pinyin (full or initials),
// the last 4 digits of the phone, the whole phone, the ID number or the worker number.
func (s *Store) SearchWorkers(ctx context.Context, query string, limit int) ([]Worker, error) {
	q := normaliseQuery(query)
	if q == "" {
		return nil, nil
	}
	if limit <= 0 {
		limit = 50
	}
	var rows *sql.Rows
	var err error
	switch {
	case isDigits(q) && len(q) == 11:
		rows, err = s.db.QueryContext(ctx, `SELECT `+workerColumns+` FROM workers WHERE phone = ? AND erased = 0`, q)
	case isIDLike(q):
		rows, err = s.db.QueryContext(ctx, `SELECT `+workerColumns+` FROM workers WHERE id_number = ? AND erased = 0`, strings.ToUpper(q))
	case isDigits(q) && len(q) == 4:
		// four digits are a phone tail or a worker number: show both
		rows, err = s.db.QueryContext(ctx, `SELECT `+workerColumns+` FROM workers WHERE (phone_tail = ? OR id = ?) AND erased = 0 ORDER BY id = ? DESC, id LIMIT ?`, q, q, q, limit)
	case isDigits(q):
		rows, err = s.db.QueryContext(ctx, `SELECT `+workerColumns+` FROM workers WHERE id = ? AND erased = 0`, q)
	default:
		rows, err = s.db.QueryContext(ctx, `SELECT `+workerColumns+` FROM workers WHERE erased = 0 AND id IN (
			SELECT worker_id FROM worker_keys WHERE key >= ? AND key < ? LIMIT ?) ORDER BY status = 'active' DESC, name, id LIMIT ?`,
			q, q+"\U0010FFFF", limit*4, limit)
	}
	if err != nil {
		return nil, dbError(err, s.path)
	}
	defer rows.Close()
	var out []Worker
	for rows.Next() {
		w, err := scanWorker(rows)
		if err != nil {
			return nil, dbError(err, s.path)
		}
		out = append(out, w)
	}
	if err := rows.Err(); err != nil {
		return nil, dbError(err, s.path)
	}
	rows.Close()
	return withTrades(ctx, s, out, func(w *Worker) (int64, *[]WorkerTrade) { return w.ID, &w.Trades })
}

// normaliseQuery lower-cases, folds full-width characters and drops spaces and control characters.
func normaliseQuery(q string) string {
	var b strings.Builder
	for _, r := range q {
		switch {
		case r >= '０' && r <= '９':
			r = r - '０' + '0'
		case r >= 'Ａ' && r <= 'Ｚ':
			r = r - 'Ａ' + 'a'
		case r >= 'ａ' && r <= 'ｚ':
			r = r - 'ａ' + 'a'
		}
		if unicode.IsSpace(r) || unicode.IsControl(r) || r == '-' {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
		if b.Len() > 64 {
			break
		}
	}
	return b.String()
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

func isIDLike(s string) bool {
	return len(s) == 18 && isDigits(s[:17]) && (isDigits(s[17:]) || s[17] == 'x' || s[17] == 'X')
}

// RevealWorker returns a worker's unmasked phone and ID number and records in the audit log
// that this staff member saw them.
func (s *Store) RevealWorker(ctx context.Context, staff, id int64, field string) (string, error) {
	if field != "phone" && field != "id_number" {
		return "", Errorf(Invalid, "reveal.field", "cannot reveal %q", field)
	}
	var value string
	err := s.write(ctx, staff, func(tx *Tx) error {
		var phone, idno string
		err := tx.queryRow(`SELECT coalesce(phone, ''), coalesce(id_number, '') FROM workers WHERE id = ?`, id).Scan(&phone, &idno)
		if err != nil {
			return notFound(err, "worker")
		}
		value = phone
		if field == "id_number" {
			value = idno
		}
		return tx.audit("reveal:"+field, "worker", id, "")
	})
	return value, err
}

// Duplicates is what the station already holds that looks like the worker being registered.
type Duplicates struct {
	// Same is the worker with the same phone or ID number (one person, one record); Field
	// says which matched ("phone" or "id_number"). Zero ID when there is none.
	Same  Worker
	Field string
	// Similar are other workers with the same name and birth year: a warning, not a refusal.
	Similar []Worker
}

// Found reports whether anything looks like a duplicate.
func (d Duplicates) Found() bool { return d.Same.ID != 0 || len(d.Similar) > 0 }

// FindDuplicates looks for a worker that w would duplicate: the same phone or ID number
// (w.ID excluded, so an edit does not find itself), then the same name and birth year.
// w is normalised as Validate would; values that do not validate are not compared.
func (s *Store) FindDuplicates(ctx context.Context, w Worker) (Duplicates, error) {
	var d Duplicates
	if p, prob := valid.Phone(w.Phone); prob == nil {
		same, err := s.workerWhere(ctx, `phone = ? AND id <> ? AND erased = 0`, p, w.ID)
		if err != nil {
			return d, err
		}
		if len(same) > 0 {
			d.Same, d.Field = same[0], "phone"
		}
	}
	if d.Same.ID == 0 && strings.TrimSpace(w.IDNumber) != "" {
		if idno, prob := valid.IDNumber(w.IDNumber, s.now()); prob == nil {
			same, err := s.workerWhere(ctx, `id_number = ? AND id <> ? AND erased = 0`, idno, w.ID)
			if err != nil {
				return d, err
			}
			if len(same) > 0 {
				d.Same, d.Field = same[0], "id_number"
			}
		}
	}
	name, prob := valid.Name(w.Name)
	if prob == nil && w.BirthYear != 0 {
		similar, err := s.workerWhere(ctx, `name = ? AND birth_year = ? AND id <> ? AND id <> ? AND erased = 0 ORDER BY id LIMIT 5`,
			name, w.BirthYear, w.ID, d.Same.ID)
		if err != nil {
			return d, err
		}
		d.Similar = similar
	}
	if d.Same.ID != 0 {
		trades, err := s.workerTrades(ctx, []int64{d.Same.ID})
		if err != nil {
			return d, err
		}
		d.Same.Trades = trades[d.Same.ID]
	}
	return d, nil
}

// workerWhere reads the workers matching a WHERE clause (without their trades).
func (s *Store) workerWhere(ctx context.Context, where string, args ...any) ([]Worker, error) {
	return queryAll(ctx, s, `SELECT `+workerColumns+` FROM workers WHERE `+where, args, scanWorker)
}
