package store

import "testing"

// must hands back the result of a call that sets a test up, failing the test at once when the
// call failed: `head := must(s.Setup(ctx, "后街零工市场", "王芳"))(t)`.
func must[T any](v T, err error) func(testing.TB) T {
	return func(t testing.TB) T {
		t.Helper()
		if err != nil {
			t.Fatalf("setup: %v", err)
		}
		return v
	}
}
