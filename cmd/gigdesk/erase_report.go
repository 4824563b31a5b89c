package main

import (
	"fmt"
	"io"
	"strings"

	"gigdesk/store"
	"gigdesk/tui/i18n"
)

// printErase tells the clerk what the erase reached beyond the record, and which files
// written earlier it could not reach.
func printErase(w io.Writer, cat *i18n.Catalog, rep store.EraseReport) {
	if n := len(rep.Backups); n > 0 {
		fmt.Fprintln(w, cat.T("privacy.erase.backups", n))
	}
	for _, b := range rep.BackupErrs {
		fmt.Fprintln(w, cat.T("privacy.erase.backup_bad", b))
	}
	if !rep.WALCleared {
		fmt.Fprintln(w, cat.T("privacy.erase.wal_busy"))
	}
	if len(rep.Exports) == 0 {
		fmt.Fprintln(w, cat.T("privacy.erase.no_exports"))
		return
	}
	fmt.Fprintln(w, cat.T("privacy.erase.exports", len(rep.Exports)))
	for _, f := range rep.Exports {
		fmt.Fprintln(w, cat.T("privacy.erase.file", f.At.Format("2006-01-02 15:04"), exportWhere(cat, f)))
	}
}

// exportWhere names an exported file, or says what went to the screen.
func exportWhere(cat *i18n.Catalog, f store.ExportFile) string {
	if f.Action == "slip" {
		return cat.T("privacy.erase.slip", f.ID)
	}
	if f.Path != "" {
		return f.Path
	}
	what := cat.T("privacy.erase.what.report")
	switch f.Action {
	case "export":
		what = cat.T("privacy.erase.what.export")
	case "export_full":
		what = cat.T("privacy.erase.what.full", f.Entity)
	case "export_file":
		what = cat.T("privacy.erase.what.file", f.Entity)
	}
	return cat.T("privacy.erase.to_screen", what)
}

// printReapplied says that a restore erased again the people erased since the backup.
func printReapplied(w io.Writer, cat *i18n.Catalog, reapplied []store.Erasure) {
	if len(reapplied) == 0 {
		return
	}
	names := make([]string, len(reapplied))
	for i, e := range reapplied {
		names[i] = fmt.Sprintf("%s #%d", cat.T("admin.priv."+string(e.Kind)), e.RecordID)
	}
	fmt.Fprintln(w, cat.T("backup.reapplied", len(reapplied), strings.Join(names, ", ")))
}
