package store

import (
	"context"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzSearchQuery: whatever staff type in the search box, normalising is bounded and clean,
// and SearchWorkers answers without an error or a panic.
func FuzzSearchQuery(f *testing.F) {
	for _, q := range []string{"zsf", "张三", "５６７８", "1380013 8000", "50010719800101123X", "'; DROP TABLE workers; --", "%_", "\x1b[31m", "Ｚｈａｎｇ"} {
		f.Add(q)
	}
	s, err := Open(f.TempDir()+"/fuzz.db", WithClock(func() time.Time { return fixedNow }))
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	head := must(s.Setup(ctx, "后街零工市场", "王芳"))(f)
	must(s.CreateWorker(ctx, head.ID, Worker{Name: "张三丰", Phone: "13800138000", BirthYear: 1975, Trades: []WorkerTrade{{TradeID: 1}}}))(f)
	f.Fuzz(func(t *testing.T, q string) {
		n := normaliseQuery(q)
		if len(n) > 64+utf8.UTFMax {
			t.Fatalf("normalised query of %d bytes", len(n))
		}
		if strings.ContainsAny(n, " \t\n\x1b-") {
			t.Fatalf("normalised %q still holds spaces, controls or dashes: %q", q, n)
		}
		if _, err := s.SearchWorkers(ctx, q, 20); err != nil {
			t.Fatalf("SearchWorkers(%q): %v", q, err)
		}
	})
}
