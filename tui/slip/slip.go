// Package slip writes the dispatch slip (派工单): plain text that any printer or editor takes,
// with both phones in full, so it is made only when staff ask for it (the store audits that).
//
// It renders and saves what it is handed: it never reads the store (callers read the dispatch
// with store.DispatchSlip, which records who saw the phones) and never shows anything on screen.
package slip

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"

	"gigdesk/store"
	"gigdesk/tui/i18n"
)

// Width is the slip's width in cells: it fits an A5 page or an 80-column printer.
const Width = 60

// Slip is everything printed on a dispatch slip.
type Slip struct {
	Station  store.Settings
	Dispatch store.Dispatch
	Records  *store.Catalog
	Staff    string    // who prints it
	Printed  time.Time // station-local
}

// Text renders the slip in cat's language, lines separated by "\n" (the file writer uses CRLF
// for Windows' Notepad).
func (s Slip) Text(cat *i18n.Catalog) string {
	d := s.Dispatch
	loc := s.Printed.Location()
	var b strings.Builder
	rule := strings.Repeat("=", Width)
	center := func(text string) {
		pad := max((Width-lipgloss.Width(text))/2, 0)
		b.WriteString(strings.Repeat(" ", pad) + text + "\n")
	}
	station := s.Station.StationName
	if station == "" {
		station = cat.T("app.name")
	}
	center(station)
	center(cat.T("slip.title"))
	b.WriteString(rule + "\n")
	line := func(label, value string) {
		gap := max(12-lipgloss.Width(label), 1)
		b.WriteString(label + strings.Repeat(" ", gap) + value + "\n")
	}
	trade := fmt.Sprint(d.TradeID)
	if s.Records != nil {
		if t, ok := s.Records.Trade(d.TradeID); ok {
			trade = cat.Trade(t)
		}
	}
	line(cat.T("slip.number"), fmt.Sprintf("%d", d.ID))
	line(cat.T("slip.job"), fmt.Sprintf("%d  %s", d.JobID, trade))
	start, end := d.StartsAt.In(loc), d.EndsAt.In(loc)
	line(cat.T("slip.time"), cat.Date(start)+" "+start.Format("15:04")+" – "+cat.EndClock(start, end)+" ("+cat.Duration(end.Sub(start))+")")
	addr := d.Address
	if s.Records != nil {
		if p, ok := s.Records.Place(d.CommunityID); ok {
			addr = strings.TrimSpace(p.Name + " " + addr)
		}
	}
	line(cat.T("slip.address"), addr)
	b.WriteString(strings.Repeat("-", Width) + "\n")
	employer := d.EmployerName
	if d.Contact != "" && d.Contact != d.EmployerName {
		employer += " (" + d.Contact + ")"
	}
	line(cat.T("slip.employer"), employer)
	line(cat.T("slip.employer_phone"), d.EmployerPhone)
	line(cat.T("slip.worker"), fmt.Sprintf("%s  (%s %d)", d.WorkerName, cat.T("slip.worker_no"), d.WorkerID))
	line(cat.T("slip.worker_phone"), d.WorkerPhone)
	b.WriteString(strings.Repeat("-", Width) + "\n")
	line(cat.T("slip.pay"), cat.Pay(d.AgreedPayFen, d.PayUnit))
	insured := cat.T("slip.insured_no")
	if d.Insured {
		insured = cat.T("slip.insured_yes")
	}
	line(cat.T("slip.insurance"), insured)
	line(cat.T("slip.dispatched_by"), d.StaffName+"  "+d.CreatedAt.In(loc).Format("2006-01-02 15:04"))
	line(cat.T("slip.printed_by"), s.Staff+"  "+s.Printed.Format("2006-01-02 15:04"))
	if s.Station.Phone != "" {
		line(cat.T("slip.station_phone"), s.Station.Phone)
	}
	b.WriteString(rule + "\n\n")
	b.WriteString(cat.T("slip.note") + "\n\n")
	b.WriteString(cat.T("slip.sign_employer") + " ____________________   " + cat.T("slip.date") + " __________\n\n")
	b.WriteString(cat.T("slip.sign_worker") + " ____________________   " + cat.T("slip.date") + " __________\n")
	return b.String()
}

// FileName is the slip's default file name: 派工单-12.txt / dispatch-slip-12.txt.
func FileName(cat *i18n.Catalog, id int64) string {
	return fmt.Sprintf(cat.T("slip.file"), id)
}

// Dir is where the screen saves slips: a "slips" folder beside the database.
func Dir(dbPath string) string { return filepath.Join(filepath.Dir(dbPath), "slips") }

// Save writes text to path (CRLF line ends, so Notepad shows it right), creating the folder,
// through a temporary file so a half-written slip never stands under the real name.
func Save(path, text string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	tmp := path + ".tmp"
	body := strings.ReplaceAll(text, "\n", "\r\n")
	if err := os.WriteFile(tmp, []byte(body), 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
