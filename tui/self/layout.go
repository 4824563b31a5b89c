package self

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// A screen of the terminal is a column of blocks: lines of text, or a row of buttons of equal
// width. View draws the blocks and the mouse finds the button under a tap from the same
// layout, worked out from the model alone, so what is drawn and what is tapped never differ.

// act is what a button does.
type act int

const (
	actNone  act = iota
	actDigit     // n is the digit
	actDel
	actOK
	actBack
	actNew    // pre-registration
	actExit   // end the session
	actSignIn // today's sign-in
	actJobs   // jobs for me
	actMine   // my requests
	actJob    // n is the job's index in the list
	actPrev   // the list's previous page
	actMore   // the list's next page
	actAsk    // "我想去"
	actWithdraw
	actDone  // the result read: back to the start
	actTrade // n is the trade's ID
	actPlace // n is the community's ID
	actNext
	actSubmit // the pre-registration checked
)

// button is one tappable choice; sub is an optional second line.
type button struct {
	label, sub string
	key        string // the key that presses it too ("1", "enter", "backspace"); "" for none
	act        act
	n          int64
	on         bool // chosen (a trade picked)
}

// block is a run of text lines or one row of buttons.
type block struct {
	lines   []string
	buttons []button
	height  int // of a button row
}

func text(lines ...string) block { return block{lines: lines} }

func row(height int, bs ...button) block { return block{buttons: bs, height: height} }

func (b block) rows() int {
	if len(b.buttons) > 0 {
		return b.height
	}
	return len(b.lines)
}

// frame is where the screen's content sits: a column of at most maxWidth cells, centred.
type frame struct {
	left, width int
}

const maxWidth = 110

func frameOf(width int) frame {
	w := min(max(width, 20), maxWidth)
	return frame{left: max((width-w)/2, 0), width: w}
}

// buttonWidth is the width of each of n buttons across the frame, a cell between them.
func (f frame) buttonWidth(n int) int { return max((f.width-(n-1))/n, 4) }

// hit finds the button at screen cell (x, y), or false.
func hit(blocks []block, f frame, x, y int) (button, bool) {
	top := 0
	for _, b := range blocks {
		h := b.rows()
		if y >= top && y < top+h && len(b.buttons) > 0 {
			bw := f.buttonWidth(len(b.buttons))
			dx := x - f.left
			if dx < 0 {
				return button{}, false
			}
			i, at := dx/(bw+1), dx%(bw+1)
			if i < len(b.buttons) && at < bw {
				return b.buttons[i], true
			}
			return button{}, false
		}
		top += h
	}
	return button{}, false
}

// render draws the blocks into a screen of width × height; focus is the flat index of the
// button the keyboard is on (-1 for none).
func (m *Model) render(blocks []block, width, height, focus int) string {
	f := frameOf(width)
	pad := strings.Repeat(" ", f.left)
	var out []string
	k := 0
	for _, b := range blocks {
		if len(b.buttons) == 0 {
			for _, l := range b.lines {
				out = append(out, pad+ansi.Truncate(l, f.width, "…"))
			}
			continue
		}
		bw := f.buttonWidth(len(b.buttons))
		cells := make([]string, len(b.buttons))
		for i, bt := range b.buttons {
			cells[i] = m.drawButton(bt, bw, b.height, k == focus)
			k++
		}
		joined := lipgloss.JoinHorizontal(lipgloss.Top, interleave(cells, strings.TrimSuffix(strings.Repeat(" \n", b.height), "\n"))...)
		for _, l := range strings.Split(joined, "\n") {
			out = append(out, pad+l)
		}
	}
	if len(out) > height {
		out = out[:height]
	}
	return strings.Join(out, "\n")
}

func interleave(cells []string, gap string) []string {
	out := make([]string, 0, 2*len(cells))
	for i, c := range cells {
		if i > 0 {
			out = append(out, gap)
		}
		out = append(out, c)
	}
	return out
}

// drawButton is one button as a box of w × h cells, its label (and sub line) centred.
func (m *Model) drawButton(b button, w, h int, focused bool) string {
	st := m.c.Styles
	label := st.KioskRow.Render(ansi.Truncate(b.label, w-4, "…"))
	if b.on {
		label = st.KioskPay.Render(ansi.Truncate("✓ "+b.label, w-4, "…"))
	}
	body := label
	if b.sub != "" {
		body += "\n" + st.Subtle.Render(ansi.Truncate(b.sub, w-4, "…"))
	}
	border := lipgloss.RoundedBorder()
	colour := lipgloss.Color("#888888")
	if focused {
		border, colour = lipgloss.ThickBorder(), lipgloss.Color("#0B5FA5")
	}
	inner := max(h-2, 1)
	return st.App.Border(border).BorderForeground(colour).Width(w-2).Height(inner).MaxHeight(h).
		Align(lipgloss.Center, lipgloss.Center).Render(body)
}

// buttonsOf lists the blocks' buttons in order: the keyboard's focus moves along it.
func buttonsOf(blocks []block) []button {
	var out []button
	for _, b := range blocks {
		out = append(out, b.buttons...)
	}
	return out
}
