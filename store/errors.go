package store

import (
	"errors"
	"fmt"

	"gigdesk/store/valid"
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
