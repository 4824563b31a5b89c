package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"gigdesk/store/pinyinkey"
)

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
		workers, err := txRows(tx, scanWorkerName, `SELECT id, name FROM workers WHERE erased = 0 ORDER BY id`)
		if err != nil {
			return err
		}
		restore, err := tx.bigPageCache()
		if err != nil {
			return err
		}
		defer restore()
		if err := tx.replaceWorkerKeys(sortedWorkerKeys(workers)); err != nil {
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
		return tx.audit("rebuild", "search_keys", 0, refs("version", SearchKeysVersion, "workers", n))
	})
	return n, err
}

// workerName is a worker's id and name, all a rebuild of the search keys reads.
type workerName struct {
	id   int64
	name string
}

func scanWorkerName(sc scanner) (workerName, error) {
	var w workerName
	err := sc.Scan(&w.id, &w.name)
	return w, err
}

// keyRow is one row of worker_keys.
type keyRow struct {
	key    string
	worker int64
}

// sortedWorkerKeys are every worker's search keys in index order: key, then worker.
func sortedWorkerKeys(workers []workerName) []keyRow {
	var all []keyRow
	cache := map[string][]string{} // namesakes share their keys
	for _, w := range workers {
		keys, ok := cache[w.name]
		if !ok {
			keys = SearchKeys(w.name)
			cache[w.name] = keys
		}
		for _, k := range keys {
			all = append(all, keyRow{k, w.id})
		}
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].key != all[j].key {
			return all[i].key < all[j].key
		}
		return all[i].worker < all[j].worker
	})
	return all
}

// bigPageCache gives this connection a big page cache while it writes, so the foreign-key
// check on each key's worker hits memory (SQLite only, like Bulk); restore puts the old size back.
func (t *Tx) bigPageCache() (restore func(), err error) {
	if t.s.pg {
		return func() {}, nil // the server's shared buffers are the cache
	}
	var pages int64
	if err := t.queryRow(`PRAGMA cache_size`).Scan(&pages); err != nil {
		return nil, err
	}
	if _, err := t.exec(`PRAGMA cache_size = -262144`); err != nil {
		return nil, err
	}
	return func() { t.exec(`PRAGMA cache_size = ` + strconv.FormatInt(pages, 10)) }, nil
}

// replaceWorkerKeys puts keys in place of every row of worker_keys.
func (t *Tx) replaceWorkerKeys(keys []keyRow) error {
	// the worker index is built again once, sorted, instead of updated per row
	if _, err := t.exec(`DROP INDEX IF EXISTS worker_keys_worker`); err != nil {
		return err
	}
	if _, err := t.exec(`DELETE FROM worker_keys`); err != nil {
		return err
	}
	// keys in index order, many rows per statement: one INSERT per key in name order would
	// take minutes for a big station
	const perInsert = 200
	args := make([]any, 0, 2*perInsert)
	for i, k := range keys {
		args = append(args, k.key, k.worker)
		if len(args) == 2*perInsert || i == len(keys)-1 {
			if _, err := t.exec(`INSERT INTO worker_keys (key, worker_id) VALUES `+
				strings.TrimSuffix(strings.Repeat("(?, ?), ", len(args)/2), ", "), args...); err != nil {
				return err
			}
			args = args[:0]
		}
	}
	_, err := t.exec(`CREATE INDEX worker_keys_worker ON worker_keys (worker_id)`)
	return err
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
