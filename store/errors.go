package store

import (
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"unicode"

	"gigdesk/store/valid"

	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Code is the kind of failure a screen turns into words.
type Code string

const (
	Invalid  Code = "invalid"   // the input breaks a rule; Key says which
	NotFound Code = "not_found" // the record does not exist
	Conflict Code = "conflict"  // the change clashes with what is already there
	Internal Code = "internal"  // anything else: logged, never shown in detail
)

// Error is what every store method returns on failure. Key is a message key of the
// UI catalogue (the same keys as valid.Problem); Field names the input at fault.
type Error struct {
	Code   Code
	Key    string
	Field  string
	Detail string // English, for logs and tests
	Ref    int64  // on a conflict, the id of the record already there
	Err    error  // the underlying cause, if any
	Op     string // the store operation that failed (SaveWorker), for the log
	Trace  string // the code an internal error was logged under (E-7F3A), once it was shown
}

func (e *Error) Error() string {
	msg := string(e.Code) + ": " + e.Key
	if e.Field != "" {
		msg += " (" + e.Field + ")"
	}
	if e.Detail != "" {
		msg += ": " + e.Detail
	}
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf makes an *Error with a formatted English detail.
func Errorf(code Code, key, format string, args ...any) *Error {
	return &Error{Code: code, Key: key, Detail: fmt.Sprintf(format, args...)}
}

// fieldError turns a validation problem into a store error.
func fieldError(p *valid.Problem) error {
	if p == nil {
		return nil
	}
	return &Error{Code: Invalid, Key: p.Key, Field: p.Field, Detail: p.Detail}
}

// ErrorCode says which kind of failure err is; plain errors are Internal.
func ErrorCode(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	if err == nil {
		return ""
	}
	return Internal
}

// AsError returns the *Error inside err, or nil.
func AsError(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return nil
}

// dbError names what SQLite said in words a screen can translate.
func dbError(err error, path string) error {
	if err == nil {
		return nil
	}
	e := dbError1(err, path)
	if se, ok := e.(*Error); ok && se.Op == "" {
		se.Op = storeOp()
	}
	return e
}

func dbError1(err error, path string) error {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return &Error{Code: Conflict, Key: "db.locked", Detail: path, Err: err}
		case sqlite3.SQLITE_NOTADB:
			return &Error{Code: Invalid, Key: "db.not_sqlite", Detail: path, Err: err}
		case sqlite3.SQLITE_CORRUPT:
			return &Error{Code: Internal, Key: "db.corrupt", Detail: path, Err: err}
		case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM:
			return &Error{Code: Invalid, Key: "db.read", Detail: path, Err: err}
		case sqlite3.SQLITE_FULL:
			return &Error{Code: Internal, Key: "db.full", Detail: path, Err: err}
		}
	}
	if e := pgError(err, path); e != nil {
		return e
	}
	if AsError(err) != nil {
		return err
	}
	return &Error{Code: Internal, Key: "db.error", Err: err}
}

// pgError names what PostgreSQL said, or nil when err did not come from it. A write that lost
// a race with another PC (serialization failure, deadlock, a lock not granted) is a Conflict
// staff can retry; a server that is down or went away is db.unreachable, naming the server.
func pgError(err error, where string) error {
	if IsPostgresURL(where) {
		where = serverOf(where)
	}
	var pe *pgconn.PgError
	var ce *pgconn.ConnectError
	connecting := errors.As(err, &ce)
	if errors.As(err, &pe) {
		switch {
		case pe.Code == "23505":
			return &Error{Code: Conflict, Key: "db.duplicate", Detail: pe.ConstraintName, Err: err}
		case pe.Code == "40001" || pe.Code == "40P01" || pe.Code == "55P03":
			return &Error{Code: Conflict, Key: "db.busy", Detail: where, Err: err}
		case pe.Code == "57P01" || pe.Code == "57P02" || pe.Code == "57P03" || strings.HasPrefix(pe.Code, "08"):
			return &Error{Code: Internal, Key: "db.unreachable", Detail: where, Err: err}
		case pe.Code == "3D000": // the URL names a database the server does not have
			return &Error{Code: Invalid, Key: "db.pg_no_database", Detail: where, Err: err}
		case strings.HasPrefix(pe.Code, "28"): // wrong user or password, or refused by pg_hba
			return &Error{Code: Invalid, Key: "db.pg_auth", Detail: where, Err: err}
		case pe.Code == "53100":
			return &Error{Code: Internal, Key: "db.full", Detail: where, Err: err}
		case connecting:
			// refused while connecting (too many clients, not accepting connections now), not
			// for a wrong password or database name: the server is there but cannot take us
			return &Error{Code: Internal, Key: "db.unreachable", Detail: where, Err: err}
		}
		return nil
	}
	if connecting || errors.Is(err, driver.ErrBadConn) || pgconn.SafeToRetry(err) || pgconn.Timeout(err) {
		return &Error{Code: Internal, Key: "db.unreachable", Detail: where, Err: err}
	}
	return nil
}

// storeOp is the exported store method or function on the stack that made an error: the
// operation the log names (SaveWorker, Backup). Walked only when something failed.
func storeOp() string {
	pcs := make([]uintptr, 48)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(3, pcs)])
	for {
		f, more := frames.Next()
		if rest, ok := strings.CutPrefix(f.Function, "gigdesk/store."); ok {
			rest = strings.TrimPrefix(rest, "(*Store).")
			if rest != "" && unicode.IsUpper(rune(rest[0])) && !strings.ContainsAny(rest, ".[(") {
				return rest
			}
		}
		if !more {
			return ""
		}
	}
}

// isUnique reports a UNIQUE constraint failure, on either engine.
func isUnique(err error) bool {
	var se *sqlite.Error
	var pe *pgconn.PgError
	return errors.As(err, &se) && se.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE ||
		errors.As(err, &pe) && pe.Code == "23505"
}

// notFound maps sql.ErrNoRows to a NotFound error for entity.
func notFound(err error, entity string) error {
	if errors.Is(err, sql.ErrNoRows) {
		return &Error{Code: NotFound, Key: entity + ".not_found", Detail: entity + " not found"}
	}
	return err
}
