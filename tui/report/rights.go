package report

import (
	"context"

	"gigdesk/store"
)

// Rights are the rights-and-rules figures (store.RightsFigures) of the summary's three
// periods: the period, the one before, and the 7 before it together.
type Rights struct {
	Cur, Prev, Last7 store.RightsFigures
}

// LoadRights reads the rights-and-rules figures for the periods of sum.
func LoadRights(ctx context.Context, s *store.Store, sum store.Summary) (Rights, error) {
	var r Rights
	var err error
	for _, p := range []struct {
		to *store.RightsFigures
		f  store.Figures
	}{{&r.Cur, sum.Cur}, {&r.Prev, sum.Prev}, {&r.Last7, sum.Last7}} {
		if p.f.From == "" {
			continue // a period the summary did not count
		}
		if *p.to, err = s.RightsFigures(ctx, p.f.From, p.f.To); err != nil {
			return r, err
		}
	}
	return r, nil
}

// rightsLines are the rights-and-rules figures as summary lines, after the day's others.
func (d *Doc) rightsLines() []Line {
	c, p, l := &d.Rights.Cur, &d.Rights.Prev, &d.Rights.Last7
	var out []Line
	count := func(key string, f func(*store.RightsFigures) int, better bool) {
		out = append(out, Line{Key: key, Cur: float64(f(c)), Prev: float64(f(p)), Avg: store.Average(float64(f(l)), 7), Unit: Count, HigherIsBetter: better})
	}
	// more cases opened is not good news, more resolved is
	count("rights_cases_opened", func(f *store.RightsFigures) int { return f.CasesOpened }, false)
	count("rights_cases_resolved", func(f *store.RightsFigures) int { return f.CasesResolved }, true)
	count("training_referrals", func(f *store.RightsFigures) int { return f.TrainingReferrals }, true)
	count("insured_dispatches", func(f *store.RightsFigures) int { return f.InsuredDispatches }, true)
	count("below_guide_jobs", func(f *store.RightsFigures) int { return f.BelowGuideJobs }, false)
	return out
}
