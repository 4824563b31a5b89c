package common

import (
	"slices"
	"testing"
)

func TestLayout(t *testing.T) {
	tests := []struct {
		name  string
		cols  []Column
		total int
		want  []int
	}{
		{"all fit, rest is margin", []Column{{Min: 2, Need: 5}, {Min: 2, Need: 8}}, 40, []int{5, 8}},
		{"minimums when nothing else fits", []Column{{Min: 4, Need: 9}, {Min: 6, Need: 9}}, 8, []int{4, 6}},
		{"short texts fit first, the longest is cut", []Column{{Min: 1, Need: 4}, {Min: 1, Need: 30}, {Min: 1, Need: 6}}, 22, []int{4, 10, 6}},
		{"cap holds while others are short", []Column{{Min: 2, Max: 10, Need: 40}, {Min: 2, Need: 20}}, 31, []int{10, 20}},
		{"past the cap when all others fit", []Column{{Min: 2, Max: 10, Need: 40}, {Min: 2, Need: 20}}, 41, []int{20, 20}},
		{"flex takes what is left", []Column{{Min: 3, Need: 3}, {Min: 5, Need: 8, Flex: 1}}, 20, []int{3, 16}},
		{"flex shares by weight", []Column{{Need: 2, Flex: 1}, {Need: 2, Flex: 3}}, 13, []int{4, 8}},
		{"no columns", nil, 10, []int{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Layout(tt.cols, tt.total, 1)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Layout(%v, %d) = %v, want %v", tt.cols, tt.total, got, tt.want)
			}
		})
	}
}

func TestFit(t *testing.T) {
	var c Column
	c.Fit("ab", "张三丰", "")
	if c.Need != 6 {
		t.Errorf("Need = %d, want 6 (wide characters count two cells)", c.Need)
	}
}

func TestFitHint(t *testing.T) {
	for _, tt := range []struct {
		width int
		want  string
	}{{40, "type a trade or pinyin initials"}, {31, "trade or pinyin"}, {18, "trade or pinyin"}} {
		if got := FitHint(tt.width, "type a trade or pinyin initials", "trade or pinyin"); got != tt.want {
			t.Errorf("FitHint(%d) = %q, want %q", tt.width, got, tt.want)
		}
	}
}
