package store

// The triggers that drop a kept day's totals when one of its dispatches or jobs is written
// (migration 0023) would run once for each of a load's million rows. A load takes them off its
// tables, puts them back before it commits, and empties day_figures instead: the rows it wrote
// fall on days that may be kept, and an empty table is always right (report_daycache.go).

// dayFigureTables are the tables with day_figures triggers, each named <table>_day_figures
// on PostgreSQL and <table>_day_figures_<insert|update|delete> on SQLite.
var dayFigureTables = []string{"dispatches", "jobs"}

// pauseDayFigures takes the triggers off for the load.
func (l *Loader) pauseDayFigures() error {
	if l.s.pg {
		for _, t := range dayFigureTables {
			if _, err := l.tx.ExecContext(l.ctx, `ALTER TABLE `+t+` DISABLE TRIGGER `+t+`_day_figures`); err != nil {
				return err
			}
		}
		return nil
	}
	names, defs, err := l.schemaObjects(`SELECT name, sql FROM sqlite_master
		WHERE type = 'trigger' AND name LIKE '%day_figures%' ORDER BY name`)
	if err != nil {
		return err
	}
	l.triggers = defs
	for _, n := range names {
		if _, err := l.tx.ExecContext(l.ctx, `DROP TRIGGER "`+n+`"`); err != nil {
			return err
		}
	}
	return nil
}

// resumeDayFigures puts the triggers back and forgets every kept day.
func (l *Loader) resumeDayFigures() error {
	for _, t := range dayFigureTables {
		if !l.s.pg {
			break
		}
		if _, err := l.tx.ExecContext(l.ctx, `ALTER TABLE `+t+` ENABLE TRIGGER `+t+`_day_figures`); err != nil {
			return err
		}
	}
	for _, q := range l.triggers {
		if _, err := l.tx.ExecContext(l.ctx, q); err != nil {
			return err
		}
	}
	l.triggers = nil
	_, err := l.tx.ExecContext(l.ctx, `DELETE FROM day_figures`)
	return err
}
