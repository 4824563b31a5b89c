package report_test

import (
	"context"
	"io"
	"testing"

	"gigdesk/store/demo/district"
	"gigdesk/tui/i18n"
	"gigdesk/tui/report"
)

// BenchmarkMonthXLSXBig gathers a month over the shared district database (GIGDESK_BIG=1,
// see store/demo/district) and writes it as an Excel workbook, as `gigdesk report` does.
func BenchmarkMonthXLSXBig(b *testing.B) {
	s := district.Open(b)
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
