package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"gigdesk/tui/i18n"
)

// The command line's help comes from the catalogue like every screen: a flag's usage is its
// catalogue key ("flag.report.format"), worded when --help prints it.

// usage lists the desk and every command with what it is for.
func usage(env *Env, w io.Writer) {
	cat := i18n.New(env.Lang)
	names := make([]string, 0, len(subcommands)+2)
	for n := range subcommands {
		names = append(names, n)
	}
	names = append(names, "version", "help")
	sort.Strings(names)
	width := 0
	for _, n := range names {
		width = max(width, len(n))
	}
	fmt.Fprintf(w, "%s\n  %s\n\n%s\n", cat.T("cli.usage"), cat.T("cli.usage_ui"), cat.T("cli.commands"))
	for _, n := range names {
		fmt.Fprintf(w, "  gigdesk %-*s  %s\n", width, n, cat.T("cli.cmd."+n))
	}
}

// flagUsage is one command's --help: how to call it and each option, in the language --lang
// gave (when it came before --help) or else the environment's.
func flagUsage(env *Env, fs *flag.FlagSet) {
	lang := env.Lang
	if f := fs.Lookup("lang"); f != nil {
		if l, err := i18n.ParseLang(f.Value.String()); err == nil {
			lang = l
		}
	}
	cat := i18n.New(lang)
	w := fs.Output()
	if fs.Name() == "gigdesk" {
		usage(&Env{Lang: lang}, w)
	} else {
		fmt.Fprintln(w, cat.T("cli.usage_cmd", fs.Name()))
	}
	fmt.Fprintf(w, "\n%s\n", cat.T("cli.options"))
	fs.VisitAll(func(f *flag.Flag) {
		fmt.Fprintf(w, "  %s\n      %s\n", flagName(cat, f), flagText(cat, f))
	})
}

// flagName is "--name" and, unless it is a switch, the value it takes.
func flagName(cat *i18n.Catalog, f *flag.Flag) string {
	if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
		return "--" + f.Name
	}
	return "--" + f.Name + " " + cat.T("cli.value")
}

// flagText is the option's words, with its default when it has one worth saying.
func flagText(cat *i18n.Catalog, f *flag.Flag) string {
	text := f.Usage
	if strings.HasPrefix(text, "flag.") {
		text = cat.T(text)
	}
	switch f.DefValue {
	case "", "0", "false":
		return text
	}
	return cat.T("cli.with_default", text, f.DefValue)
}

// parse parses args. --help prints the command's help and ends it well; a mistyped option is
// one line in the user's language with where to look, not the flag package's English and a
// page of help.
func parse(fs *flag.FlagSet, args []string) error {
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageErr("err.cli.argument", fs.Arg(0))
	}
	return nil
}

// parseFlags is parse for a command that takes words among its options (import's file).
func parseFlags(fs *flag.FlagSet, args []string) error {
	out, help := fs.Output(), &bytes.Buffer{}
	fs.SetOutput(help)
	err := fs.Parse(args)
	fs.SetOutput(out)
	switch {
	case errors.Is(err, flag.ErrHelp):
		out.Write(help.Bytes())
		return errHelped
	case err != nil:
		ue := flagError(fs.Name(), err)
		if f := fs.Lookup("lang"); f != nil { // --lang came before the mistake: word it so
			if l, lerr := i18n.ParseLang(f.Value.String()); lerr == nil {
				return &worded{err: ue, line: message(i18n.New(l), ue)}
			}
		}
		return ue
	}
	return nil
}

// flagError words the flag package's refusal: an unknown option, one without its value, or a
// value that does not read.
func flagError(command string, err error) usageError {
	help := "gigdesk " + command + " --help"
	if command == "gigdesk" {
		help = "gigdesk --help"
	}
	msg := err.Error()
	for _, c := range []struct{ prefix, key string }{
		{"flag provided but not defined: ", "err.cli.flag_unknown"},
		{"flag needs an argument: ", "err.cli.flag_needs_value"},
		{"invalid boolean value ", "err.cli.flag_bad_value"},
		{"invalid boolean flag ", "err.cli.flag_bad_value"},
		{"invalid value ", "err.cli.flag_bad_value"},
	} {
		if rest, ok := strings.CutPrefix(msg, c.prefix); ok {
			return usageError{key: c.key, args: []any{flagOf(rest), help}}
		}
	}
	return usageError{key: "err.cli.flag_syntax", args: []any{msg, help}}
}

// flagOf finds "-name" in what follows the flag package's prefix and gives it as "--name".
func flagOf(rest string) string {
	for _, by := range []string{"for flag -", "for -"} {
		if i := strings.Index(rest, by); i >= 0 {
			rest = rest[i+len(by)-1:]
			break
		}
	}
	name, _, _ := strings.Cut(rest, ":")
	return "--" + strings.TrimLeft(strings.TrimSpace(name), "-")
}

// isHelp says whether arg asks for help.
func isHelp(arg string) bool {
	switch arg {
	case "-h", "-help", "--help", "help":
		return true
	}
	return false
}

// verbUsage is the help of a command that wants a word first (export workers, privacy erase …):
// how to call it, then the options of one of its forms. Asked for, it ends well; a missing or
// unknown word ends badly.
func verbUsage(env *Env, key string, args []string) error {
	fmt.Fprintln(env.Stderr, i18n.New(env.Lang).T(key))
	if len(args) > 0 && isHelp(args[0]) {
		return errHelped
	}
	return errQuiet
}
