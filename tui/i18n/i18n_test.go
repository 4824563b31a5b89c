package i18n

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gigdesk/store"
	"gigdesk/store/valid"
)

func TestEveryKeyHasBothLanguages(t *testing.T) {
	for _, k := range Keys() {
		for _, lang := range []Lang{Zh, En} {
			if s, _ := Text(lang, k); strings.TrimSpace(s) == "" {
				t.Errorf("%s has no %s text", k, lang)
			}
		}
	}
}

// repoRoot is two folders up from tui/i18n.
func repoRoot(t *testing.T) string {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

var (
	// c.T("key"…), Cat.T("key"…), t("key"…): every literal key handed to the catalogue
	tCall = regexp.MustCompile(`\bT\("([a-z0-9_.]+)"|\bt\("([a-z0-9_.]+)"|[(, ]"(flag\.[a-z0-9_.-]+)"|"(cli\.usage\.[a-z]+)"`)
	// store errors: Key: "worker.phone_taken" and Errorf(Code, "key", …)
	storeKey = regexp.MustCompile(`Key:\s*"([a-z0-9_.]+)"|Errorf\(\w+,\s*"([a-z0-9_.]+)"`)
)

// TestEveryUsedKeyExists reads the source: a key used in code but missing from the catalogue fails.
func TestEveryUsedKeyExists(t *testing.T) {
	root := repoRoot(t)
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		if strings.HasPrefix(rel, "tui") || strings.HasPrefix(rel, "cmd") {
			for _, m := range tCall.FindAllStringSubmatch(string(src), -1) {
				key := m[1] + m[2] + m[3] + m[4]
				if !strings.HasSuffix(key, ".") && !Has(key) { // a key ending in "." is a prefix completed at run time
					t.Errorf("%s uses %q, which the catalogue lacks", rel, key)
				}
			}
		}
		if strings.HasPrefix(rel, "store") {
			for _, m := range storeKey.FindAllStringSubmatch(string(src), -1) {
				key := m[1] + m[2]
				if !Has("err." + key) {
					t.Errorf("%s returns error key %q; add err.%s to the catalogue", rel, key, key)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestEveryValidationProblemHasWords(t *testing.T) {
	for _, k := range valid.Keys {
		if !Has("err." + k) {
			t.Errorf("valid problem %q has no err.%s text", k, k)
		}
	}
}

func TestErrSpeaksTheStaffLanguage(t *testing.T) {
	zh, en := New(Zh), New(En)
	err := &store.Error{Code: store.Conflict, Key: "worker.phone_taken"}
	if got := zh.Err(err); got != "这个手机号已登记过。" {
		t.Errorf("zh = %q", got)
	}
	if got := en.Err(err); got != "This phone number is already registered." {
		t.Errorf("en = %q", got)
	}
	if got := en.Err(&store.Error{Code: store.NotFound, Key: "no.such.key"}); got != "That record was not found." {
		t.Errorf("unknown key falls back to the code: %q", got)
	}
	if got := zh.Err(errors.New("disk I/O error at 0x1234")); strings.Contains(got, "0x1234") {
		t.Errorf("internal details shown to staff: %q", got)
	}
	if _, p := valid.Phone("12345"); zh.Err(p) == "" {
		t.Error("validation problem has no words")
	}
}

func TestParseLang(t *testing.T) {
	for in, want := range map[string]Lang{"": Zh, "zh": Zh, "EN": En, "en_US": En} {
		if got, err := ParseLang(in); err != nil || got != want {
			t.Errorf("ParseLang(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := ParseLang("fr"); err == nil {
		t.Error("fr accepted")
	}
}
