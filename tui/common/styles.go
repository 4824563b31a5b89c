package common

import "github.com/charmbracelet/lipgloss"

// Styles holds every style of the app, with normal and active variants.
type Styles struct {
	App       lipgloss.Style
	Header    lipgloss.Style
	Station   lipgloss.Style
	Demo      lipgloss.Style
	Tab       lipgloss.Style
	TabActive lipgloss.Style
	TabBar    lipgloss.Style
	Footer    lipgloss.Style
	StatusOK  lipgloss.Style
	StatusErr lipgloss.Style
	Path      lipgloss.Style
	Title     lipgloss.Style
	Subtle    lipgloss.Style
	Label     lipgloss.Style
	Required  lipgloss.Style
	Error     lipgloss.Style
	Warning   lipgloss.Style
	Good      lipgloss.Style
	Row       lipgloss.Style
	RowActive lipgloss.Style
	Box       lipgloss.Style
	Dialog    lipgloss.Style
	HelpKey   lipgloss.Style
	HelpDesc  lipgloss.Style
	Urgent    lipgloss.Style
	Changed   lipgloss.Style
	Bar       lipgloss.Style
	Big       lipgloss.Style
	Card      lipgloss.Style

	// The door screen: large, high-contrast blocks readable across a room.
	KioskTitle  lipgloss.Style
	KioskClock  lipgloss.Style
	KioskStat   lipgloss.Style
	KioskHead   lipgloss.Style
	KioskRow    lipgloss.Style
	KioskRowAlt lipgloss.Style
	KioskUrgent lipgloss.Style
	KioskPay    lipgloss.Style
	KioskTicker lipgloss.Style
	KioskFoot   lipgloss.Style
}

// DefaultStyles uses adaptive colours so light and dark terminals both read well.
func DefaultStyles() *Styles { return StylesFor(lipgloss.DefaultRenderer()) }

// StylesFor builds the styles from r: each SSH session has its own renderer, so colours and
// light/dark follow that session's terminal, not the server's.
func StylesFor(r *lipgloss.Renderer) *Styles {
	accent := lipgloss.AdaptiveColor{Light: "#0B5FA5", Dark: "#6CB6FF"}
	subtle := lipgloss.AdaptiveColor{Light: "#6B6B6B", Dark: "#9A9A9A"}
	red := lipgloss.AdaptiveColor{Light: "#B00020", Dark: "#FF6B6B"}
	amber := lipgloss.AdaptiveColor{Light: "#8A5A00", Dark: "#FFC857"}
	green := lipgloss.AdaptiveColor{Light: "#1B7F3B", Dark: "#7BD88F"}
	s := &Styles{}
	s.App = r.NewStyle()
	s.Header = r.NewStyle().Bold(true)
	s.Station = r.NewStyle().Bold(true).Foreground(accent)
	s.Demo = r.NewStyle().Bold(true).Reverse(true).Foreground(amber)
	s.Tab = r.NewStyle().Padding(0, 1).Foreground(subtle)
	s.TabActive = r.NewStyle().Padding(0, 1).Bold(true).Reverse(true).Foreground(accent)
	s.TabBar = r.NewStyle().BorderStyle(lipgloss.NormalBorder()).BorderBottom(true).BorderForeground(subtle)
	s.Footer = r.NewStyle().Foreground(subtle)
	s.StatusOK = r.NewStyle().Foreground(green)
	s.StatusErr = r.NewStyle().Foreground(red).Bold(true)
	s.Path = r.NewStyle().Foreground(subtle)
	s.Title = r.NewStyle().Bold(true).Foreground(accent)
	s.Subtle = r.NewStyle().Foreground(subtle)
	s.Label = r.NewStyle().Bold(true)
	s.Required = r.NewStyle().Foreground(red)
	s.Error = r.NewStyle().Foreground(red)
	s.Warning = r.NewStyle().Foreground(amber)
	s.Good = r.NewStyle().Foreground(green)
	s.Row = r.NewStyle()
	s.RowActive = r.NewStyle().Reverse(true)
	s.Box = r.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(subtle).Padding(0, 1)
	s.Dialog = r.NewStyle().Border(lipgloss.DoubleBorder()).BorderForeground(accent).Padding(1, 2)
	s.HelpKey = r.NewStyle().Bold(true)
	s.HelpDesc = r.NewStyle().Foreground(subtle)
	s.Urgent = r.NewStyle().Foreground(red).Bold(true)
	s.Changed = r.NewStyle().Foreground(amber).Bold(true)
	s.Bar = r.NewStyle().Foreground(accent)
	s.Big = r.NewStyle().Bold(true)
	s.Card = r.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(accent).Padding(0, 2)
	s.KioskTitle = r.NewStyle().Bold(true).Foreground(lipgloss.Color("#FFFFFF")).Background(lipgloss.Color("#0B5FA5"))
	s.KioskClock = r.NewStyle().Bold(true).Foreground(lipgloss.Color("#FFFFFF")).Background(lipgloss.Color("#0B5FA5"))
	s.KioskStat = r.NewStyle().Bold(true).Foreground(green)
	s.KioskHead = r.NewStyle().Bold(true).Underline(true)
	s.KioskRow = r.NewStyle().Bold(true)
	s.KioskRowAlt = r.NewStyle().Bold(true).Foreground(accent)
	s.KioskUrgent = r.NewStyle().Bold(true).Foreground(lipgloss.Color("#FFFFFF")).Background(lipgloss.Color("#B00020"))
	s.KioskPay = r.NewStyle().Bold(true).Foreground(green)
	s.KioskTicker = r.NewStyle().Bold(true).Foreground(lipgloss.Color("#000000")).Background(lipgloss.Color("#FFC857"))
	s.KioskFoot = r.NewStyle().Foreground(subtle)
	return s
}
