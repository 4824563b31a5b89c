package store

import (
	"context"
	"sync"
	"time"
)

// Summary is everything the end-of-day screen and the reports show for one period.
type Summary struct {
	Span   Span
	Day    string  // the day the period was chosen by
	Cur    Figures // the period
	Prev   Figures // the period before (yesterday, last week, last month); no splits by trade, community or hour
	Last7  Figures // the 7 periods before Cur, together (divide by 7 for the average); no splits either
	Trend  []DayCount
	Open   []OpenJob
	Issues []Issue
	// StillOpen are dispatches whose work ended by the period's end but are not closed (any
	// age, oldest first); StillOpenCount is how many in all.
	StillOpen      []StillOpen
	StillOpenCount int
	// Fairness is how evenly the period's work was shared; Fairness30 the same over the
	// FairnessDays days that end with it (report_fairness.go).
	Fairness, Fairness30 Fairness
	Now                  time.Time

	// Self is the workers' terminal's figures of Cur, Prev and Last7 (report_self.go).
	Self SelfSummary
}

// TrendDays is how many days the dispatch sparkline covers.
const TrendDays = 30

// ListLimit caps each list to act on.
const ListLimit = 200

// Summary gathers the period of span holding day, with what it is compared to and its lists.
func (s *Store) Summary(ctx context.Context, span Span, day string) (Summary, error) {
	return s.summaryOf(ctx, span, day, true)
}

// SummaryFigures is Summary without its fairness section, which reads every sign-in and
// dispatch of 30 days and so costs ten times the rest at a district: the Summary screen
// draws these first and asks SummaryFairness for the section after.
func (s *Store) SummaryFigures(ctx context.Context, span Span, day string) (Summary, error) {
	return s.summaryOf(ctx, span, day, false)
}

// summaryOf is the period of span holding day, the one before and the 7 before; fair says
// whether the fairness section is read with them.
func (s *Store) summaryOf(ctx context.Context, span Span, day string, fair bool) (Summary, error) {
	from, to, err := Period(span, day, 0)
	if err != nil {
		return Summary{Span: span, Day: day}, err
	}
	pf, pt, _ := Period(span, day, -1)
	lf, _, _ := Period(span, day, -7)
	return s.summarize(ctx, Summary{Span: span, Day: day}, [3][2]string{{from, to}, {pf, pt}, {lf, pt}}, fair)
}

// SummaryFairness fills in the fairness section of a summary read by SummaryFigures.
func (s *Store) SummaryFairness(ctx context.Context, sum *Summary) error {
	return s.summaryFairness(ctx, sum, sum.Cur.From, sum.Cur.To)
}

// SummaryRange gathers the days [from, to], compared with the same number of days just
// before and with the 7 such ranges before it (a report asked for with --date and --to).
func (s *Store) SummaryRange(ctx context.Context, from, to string) (Summary, error) {
	a, b, err := s.rangeOf(from, to)
	if err != nil {
		return Summary{Span: SpanRange, Day: from}, err
	}
	n := int((b - a + 43200) / 86400) // whole days, DST-proof
	pf, _, _ := Period(SpanDay, from, -n)
	pt, _, _ := Period(SpanDay, from, -1)
	lf, _, _ := Period(SpanDay, from, -7*n)
	span := SpanRange
	if n == 1 {
		span = SpanDay
	}
	return s.summarize(ctx, Summary{Span: span, Day: from}, [3][2]string{{from, to}, {pf, pt}, {lf, pt}}, true)
}

// summarize reads the period, what it is compared with, the trend and the lists at once, each
// on its own connection: none needs another's answer, and on a district's year of records the
// parts one after another cost twice the time of the slowest. fair says whether the fairness
// section is read too.
func (s *Store) summarize(ctx context.Context, sum Summary, r [3][2]string, fair bool) (Summary, error) {
	sum.Now = s.Now()
	to := r[0][1]
	tf, _, _ := Period(SpanDay, to, -(TrendDays - 1))
	parts := []func() error{
		func() (err error) { sum.Cur, err = s.DayFigures(ctx, r[0][0], r[0][1]); return err },
		// The period before ends where the 7 before end: one pass gives both.
		func() (err error) {
			sum.Last7, sum.Prev, err = s.comparedFigures(ctx, r[2][0], r[1][0], r[2][1])
			return err
		},
		func() (err error) { sum.Trend, err = s.DailyDispatches(ctx, tf, to); return err },
		func() (err error) {
			if sum.Open, err = s.OpenJobs(ctx, to, ListLimit); err != nil {
				return err
			}
			sum.Issues, err = s.Issues(ctx, r[0][0], to, ListLimit)
			return err
		},
		func() (err error) {
			sum.StillOpen, sum.StillOpenCount, err = s.StillOpenDispatches(ctx, to, ListLimit)
			return err
		},
		func() error {
			if !fair {
				return nil
			}
			return s.summaryFairness(ctx, &sum, r[0][0], to)
		},
		func() (err error) { sum.Self, err = s.selfSummary(ctx, r); return err },
	}
	errs := make([]error, len(parts))
	var wg sync.WaitGroup
	for i, part := range parts {
		wg.Go(func() { errs[i] = part() })
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return sum, err
		}
	}
	return sum, nil
}
