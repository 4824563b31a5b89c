// Package tui is gigdesk's terminal UI. The root model (this package) routes between the
// screens, draws the header, tabs and footer around them, keeps the staff member on duty, the
// idle lock and the start-up check, and hands every screen one shared common.Common.
//
// Read it top-down: model.go (state, New, Init, the pages, size), update.go (messages and
// routing), keys.go (keys that work everywhere), view.go and help.go (rendering only),
// lock.go (who is on duty: the staff chooser, sign-in and the idle lock), admin.go (the
// head's Admin area) and startup.go (the settings load, the start-up check and the day's
// backup).
//
// The root never writes SQL and never draws a screen's body: it calls the store through the
// screens' and its own tea.Cmds, and leaves each page to its package under tui/.
package tui
