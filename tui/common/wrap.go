package common

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/mattn/go-runewidth"
)

// noLineStart are the marks that never begin a line (。 alone on a line reads as a mistake).
const noLineStart = "。，、；：？！）》」』】…,.;:?!)%"

// Wrap breaks text into lines of at most width cells: at spaces where there are any, between
// any two Chinese characters otherwise, and never so that a line starts with closing
// punctuation (the character before it moves down with it).
func Wrap(text string, width int) []string {
	width = max(width, 2)
	var out []string
	for _, para := range strings.Split(text, "\n") {
		out = append(out, wrapLine(para, width)...)
	}
	return out
}

func wrapLine(s string, width int) []string {
	var lines []string
	rs := []rune(s)
	for lipgloss.Width(string(rs)) > width {
		cut, w := 0, 0
		for cut < len(rs) && w+runewidth.RuneWidth(rs[cut]) <= width {
			w += runewidth.RuneWidth(rs[cut])
			cut++
		}
		if midWord(rs, cut) { // Latin words break at spaces, Chinese between any two characters
			if sp := lastSpace(rs[:cut+1]); sp > 0 {
				cut = sp
			}
		} else if b := lastBreak(rs[:cut]); lipgloss.Width(string(rs[:b])) >= width/2 {
			cut = b // a space or a comma in the line's second half reads better than a hard break
		}
		for cut > 1 && strings.ContainsRune(noLineStart, rs[cut]) {
			cut--
		}
		lines = append(lines, strings.TrimRight(string(rs[:cut]), " "))
		rs = []rune(strings.TrimLeft(string(rs[cut:]), " "))
	}
	return append(lines, string(rs))
}

// lastSpace is the index of the last space in rs that breaks Latin words, 0 for none.
func lastSpace(rs []rune) int {
	for i := len(rs) - 1; i > 0; i-- {
		if rs[i] == ' ' {
			return i
		}
	}
	return 0
}

// midWord says whether cutting rs at i would split a Latin word or number.
func midWord(rs []rune, i int) bool {
	narrow := func(r rune) bool { return r != ' ' && runewidth.RuneWidth(r) == 1 }
	return i > 0 && i < len(rs) && narrow(rs[i-1]) && narrow(rs[i])
}

// lastBreak is the index just after the last space or Chinese comma in rs, 0 for none.
func lastBreak(rs []rune) int {
	for i := len(rs) - 1; i > 0; i-- {
		if rs[i-1] == ' ' || rs[i-1] == '，' || rs[i-1] == '、' || rs[i-1] == '；' || rs[i-1] == '：' {
			return i
		}
	}
	return 0
}
