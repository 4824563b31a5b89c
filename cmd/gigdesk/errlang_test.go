package main

import (
	"strings"
	"testing"

	"gigdesk/store"
)

// A failing subcommand's one line is in the language it was given with --lang, whether the
// mistake is on the command line or comes back from the store; the store's error stays reachable.
func TestErrorLineInChosenLanguage(t *testing.T) {
	t.Setenv("GIGDESK_LANG", "")
	path := setUpStation(t)
	for _, tc := range []struct {
		args  []string
		want  string
		store bool
	}{
		{[]string{"match", "--db", path, "--lang", "en"}, "--job N is required", false},
		{[]string{"match", "--db", path}, "缺少 --job N", false},
		{[]string{"match", "--db", path, "--job", "1", "--format", "xml", "--lang", "en"}, `Unknown --format "xml"`, false},
		{[]string{"report", "--db", path, "extra"}, `多余的参数："extra"`, false},
		{[]string{"frob"}, `没有这个命令："frob"`, false},
		{[]string{"match", "--db", path, "--job", "99999", "--lang", "en"}, "That job was not found.", true},
		{[]string{"match", "--db", path, "--job", "99999"}, "找不到这个需求。", true},
	} {
		_, err := gd(t, tc.args...)
		if err == nil || err.Error() != tc.want && !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%v: got %v, want %q", tc.args, err, tc.want)
			continue
		}
		if tc.store && store.AsError(err) == nil {
			t.Errorf("%v: the store's error is lost in %T", tc.args, err)
		}
	}
}
