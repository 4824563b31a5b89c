package i18n

import (
	"errors"
	"strings"
	"testing"

	"gigdesk/store"
)

type countingLog struct{ ops []string }

func (l *countingLog) Internal(op string, err error, args ...any) string {
	l.ops = append(l.ops, op)
	return "E-00AB"
}

func TestErrTracesInternalErrorsOnce(t *testing.T) {
	log := &countingLog{}
	for _, lang := range []Lang{Zh, En} {
		c := New(lang)
		c.Log = log
		se := &store.Error{Code: store.Internal, Key: "db.full", Op: "SaveWorker", Err: errors.New("disk full")}
		first, again := c.Err(se), c.Err(se)
		if first != again || !strings.Contains(first, "E-00AB") || strings.Count(first, "E-00AB") != 1 {
			t.Fatalf("%s: %q then %q", lang, first, again)
		}
		if got := c.Err(&store.Error{Code: store.Invalid, Key: "worker.years"}); strings.Contains(got, "E-") {
			t.Fatalf("a refusal got a code: %q", got)
		}
		if got := c.Err(errors.New("boom")); !strings.Contains(got, "E-00AB") {
			t.Fatalf("a plain error has no code: %q", got)
		}
	}
	if len(log.ops) != 4 || log.ops[0] != "SaveWorker" || log.ops[1] != "" {
		t.Fatalf("logged %q", log.ops)
	}
}
