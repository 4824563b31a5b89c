package store

import (
	"context"
	"fmt"
	"gigdesk/store/testdb"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// BenchmarkSearchWorkers searches 100,000 workers in a real database file the way the
// search box does as staff type: initials, full pinyin, characters, a phone tail, a whole
// phone, an ID number and a worker number.
func BenchmarkSearchWorkers(b *testing.B) {
	s, err := Open(testdb.New(b, "bench.db"), WithClock(func() time.Time { return fixedNow }))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	const n = 100_000
	surnames := []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤单解仇")
	given := []rune("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华建国红梅玉兰文斌志勇德福海波宏")
	var idNo, phone string
	err = s.Bulk(ctx, func(l *Loader) error {
		if err := l.DeferIndexes(); err != nil {
			return err
		}
		for i := 1; i <= n; i++ {
			name := string(surnames[i%len(surnames)]) + string(given[(i/7)%len(given)])
			if i%3 == 0 {
				name += string(given[(i/13)%len(given)])
			}
			w := &Worker{ID: int64(i), Name: name, BirthYear: 1960 + i%45, Phone: fmt.Sprintf("13%09d", i*7919%1_000_000_000),
				IDNumber: regID(fmt.Sprintf("500107%04d0101%03d", 1960+i%45, i%1000)), CommunityID: 100, ExpectedPayUnit: PerDay,
				Availability: AllDay, Channel: ByCounter, Status: Active, Trades: []WorkerTrade{{TradeID: int64(1 + i%14), Years: i % 20}},
				CreatedAt: fixedNow, UpdatedAt: fixedNow}
			if i%1000 == 0 {
				w.IDNumber = "" // duplicates of the made-up ID numbers are left out
			} else if i > 1000 {
				w.IDNumber = ""
			}
			if i == 4242 {
				phone = w.Phone
			}
			if i == 500 {
				idNo = w.IDNumber
			}
			if err := l.Worker(w, 0); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	var keys, keyBytes int64
	if err := s.db.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(octet_length(key)), 0) FROM worker_keys`).Scan(&keys, &keyBytes); err != nil {
		b.Fatal(err)
	}
	b.Logf("worker_keys for %d workers: %d rows, %d bytes of keys", n, keys, keyBytes)
	for _, q := range []struct{ name, query string }{
		{"initials", "zsf"}, {"full_pinyin", "zhangwei"}, {"characters", "张伟"}, {"short_initials", "wf"},
		{"heteronym", "ceng"}, {"one_character", "曾"}, {"phone_tail", "1234"}, {"phone", phone},
		{"id_number", idNo}, {"worker_number", "77777"},
		{"mixed_initials", "张wf"}, {"mixed_full", "张weifang"}, {"mixed_pinyin_first", "zhang伟"},
	} {
		b.Run(q.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := s.SearchWorkers(ctx, q.query, 50); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestRebuildSearchKeys opens a database whose keys an older version made: Open makes them
// again once (mixed searches then work), leaves erased workers without keys, logs it once
// without names, and a new database records the version without a log line.
func TestRebuildSearchKeys(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	open := func() *Store {
		s, err := Open(path, WithClock(func() time.Time { return fixedNow }))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	rebuilds := func(s *Store) int {
		var n int
		if err := s.db.QueryRow(`SELECT count(*) FROM audit WHERE action = 'rebuild' AND entity = 'search_keys'`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	s := open()
	if n := rebuilds(s); n != 0 {
		t.Errorf("a new database logged %d rebuilds", n)
	}
	if ok, err := s.searchKeysCurrent(ctx); err != nil || !ok {
		t.Errorf("a new database's keys are not current: %v %v", ok, err)
	}
	zsf := regCreate(t, s, regWorker("张三丰", "13800138000", 1980, 1))
	gone := regCreate(t, s, regWorker("李四光", "13900139000", 1981, 2))
	// what an older version left: keys without the mixed forms, an erased worker's keys, version 1
	if _, err := s.db.Exec(`DELETE FROM worker_keys WHERE worker_id = ? AND key NOT IN ('张三丰', 'zsf', 'zhangsanfeng')`, zsf.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`UPDATE workers SET erased = 1 WHERE id = ?`, gone.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`UPDATE settings SET value = '1' WHERE key = 'search_keys_version'`); err != nil {
		t.Fatal(err)
	}
	if got := must(s.SearchWorkers(ctx, "张sf", 10))(t); len(got) != 0 {
		t.Fatalf("old keys already find 张sf: %v", got)
	}
	s.Close()

	s = open()
	for _, q := range []string{"张sf", "zhang三丰", "张三f", "zsf"} {
		got, err := s.SearchWorkers(ctx, q, 10)
		if err != nil || len(got) != 1 || got[0].ID != zsf.ID {
			t.Errorf("after the rebuild SearchWorkers(%q) = %v, %v; want worker %d", q, got, err, zsf.ID)
		}
	}
	var keys int
	if err := s.db.QueryRow(`SELECT count(*) FROM worker_keys WHERE worker_id = ?`, zsf.ID).Scan(&keys); err != nil {
		t.Fatal(err)
	}
	if keys != len(SearchKeys("张三丰")) {
		t.Errorf("张三丰 has %d keys, SearchKeys makes %d", keys, len(SearchKeys("张三丰")))
	}
	if err := s.db.QueryRow(`SELECT count(*) FROM worker_keys WHERE worker_id = ?`, gone.ID).Scan(&keys); err != nil || keys != 0 {
		t.Errorf("an erased worker has %d keys (%v)", keys, err)
	}
	var detail string
	if err := s.db.QueryRow(`SELECT detail FROM audit WHERE action = 'rebuild'`).Scan(&detail); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(detail, "张") || !strings.Contains(detail, "workers=1") {
		t.Errorf("rebuild logged %q: want the count of workers and no names", detail)
	}
	s.Close()

	s = open()
	defer s.Close()
	if n := rebuilds(s); n != 1 {
		t.Errorf("opening again rebuilt again: %d rebuilds logged", n)
	}
}

// BenchmarkRebuildSearchKeys makes the search keys of 100,000 workers again, as Open does once
// after an upgrade.
func BenchmarkRebuildSearchKeys(b *testing.B) {
	s, err := Open(testdb.New(b, "bench.db"), WithClock(func() time.Time { return fixedNow }))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	surnames := []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤单解仇")
	given := []rune("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华建国红梅玉兰文斌志勇德福海波宏")
	err = s.Bulk(ctx, func(l *Loader) error {
		for i := 1; i <= 100_000; i++ {
			name := string(surnames[i%len(surnames)]) + string(given[(i/7)%len(given)]) + string(given[(i/13)%len(given)])
			w := &Worker{ID: int64(i), Name: name, Phone: fmt.Sprintf("13%09d", i), ExpectedPayUnit: PerDay, Availability: AllDay,
				Channel: ByCounter, Status: Active, Trades: []WorkerTrade{{TradeID: int64(1 + i%14)}}, CreatedAt: fixedNow, UpdatedAt: fixedNow}
			if err := l.Worker(w, 0); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.RebuildSearchKeys(ctx, 0); err != nil {
			b.Fatal(err)
		}
	}
}
