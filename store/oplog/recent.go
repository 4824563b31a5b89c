package oplog

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

var now = time.Now

// Entry is one internal error as the log holds it.
type Entry struct {
	Time  time.Time
	Code  string
	Op    string
	Cause string
}

// Recent is the last n internal errors, newest first: read from the file (so errors of
// earlier runs count too), or from memory for a log that is not a file.
func (l *Log) Recent(n int) []Entry {
	if l == nil {
		return nil
	}
	if l.path != "" {
		es, err := ReadRecent(l.path, n)
		if err == nil {
			return es
		}
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make([]Entry, 0, n)
	for i := len(l.recent) - 1; i >= 0 && len(out) < n; i-- {
		out = append(out, l.recent[i])
	}
	return out
}

// ReadRecent reads the last n internal errors, newest first, from the log at path and the
// newest of its rotated copies. A missing log has no errors.
func ReadRecent(path string, n int) ([]Entry, error) {
	var all []Entry
	for _, p := range append(rotated(path), path) {
		es, err := readErrors(p)
		if err != nil {
			if os.IsNotExist(err) {
				continue
			}
			return nil, err
		}
		all = append(all, es...)
	}
	out := make([]Entry, 0, n)
	for i := len(all) - 1; i >= 0 && len(out) < n; i-- {
		out = append(out, all[i])
	}
	return out, nil
}

// rotated is the newest rotated copy of path (lumberjack names them name-<time>.ext), if any.
func rotated(path string) []string {
	ext := filepath.Ext(path)
	old, _ := filepath.Glob(strings.TrimSuffix(path, ext) + "-*" + ext)
	if len(old) == 0 {
		return nil
	}
	sort.Strings(old) // the time in the name sorts oldest first
	return old[len(old)-1:]
}

func readErrors(path string) ([]Entry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Entry
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		line := sc.Bytes()
		if !strings.Contains(string(line), MsgInternal) {
			continue
		}
		var rec struct {
			Time  time.Time `json:"time"`
			Msg   string    `json:"msg"`
			Code  string    `json:"code"`
			Op    string    `json:"op"`
			Cause string    `json:"cause"`
		}
		if json.Unmarshal(line, &rec) != nil || rec.Msg != MsgInternal {
			continue // a torn last line after a crash is skipped, not fatal
		}
		out = append(out, Entry{Time: rec.Time, Code: rec.Code, Op: rec.Op, Cause: rec.Cause})
	}
	return out, sc.Err()
}
