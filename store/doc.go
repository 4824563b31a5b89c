// Package store keeps the station's records in one SQLite file: the record types and their
// rules, Open (pragmas, migrations), one file per record kind, and the queries the screens and
// the day's figures need. Every SQL statement of gigdesk lives here.
//
// It must not import tui or know about screens, keys or words shown to people: failures are
// *Error values with a message key the screens translate. Pure rules (ranking, validation,
// posting checks, times, pinyin keys) live in the sub-packages match, valid, posting, when
// and pinyinkey, which do no I/O.
package store
