package oplog

import (
	"context"
	"log/slog"
	"regexp"
	"strings"
	"unicode"
)

// Personal is implemented by the store's records that carry a person's data (workers,
// employers, staff): such a value is never written, whatever key it is logged under.
type Personal interface{ PersonalData() }

// Masked is what the log shows instead of a personal value.
const Masked = "[personal]"

// personalKeys are attribute keys whose values are a person's data whatever their type.
var personalKeys = []string{"name", "phone", "mobile", "idno", "id_number", "id_card", "contact", "address", "pin"}

// Mask wraps h so every record passes through one place that removes personal data: values
// of personal types and of personal keys are replaced, and every string (the message, error
// causes, paths) has its Chinese text and long digit runs (phones, ID numbers) blotted out.
func Mask(h slog.Handler) slog.Handler { return maskHandler{h} }

type maskHandler struct{ next slog.Handler }

func (m maskHandler) Enabled(ctx context.Context, l slog.Level) bool { return m.next.Enabled(ctx, l) }

func (m maskHandler) Handle(ctx context.Context, r slog.Record) error {
	out := slog.NewRecord(r.Time, r.Level, Scrub(r.Message), r.PC)
	r.Attrs(func(a slog.Attr) bool {
		out.AddAttrs(maskAttr(a))
		return true
	})
	return m.next.Handle(ctx, out)
}

func (m maskHandler) WithAttrs(as []slog.Attr) slog.Handler {
	masked := make([]slog.Attr, len(as))
	for i, a := range as {
		masked[i] = maskAttr(a)
	}
	return maskHandler{m.next.WithAttrs(masked)}
}

func (m maskHandler) WithGroup(name string) slog.Handler { return maskHandler{m.next.WithGroup(name)} }

func maskAttr(a slog.Attr) slog.Attr {
	if personalKey(a.Key) {
		return slog.String(a.Key, Masked)
	}
	v := a.Value
	if v.Kind() == slog.KindAny {
		if _, ok := v.Any().(Personal); ok {
			return slog.String(a.Key, Masked)
		}
	}
	v = v.Resolve()
	switch v.Kind() {
	case slog.KindString:
		return slog.String(a.Key, Scrub(v.String()))
	case slog.KindGroup:
		group := v.Group()
		masked := make([]slog.Attr, len(group))
		for i, g := range group {
			masked[i] = maskAttr(g)
		}
		return slog.Attr{Key: a.Key, Value: slog.GroupValue(masked...)}
	case slog.KindAny:
		if _, ok := v.Any().(Personal); ok {
			return slog.String(a.Key, Masked)
		}
		if err, ok := v.Any().(error); ok {
			return slog.String(a.Key, Scrub(err.Error()))
		}
		// anything else is written as text, so it passes the same scrub as a string
		return slog.String(a.Key, Scrub(slog.AnyValue(v.Any()).String()))
	}
	return slog.Attr{Key: a.Key, Value: v}
}

func personalKey(k string) bool {
	k = strings.ToLower(k)
	for _, p := range personalKeys {
		if k == p || strings.HasSuffix(k, "_"+p) || strings.HasPrefix(k, p+"_") {
			return true
		}
	}
	return false
}

// longDigits is a run of seven or more digits (a phone, an ID number, a landline), with an
// ID number's final X.
var longDigits = regexp.MustCompile(`[0-9]{7,}[Xx]?`)

// Scrub removes from s what could name or reach a person: every run of Chinese (or other
// CJK) text becomes * and every long digit run becomes #. The log's own words are English.
func Scrub(s string) string {
	if s == "" {
		return s
	}
	s = longDigits.ReplaceAllString(s, "#")
	if !hasCJK(s) {
		return s
	}
	var b strings.Builder
	prev := false
	for _, r := range s {
		cjk := isCJK(r)
		if cjk && !prev {
			b.WriteString("*")
		} else if !cjk {
			b.WriteRune(r)
		}
		prev = cjk
	}
	return b.String()
}

func hasCJK(s string) bool {
	for _, r := range s {
		if isCJK(r) {
			return true
		}
	}
	return false
}

func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Bopomofo)
}
