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
func DefaultStyles() *Styles {
	accent := lipgloss.AdaptiveColor{Light: "#0B5FA5", Dark: "#6CB6FF"}
	subtle := lipgloss.AdaptiveColor{Light: "#6B6B6B", Dark: "#9A9A9A"}
	red := lipgloss.AdaptiveColor{Light: "#B00020", Dark: "#FF6B6B"}
	amber := lipgloss.AdaptiveColor{Light: "#8A5A00", Dark: "#FFC857"}
	green := lipgloss.AdaptiveColor{Light: "#1B7F3B", Dark: "#7BD88F"}
	s := &Styles{}
	s.App = lipgloss.NewStyle()
	s.Header = lipgloss.NewStyle().Bold(true)
	s.Station = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.Demo = lipgloss.NewStyle().Bold(true).Reverse(true).Foreground(amber)
	s.Tab = lipgloss.NewStyle().Padding(0, 1).Foreground(subtle)
	s.TabActive = lipgloss.NewStyle().Padding(0, 1).Bold(true).Reverse(true).Foreground(accent)
	s.TabBar = lipgloss.NewStyle().BorderStyle(lipgloss.NormalBorder()).BorderBottom(true).BorderForeground(subtle)
	s.Footer = lipgloss.NewStyle().Foreground(subtle)
	s.StatusOK = lipgloss.NewStyle().Foreground(green)
	s.StatusErr = lipgloss.NewStyle().Foreground(red).Bold(true)
	s.Path = lipgloss.NewStyle().Foreground(subtle)
	s.Title = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.Subtle = lipgloss.NewStyle().Foreground(subtle)
	s.Label = lipgloss.NewStyle().Bold(true)
	s.Required = lipgloss.NewStyle().Foreground(red)
	s.Error = lipgloss.NewStyle().Foreground(red)
	s.Warning = lipgloss.NewStyle().Foreground(amber)
	s.Good = lipgloss.NewStyle().Foreground(green)
	s.Row = lipgloss.NewStyle()
	s.RowActive = lipgloss.NewStyle().Reverse(true)
	s.Box = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(subtle).Padding(0, 1)
	s.Dialog = lipgloss.NewStyle().Border(lipgloss.DoubleBorder()).BorderForeground(accent).Padding(1, 2)
	s.HelpKey = lipgloss.NewStyle().Bold(true)
	s.HelpDesc = lipgloss.NewStyle().Foreground(subtle)
	s.Urgent = lipgloss.NewStyle().Foreground(red).Bold(true)
	s.Changed = lipgloss.NewStyle().Foreground(amber).Bold(true)
	s.Bar = lipgloss.NewStyle().Foreground(accent)
	s.Big = lipgloss.NewStyle().Bold(true)
	s.Card = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(accent).Padding(0, 2)
	s.KioskTitle = lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Color("#FFFFFF")).Background(lipgloss.Color("#0B5FA5"))
	s.KioskClock = lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Color("#FFFFFF")).Background(lipgloss.Color("#0B5FA5"))
	s.KioskStat = lipgloss.NewStyle().Bold(true).Foreground(green)
	s.KioskHead = lipgloss.NewStyle().Bold(true).Underline(true)
	s.KioskRow = lipgloss.NewStyle().Bold(true)
	s.KioskRowAlt = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.KioskUrgent = lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Color("#FFFFFF")).Background(lipgloss.Color("#B00020"))
	s.KioskPay = lipgloss.NewStyle().Bold(true).Foreground(green)
	s.KioskTicker = lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Color("#000000")).Background(lipgloss.Color("#FFC857"))
	s.KioskFoot = lipgloss.NewStyle().Foreground(subtle)
	return s
}
