package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"gigdesk/tui/i18n"
)

// TestHalfMadeDemoIsMadeAgain: a demo file cut short (the fill runs without a journal) is
// thrown away and made again when it is the default demo file, and left alone when it was
// named with --db.
func TestHalfMadeDemoIsMadeAgain(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "demo.db")
	garbage := bytes.Repeat([]byte("not a database "), 300)
	if err := os.WriteFile(path, garbage, 0o600); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	env := &Env{Stdout: &out, Stderr: &errOut, Now: time.Now, Lang: i18n.Zh}
	if _, err := openDemo(context.Background(), env, path, false); err == nil {
		t.Fatal("a broken demo file named with --db was opened")
	}
	if b, _ := os.ReadFile(path); !bytes.Equal(b, garbage) {
		t.Fatal("a demo file named with --db was changed")
	}
	s, err := openDemo(context.Background(), env, path, true)
	if err != nil {
		t.Fatalf("the default demo file was not made again: %v", err)
	}
	defer s.Close()
	st, err := s.Settings(context.Background())
	if err != nil || !st.Configured() {
		t.Fatalf("the demo made again has no station: %+v %v", st, err)
	}
}
