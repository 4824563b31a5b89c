//go:build !windows

package main

import (
	"runtime"
	"slices"
	"syscall"
	"testing"
	"time"
)

// eightSignedIn is a served station with eight counters connected, each signed in as its own clerk.
func eightSignedIn(b *testing.B) (*served, []*counter) {
	b.Helper()
	sv := startServeHooked(b, "en", func(db string) { stationWithClerks(b, db, 8) }, nil)
	cts := make([]*counter, 8)
	for i := range cts {
		cts[i] = sv.openCounter(b)
		signIn(b, cts[i], i+1)
	}
	return sv, cts
}

// Keystroke to frame over loopback with eight sessions connected: F2 and F1 in turn on one
// counter, timed from the key's write to the first bytes of the frame that answers it.
func BenchmarkServeKeystrokeToFrame(b *testing.B) {
	_, cts := eightSignedIn(b)
	ct := cts[0]
	keys := [][]byte{[]byte("\x1bOQ"), []byte("\x1bOP")} // F2, F1 (the desk opens on F1)
	var took []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		before := len(ct.screen.String())
		began := time.Now()
		ct.stdin.Write(keys[i%2])
		for len(ct.screen.String()) == before {
			if time.Since(began) > 5*time.Second {
				b.Fatal("no frame within 5 s of a key")
			}
			time.Sleep(100 * time.Microsecond)
		}
		took = append(took, time.Since(began))
		time.Sleep(60 * time.Millisecond) // the whole frame is drawn before the next key
	}
	b.StopTimer()
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "ms-median")
	b.ReportMetric(float64(took[len(took)*99/100].Microseconds())/1000, "ms-p99")
}

// Server CPU per idle session (eight signed in, nobody typing) and memory per session; one run
// measures it (-benchtime=1x): the figures are per second of idling, not per iteration.
func BenchmarkServeIdleSession(b *testing.B) {
	sv := startServeHooked(b, "en", func(db string) { stationWithClerks(b, db, 8) }, nil)
	heap := func() uint64 {
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return ms.HeapAlloc
	}
	const idle = 5 * time.Second
	cpu0 := cpuOver(idle)
	h0 := heap()
	cts := make([]*counter, 8)
	for i := range cts {
		cts[i] = sv.openCounter(b)
		signIn(b, cts[i], i+1)
	}
	time.Sleep(time.Second) // the sign-ins' loads are done
	h1 := heap()
	cpu1 := cpuOver(idle)
	b.ReportMetric(float64(max(cpu1-cpu0, 0).Microseconds())/1000/idle.Seconds()/8, "ms-cpu/s/session")
	b.ReportMetric(float64(h1-h0)/8/1024, "KiB/session")
}

// cpuOver is the CPU time this process used (user and system) during d.
func cpuOver(d time.Duration) time.Duration {
	used := func() time.Duration {
		var ru syscall.Rusage
		syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
		return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	start := used()
	time.Sleep(d)
	return used() - start
}
