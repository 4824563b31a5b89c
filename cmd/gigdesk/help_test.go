package main

import (
	"errors"
	"strings"
	"testing"
)

// Every command's --help is worded from the catalogue in the language asked for, lists its
// options, and ends well; `gigdesk help` names every command with what it is for.
func TestHelpSpeaksTheStaffLanguage(t *testing.T) {
	forms := [][]string{{"--help"}, {"export", "workers", "--help"}, {"import", "workers", "--help"},
		{"privacy", "export", "--help"}, {"privacy", "erase", "--help"}, {"export", "--help"}, {"privacy", "--help"}}
	for name := range subcommands {
		if name != "export" && name != "import" && name != "privacy" {
			forms = append(forms, []string{name, "--help"})
		}
	}
	for _, lang := range []struct{ code, options, not string }{{"zh", "选项：", "Options:"}, {"en", "Options:", "选项："}} {
		t.Setenv("GIGDESK_LANG", lang.code)
		for _, args := range forms {
			out, err := gd(t, args...)
			if !errors.Is(err, errHelped) {
				t.Errorf("%s %v: err %v, want the help shown and a good end", lang.code, args, err)
			}
			if strings.Contains(out, "«") || strings.Contains(out, "flag.") {
				t.Errorf("%s %v: a catalogue key shows through:\n%s", lang.code, args, out)
			}
			if strings.Contains(out, lang.not) || !strings.Contains(out, lang.options) && !strings.Contains(out, "--help") {
				t.Errorf("%s %v: not in its language:\n%s", lang.code, args, out)
			}
		}
		out, err := gd(t, "help")
		if err != nil {
			t.Fatal(err)
		}
		for name := range subcommands {
			if !strings.Contains(out, "gigdesk "+name+" ") {
				t.Errorf("%s: gigdesk help does not name %s:\n%s", lang.code, name, out)
			}
		}
		if strings.Contains(out, "«") {
			t.Errorf("%s: gigdesk help shows a catalogue key:\n%s", lang.code, out)
		}
	}
}

// A mistyped option is one line in the user's language naming it and where to look, never the
// flag package's English; --lang before the mistake is honoured.
func TestBadOptionsAreWorded(t *testing.T) {
	t.Setenv("GIGDESK_LANG", "zh")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"report", "--bogus"}, "没有这个选项：--bogus（gigdesk report --help 列出全部选项）"},
		{[]string{"report", "--date"}, "选项 --date 后面要写一个值"},
		{[]string{"match", "--job", "x"}, "选项 --job 的值不对（gigdesk match --help 有说明）"},
		{[]string{"board", "--kiosk=maybe"}, "选项 --kiosk 的值不对"},
		{[]string{"--nope"}, "没有这个选项：--nope（gigdesk --help 列出全部选项）"},
		{[]string{"report", "--lang", "en", "--bogus"}, "Unknown option --bogus (gigdesk report --help lists them)"},
	} {
		out, err := gd(t, c.args...)
		if err == nil || errors.Is(err, errHelped) {
			t.Errorf("%v: err %v, want a refusal", c.args, err)
			continue
		}
		if err.Error() != c.want && !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%v: said %q, want %q", c.args, err.Error(), c.want)
		}
		if strings.Contains(out+err.Error(), "flag provided") || strings.Contains(out, "选项：") || strings.Contains(out, "Options:") {
			t.Errorf("%v: printed the flag package's words or a page of help:\n%s", c.args, out)
		}
	}
}
