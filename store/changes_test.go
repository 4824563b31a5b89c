package store

import (
	"context"
	"testing"
	"time"
)

func TestChangesSignalEachCommitAndStopOnCancel(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	a, cancelA := s.Changes()
	b, cancelB := s.Changes()
	defer cancelB()
	head := must(s.Setup(ctx, "后街零工市场", "王芳"))(t)
	for name, ch := range map[string]<-chan struct{}{"a": a, "b": b} {
		select {
		case <-ch:
		case <-time.After(time.Second):
			t.Fatalf("listener %s was not told of the commit", name)
		}
	}
	// a refused write commits nothing and tells nobody
	if _, err := s.AddStaff(ctx, head.ID, "", RoleStaff); err == nil {
		t.Fatal("an empty name was taken")
	}
	cancelA()
	cancelA() // twice is harmless
	if _, ok := <-a; ok {
		t.Error("a cancelled listener still receives")
	}
	select {
	case <-b:
		t.Error("a refused write was signalled")
	default:
	}
	// many writes while nobody reads: the writer never waits, one signal stays pending
	for i := range 5 {
		must(s.AddStaff(ctx, head.ID, []string{"甲", "乙", "丙", "丁", "戊"}[i], RoleStaff))(t)
	}
	if len(b) != 1 {
		t.Errorf("%d signals pending, want 1", len(b))
	}
}
