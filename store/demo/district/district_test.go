package district_test

import (
	"path/filepath"
	"testing"

	"gigdesk/store/demo/district"
)

// BenchmarkDemoBuildBig is the demo load of the district station from nothing: 100,000 workers
// over 365 days. Run it once: GIGDESK_BIG=1 go test ./store/demo/district -bench . -benchtime 1x
func BenchmarkDemoBuildBig(b *testing.B) {
	if !district.Enabled() {
		b.Skip("set GIGDESK_BIG=1 to build the district station")
	}
	for b.Loop() {
		took, c, err := district.Build(filepath.Join(b.TempDir(), "district.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(took.Seconds(), "s/build")
		b.ReportMetric(float64(c.Dispatches), "dispatches")
	}
}
