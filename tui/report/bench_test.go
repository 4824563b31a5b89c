package report_test

import (
	"context"
	"io"
	"os"
	"testing"
	"time"

	"gigdesk/store"
	"gigdesk/tui/i18n"
	"gigdesk/tui/report"
)

// BenchmarkMonthXLSXBig gathers a month over GIGDESK_BIG (built by the store's benchmarks:
// go test ./store -bench Big) and writes it as an Excel workbook, as `gigdesk report` does.
func BenchmarkMonthXLSXBig(b *testing.B) {
	path := os.Getenv("GIGDESK_BIG")
	if path == "" {
		b.Skip("set GIGDESK_BIG=/path/to/big.db (see store's BenchmarkDayFiguresBig)")
	}
	if _, err := os.Stat(path); err != nil {
		b.Skip("build GIGDESK_BIG first with go test ./store -bench Big")
	}
	s, err := store.Open(path, store.WithClock(func() time.Time { return now }))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	rec := must(s.Catalog(ctx))(b, "Catalog")
	for b.Loop() {
		sum, err := s.SummaryRange(ctx, "2026-10-01", "2026-10-31")
		if err != nil {
			b.Fatal(err)
		}
		d := &report.Doc{Cat: i18n.New(i18n.Zh), Rec: rec, Sum: sum}
		if err := d.WriteXLSX(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
