package store

import (
	"context"
	"gigdesk/store/testdb"
	"testing"
	"time"
)

func TestWatcherSeesOtherHandlesCommits(t *testing.T) {
	ctx := context.Background()
	reader, writer := twoHandles(t)
	w, err := reader.NewWatcher(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()

	if ch, err := w.Changed(); err != nil || ch {
		t.Fatalf("fresh watcher: changed=%v err=%v, want false", ch, err)
	}
	head, err := writer.Setup(ctx, "后街零工市场", "王芳")
	if err != nil {
		t.Fatal(err)
	}
	if !sawChange(t, w) {
		t.Fatal("the other handle's commit was missed")
	}
	if ch := must(w.Changed())(t); ch {
		t.Fatal("a second poll with no commit in between reports a change")
	}
	// Reads by anyone are not changes.
	if _, err := writer.Settings(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := reader.Settings(ctx); err != nil {
		t.Fatal(err)
	}
	if !quiet(t, w) {
		t.Fatal("reads reported as a change")
	}
	// A write through the watcher's own store (another pooled connection) counts too.
	if _, err := reader.AddStaff(ctx, head.ID, "李明", RoleStaff); err != nil {
		t.Fatal(err)
	}
	if !sawChange(t, w) {
		t.Fatal("a commit through the same store's pool was missed")
	}
	// A failed write commits nothing and is not a change.
	if _, err := writer.AddStaff(ctx, head.ID, "李明", RoleStaff); err == nil {
		t.Fatal("duplicate staff saved")
	}
	if !quiet(t, w) {
		t.Fatal("a rolled-back write reported as a change")
	}
	w.Close()
	if _, err := w.Changed(); err == nil {
		t.Fatal("Changed after Close did not fail")
	}
}

// twoHandles opens one fresh station twice, as two gigdesk processes on the same database
// would; both close when the test ends.
func twoHandles(t *testing.T) (reader, writer *Store) {
	t.Helper()
	path := testdb.New(t, "gigdesk.db")
	clock := WithClock(func() time.Time { return fixedNow })
	for _, s := range []**Store{&reader, &writer} {
		var err error
		if *s, err = Open(path, clock); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { (*s).Close() })
	}
	return reader, writer
}

// sawChange waits up to a second for w to report a change: on PostgreSQL the notification
// arrives after the commit, not with it. It then takes the late notifications of the same
// writes (Setup commits several times), so the next check starts clean.
func sawChange(t *testing.T, w *Watcher) bool {
	t.Helper()
	for deadline := time.Now().Add(time.Second); ; time.Sleep(10 * time.Millisecond) {
		if must(w.Changed())(t) {
			if testdb.Postgres() {
				time.Sleep(150 * time.Millisecond)
				must(w.Changed())(t)
			}
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
	}
}

// quiet reports that w sees no change, after giving a notification time to arrive on PostgreSQL.
func quiet(t *testing.T, w *Watcher) bool {
	t.Helper()
	if testdb.Postgres() {
		time.Sleep(150 * time.Millisecond)
	}
	return !must(w.Changed())(t)
}

// BenchmarkWatcherPoll is the cost of one idle poll of the live board.
func BenchmarkWatcherPoll(b *testing.B) {
	s, err := Open(testdb.New(b, "gigdesk.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	w, err := s.NewWatcher(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	defer w.Close()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := w.Changed(); err != nil {
			b.Fatal(err)
		}
	}
}

// TestWatchersShareOneConnection: a station's eight boards hold one connection between them,
// each hears every commit, the last one out gives it back, and closing the store closes the
// watchers still open (so nothing holds the database when the process goes on to remove it).
func TestWatchersShareOneConnection(t *testing.T) {
	ctx := context.Background()
	reader, writer := twoHandles(t)
	var err error
	ws := make([]*Watcher, 8)
	for i := range ws {
		if ws[i], err = reader.NewWatcher(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if n := reader.ConnsInUse(); n != 1 {
		t.Fatalf("eight watchers hold %d connections, want 1", n)
	}
	if _, err := writer.Setup(ctx, "后街零工市场", "王芳"); err != nil {
		t.Fatal(err)
	}
	for i, w := range ws {
		if !sawChange(t, w) {
			t.Fatalf("watcher %d missed the commit", i)
		}
	}
	for _, w := range ws[:7] {
		w.Close()
	}
	if n := reader.ConnsInUse(); n != 1 {
		t.Fatalf("one watcher left holds %d connections, want 1", n)
	}
	ws[7].Close()
	if n := reader.ConnsInUse(); n != 0 {
		t.Fatalf("no watcher left, %d connections held", n)
	}
	// a watcher left open when the store closes is closed with it
	late, err := reader.NewWatcher(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := reader.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := late.Changed(); err == nil {
		t.Fatal("a watcher still answers after its store closed")
	}
	late.Close() // and closing it again is harmless
}
