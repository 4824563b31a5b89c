// Package i18n is the one catalogue every string on screen comes from (zh by default, en),
// and the helpers that turn records into words (dates, pay, durations, errors).
//
// It only words things: it never reads the store or decides a record's rules, and an error's
// internals never reach the words (the store's error key does).
package i18n

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"
)

// Lang is a UI language.
type Lang string

const (
	Zh Lang = "zh"
	En Lang = "en"
)

// ParseLang reads a --lang or GIGDESK_LANG value; "" means Chinese.
func ParseLang(s string) (Lang, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "zh", "zh_cn", "zh-cn", "cn", "chinese", "中文":
		return Zh, nil
	case "en", "en_us", "en-us", "en_gb", "english":
		return En, nil
	}
	return "", fmt.Errorf("unknown language %q (use zh or en)", s)
}

// FromEnv is the language from GIGDESK_LANG, Chinese when unset or unknown.
func FromEnv() Lang {
	l, err := ParseLang(os.Getenv("GIGDESK_LANG"))
	if err != nil {
		return Zh
	}
	return l
}

var (
	mu      sync.RWMutex
	entries = map[string][2]string{} // key → {zh, en}
)

// add registers entries; each screen's strings live in their own file of this package.
func add(m map[string][2]string) {
	mu.Lock()
	defer mu.Unlock()
	for k, v := range m {
		if _, dup := entries[k]; dup {
			panic("i18n: key defined twice: " + k)
		}
		entries[k] = v
	}
}

// Keys lists every key in the catalogue, sorted.
func Keys() []string {
	mu.RLock()
	defer mu.RUnlock()
	keys := make([]string, 0, len(entries))
	for k := range entries {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Has reports whether key is in the catalogue.
func Has(key string) bool {
	mu.RLock()
	defer mu.RUnlock()
	_, ok := entries[key]
	return ok
}

// Text returns key's raw text in lang, and whether it exists.
func Text(lang Lang, key string) (string, bool) {
	mu.RLock()
	defer mu.RUnlock()
	v, ok := entries[key]
	if !ok {
		return "", false
	}
	if lang == En {
		return v[1], true
	}
	return v[0], true
}

// Catalog speaks one language.
type Catalog struct {
	Lang Lang
	// Log, when set, records every internal error Err words and gives the code shown with it.
	Log Reporter
}

// Reporter logs an internal error with its operation and cause and returns its short code
// (oplog.Log is one).
type Reporter interface {
	Internal(op string, err error, args ...any) string
}

// New returns the catalogue for lang.
func New(lang Lang) *Catalog { return &Catalog{Lang: lang} }

// T is key's text, formatted with args (fmt verbs). A missing key shows as «key» so a test
// or a person notices rather than seeing nothing.
func (c *Catalog) T(key string, args ...any) string {
	s, ok := Text(c.Lang, key)
	if !ok {
		return "«" + key + "»"
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}

// Has reports whether key exists (for keys built from record values).
func (c *Catalog) Has(key string) bool { return Has(key) }

// Zh reports whether this catalogue speaks Chinese.
func (c *Catalog) Zh() bool { return c.Lang != En }
