package report_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"gigdesk/store"
	"gigdesk/tui/i18n"
	"gigdesk/tui/report"
)

// formulas are what an attacker types into a name, a contact, an address or a note.
var formulas = []string{`=HYPERLINK("http://e.cn","点我")`, `=cmd|' /C calc'!A0`, "+1+2", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"}

func TestSafeCSV(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"张三", "张三"}, {"", ""}, {"=1+1", "'=1+1"}, {"+86", "'+86"}, {"-5", "'-5"}, {"@x", "'@x"},
		{"\tx", "'\tx"}, {"\rx", "'\rx"}, {"a=b", "a=b"}, {" =x", " =x"},
	} {
		if got := report.SafeCSV(tc.in); got != tc.want {
			t.Errorf("SafeCSV(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// readCSV reads a CSV gigdesk wrote and fails on any cell a spreadsheet would run as a formula.
func noFormulaCells(t *testing.T, what string, data string) [][]string {
	t.Helper()
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(data, report.BOM)))
	r.FieldsPerRecord = -1
	recs := must(r.ReadAll())(t, "read "+what)
	for _, rec := range recs {
		for _, c := range rec {
			if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
				t.Fatalf("%s: cell %q would be read as a formula (row %q)", what, c, rec)
			}
		}
	}
	return recs
}

func TestExportCSVNeutralisesFormulas(t *testing.T) {
	d, s := demoDoc(t, i18n.Zh, "2026-11-27", "2026-11-27")
	ctx := context.Background()
	for i, f := range formulas[:5] {
		e := store.Employer{Kind: store.Shop, Name: "店" + f, Contact: f, Phone: "0571888800" + string(rune('0'+i)), Address: f, Notes: f}
		if i == 0 {
			e.Name = f
		}
		if _, err := s.SaveEmployer(ctx, 0, e); err != nil {
			t.Fatalf("save employer %q: %v", f, err)
		}
	}
	var out bytes.Buffer
	e := must(report.NewExportCSV(&out, d.Cat, d.Rec, store.Shanghai, store.ExportEmployers))(t, "NewExportCSV")
	if err := s.Export(ctx, 0, store.ExportRequest{Kind: store.ExportEmployers}, e.Row); err != nil {
		t.Fatal(err)
	}
	if err := e.Close(); err != nil {
		t.Fatal(err)
	}
	recs := noFormulaCells(t, "employers export", out.String())
	found := false
	for _, r := range recs {
		for _, c := range r {
			found = found || c == "'"+formulas[0]
		}
	}
	if !found {
		t.Fatalf("the =HYPERLINK employer is not in the export, or not kept readable after the apostrophe")
	}
}

func TestReportCSVNeutralisesAndXLSXKeepsStrings(t *testing.T) {
	d, _ := demoDoc(t, i18n.Zh, "2026-11-27", "2026-11-27")
	if len(d.Sum.Open) == 0 || len(d.Sum.Issues) == 0 {
		t.Fatalf("the demo day has no open jobs (%d) or issues (%d) to carry a formula", len(d.Sum.Open), len(d.Sum.Issues))
	}
	d.Sum.Open[0].Employer = formulas[0]
	d.Sum.Issues[0].Worker = formulas[2]
	d.Sum.Issues[0].Note = formulas[1]
	var b bytes.Buffer
	if err := d.WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	noFormulaCells(t, "report CSV", b.String())
	if !strings.Contains(b.String(), "'"+formulas[1]) {
		t.Fatalf("the note is not in the report CSV as text")
	}
	// The xlsx stores text as plain strings, never formulas: it is safe without the apostrophe.
	b.Reset()
	if err := d.WriteXLSX(&b); err != nil {
		t.Fatal(err)
	}
	x := must(excelize.OpenReader(&b))(t, "open the xlsx")
	defer x.Close()
	seen := 0
	for _, sheet := range x.GetSheetList() {
		rows := must(x.GetRows(sheet))(t, "rows")
		for r, row := range rows {
			for c, v := range row {
				ref := must(excelize.CoordinatesToCellName(c+1, r+1))(t, "ref")
				if f := must(x.GetCellFormula(sheet, ref))(t, "formula"); f != "" {
					t.Fatalf("%s!%s holds a formula %q", sheet, ref, f)
				}
				if v == formulas[0] || v == formulas[1] || v == formulas[2] {
					seen++
					if typ := must(x.GetCellType(sheet, ref))(t, "type"); typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
						t.Fatalf("%s!%s %q is stored as type %v, not a string", sheet, ref, v, typ)
					}
				}
			}
		}
	}
	if seen != 3 {
		t.Fatalf("found %d of the 3 formula texts in the xlsx, as plain strings", seen)
	}
}
