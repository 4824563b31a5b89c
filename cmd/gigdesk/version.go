package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"

	"gigdesk/store"
)

// Stamped at build time by .ci/release: -ldflags "-X main.version=… -X main.commit=… -X main.date=…".
var (
	version = ""
	commit  = ""
	date    = ""
)

// buildInfo is the version, commit and build date: as stamped, or else what the Go toolchain
// recorded (the module version, the VCS revision and its time), or "dev"/"unknown".
func buildInfo() (v, c, d string) {
	v, c, d = version, commit, date
	if bi, ok := debug.ReadBuildInfo(); ok {
		if v == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			v = bi.Main.Version
		}
		vcs, modified := "", false
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				vcs = s.Value
			case "vcs.time":
				if d == "" {
					d = s.Value
				}
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
		if c == "" && vcs != "" {
			c = vcs[:min(12, len(vcs))]
			if modified {
				c += "+changes"
			}
		}
	}
	if v == "" {
		v = "dev"
	}
	if c == "" {
		c = "unknown"
	}
	if d == "" {
		d = "unknown"
	}
	return v, c, d
}

func printVersion(w io.Writer) {
	v, c, d := buildInfo()
	fmt.Fprintf(w, "gigdesk %s (commit %s, built %s, %s/%s, schema %d)\n", v, c, d, runtime.GOOS, runtime.GOARCH, store.SchemaVersion())
}
