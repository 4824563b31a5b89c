package store

import (
	"context"
	"fmt"
	"testing"
	"time"

	"gigdesk/store/testdb"
)

// twoPCs opens the same fresh PostgreSQL database twice, as two PCs of a station would, with a
// head on duty; the first one's Watcher listens. PostgreSQL only: SQLite's watcher polls.
func twoPCs(t *testing.T) (reader, writer *Store, w *Watcher, head int64, target string) {
	t.Helper()
	if !testdb.Postgres() {
		t.Skip("PostgreSQL only (set " + testdb.Env + "): LISTEN/NOTIFY and a server that can be lost")
	}
	target = testdb.New(t)
	clock := WithClock(func() time.Time { return fixedNow })
	var err error
	if reader, err = Open(target, clock); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { reader.Close() })
	if writer, err = Open(target, clock); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { writer.Close() })
	h, err := writer.Setup(context.Background(), "后街零工市场", "王芳")
	if err != nil {
		t.Fatal(err)
	}
	if w, err = reader.NewWatcher(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return reader, writer, w, h.ID, target
}

// heardWithin is how long w took to report a change, failing t past limit or on an error
// (but db.unreachable while the server comes back).
func heardWithin(t *testing.T, w *Watcher, limit time.Duration, what string) time.Duration {
	t.Helper()
	start := time.Now()
	for {
		ch, err := w.Changed()
		if e := AsError(err); e != nil && e.Key == "db.unreachable" && what == "the server back" {
			err = nil
		}
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if ch {
			return time.Since(start)
		}
		if time.Since(start) > limit {
			t.Fatalf("%s: no change reported within %v", what, limit)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestListenHearsAnotherPC(t *testing.T) {
	_, writer, w, head, _ := twoPCs(t)
	ctx := context.Background()
	w.Changed() // Setup's commits, made before the watcher listened, may have left nothing; clear it
	for i := range 3 {
		if _, err := writer.AddStaff(ctx, head, fmt.Sprintf("李明%c", '甲'+rune(i)), RoleStaff); err != nil {
			t.Fatal(err)
		}
		took := heardWithin(t, w, time.Second, "another PC's commit")
		t.Logf("commit %d heard after %v", i+1, took)
	}
	// a bulk load (demo data, an import) is a commit too
	if err := writer.Bulk(ctx, func(*Loader) error { return nil }); err != nil {
		t.Fatal(err)
	}
	heardWithin(t, w, time.Second, "a bulk load's commit")
	// a rolled-back write sends nothing
	if _, err := writer.AddStaff(ctx, head, "李明甲", RoleStaff); err == nil {
		t.Fatal("duplicate staff saved")
	}
	time.Sleep(200 * time.Millisecond)
	if ch := must(w.Changed())(t); ch {
		t.Fatal("a rolled-back write was heard")
	}
}

// TestListenAfterSessionsEnd: the listening connection is ended by the server (a restart, the
// network): the watcher takes a new one, reports one change for what it may have missed, and
// hears the next commit; closed, it holds no connection.
func TestListenAfterSessionsEnd(t *testing.T) {
	reader, writer, w, head, target := twoPCs(t)
	ctx := context.Background()
	w.Changed()
	testdb.EndSessions(t, target)
	took := heardWithin(t, w, 2*time.Second, "the reconnect")
	t.Logf("listening again, change reported, after %v", took)
	time.Sleep(100 * time.Millisecond)
	if ch := must(w.Changed())(t); ch {
		t.Fatal("a reconnect reported more than once")
	}
	// the writer's pool held ended connections too: its next save takes a live one
	if _, err := writer.AddStaff(ctx, head, "李明", RoleStaff); err != nil {
		t.Fatalf("the first save after the sessions ended: %v", err)
	}
	heardWithin(t, w, time.Second, "a commit after the reconnect")
	w.Close()
	if n := reader.ConnsInUse(); n != 0 {
		t.Fatalf("a closed watcher holds %d connections", n)
	}
}

// TestListenWhileServerLost: while no connection is let in the watcher says the server is
// unreachable; once it is back, it reports a change and hears commits again.
func TestListenWhileServerLost(t *testing.T) {
	_, writer, w, head, target := twoPCs(t)
	ctx := context.Background()
	back := testdb.LoseServer(t, target)
	deadline := time.Now().Add(3 * time.Second)
	for {
		_, err := w.Changed()
		if e := AsError(err); e != nil && e.Key == "db.unreachable" {
			break
		} else if err != nil {
			t.Fatalf("server lost: %v, want db.unreachable", err)
		}
		if time.Now().After(deadline) {
			t.Fatal("the watcher did not notice the lost server")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if _, err := writer.AddStaff(ctx, head, "李明", RoleStaff); ErrorCode(err) != Internal || AsError(err).Key != "db.unreachable" {
		t.Fatalf("a save with the server lost: %v, want db.unreachable", err)
	}
	// a board opened now gets a watcher that says why it hears nothing, and listens once it can
	late, err := writer.NewWatcher(ctx)
	if err != nil {
		t.Fatalf("a watcher opened with the server lost: %v", err)
	}
	defer late.Close()
	if _, err := late.Changed(); AsError(err) == nil || AsError(err).Key != "db.unreachable" {
		t.Fatalf("a watcher opened with the server lost: Changed says %v, want db.unreachable", err)
	}
	back()
	heardWithin(t, w, 3*time.Second, "the server back")
	heardWithin(t, late, 3*time.Second, "the server back")
	if _, err := writer.AddStaff(ctx, head, "李明", RoleStaff); err != nil {
		t.Fatalf("a save with the server back: %v", err)
	}
	heardWithin(t, w, time.Second, "a commit with the server back")
	heardWithin(t, late, time.Second, "a commit with the server back")
}
