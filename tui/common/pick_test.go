package common

import "testing"

func TestPick(t *testing.T) {
	tests := []struct {
		name              string
		sel, n, move, row int
		open              bool
		wantSel           int
		wantOpen          bool
	}{
		{"wheel down", 2, 5, 1, -1, false, 3, false},
		{"wheel past the end stays on the last", 4, 5, 1, -1, false, 4, false},
		{"wheel up past the top stays on the first", 0, 5, -1, -1, false, 0, false},
		{"wheel on an empty list", 0, 0, 1, -1, false, 0, false},
		{"click picks", 0, 5, 0, 3, false, 3, false},
		{"double click opens", 0, 5, 0, 3, true, 3, true},
		{"nothing under the pointer", 2, 5, 0, -1, false, 2, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sel := tt.sel
			open := Pick(&sel, tt.n, tt.move, tt.row, tt.open)
			if sel != tt.wantSel || open != tt.wantOpen {
				t.Errorf("Pick = sel %d open %v, want %d %v", sel, open, tt.wantSel, tt.wantOpen)
			}
		})
	}
}
