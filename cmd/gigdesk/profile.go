package main

import (
	"os"
	"runtime/pprof"
)

// startProfile writes a CPU profile of the whole process to GIGDESK_CPUPROFILE, if set, for
// measuring start-up (go tool pprof gigdesk FILE); stop ends it. Staff never set it.
func startProfile() (stop func()) {
	path := os.Getenv("GIGDESK_CPUPROFILE")
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err != nil {
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}
