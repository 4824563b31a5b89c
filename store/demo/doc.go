// Package demo fills a station database with realistic, deterministic demo data: the same
// seed and the same clock give the same records, row for row.
//
// The default is a small station (300 workers, 40 employers, 30 days). A district-sized load
// of 100,000 workers and about a million dispatches is
//
//	gigdesk demo --db big.db --workers 100000 --employers 8000 --days 365
//
// Generate writes workers, employers, jobs, calls, dispatches, sign-ins and visits in one bulk
// load (store.Loader), then the rights-and-rules records through the store's own audited
// methods. The files follow the records: gen.go (the generator, its seed, clock and driver),
// people.go, workers.go, employers.go, jobs.go, dispatches.go (calls and dispatches of a job),
// days.go (a day's jobs, sign-ins and visits), training.go and rights.go.
//
// What it must not do: read the wall clock (times come from Options.Now and the store's clock), write into a
// database that already holds workers, employers or jobs, or change the order in which it
// draws random numbers: one draw moved changes every row after it, and with them the
// goldens and tests that render demo data. It knows no screens and imports no tui package.
package demo
