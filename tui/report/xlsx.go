package report

import (
	"archive/zip"
	"bytes"
	"io"
	"math"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// WriteXLSX writes the report as an Excel workbook: one sheet per table, headers in the
// report's language, numbers stored as numbers, money in 元 ("0.00"), rates as percentages.
func (d *Doc) WriteXLSX(w io.Writer) error {
	return WriteWorkbook(w, d.Tables(), d.Made)
}

// WriteWorkbook writes tables as the sheets of one xlsx workbook, dated made (its properties
// and every entry of the zip inside, which would otherwise read 1980-00-00).
func WriteWorkbook(w io.Writer, tables []Table, made time.Time) error {
	x := excelize.NewFile()
	defer x.Close()
	stamp := made.UTC().Format(time.RFC3339)
	if err := x.SetDocProps(&excelize.DocProperties{Created: stamp, Modified: stamp}); err != nil {
		return err
	}
	bold, err := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"#DDEBF7"}}})
	if err != nil {
		return err
	}
	money, _ := x.NewStyle(&excelize.Style{CustomNumFmt: ptr("0.00")})
	rate, _ := x.NewStyle(&excelize.Style{CustomNumFmt: ptr("0.0%")})
	dec, _ := x.NewStyle(&excelize.Style{CustomNumFmt: ptr("0.0")})
	styles := sheetStyles{bold: bold, money: money, rate: rate, dec: dec}
	for i, t := range tables {
		name := sheetName(t.Sheet)
		if i == 0 {
			if err := x.SetSheetName("Sheet1", name); err != nil {
				return err
			}
		} else if _, err := x.NewSheet(name); err != nil {
			return err
		}
		if err := writeSheet(x, name, t, styles); err != nil {
			return err
		}
	}
	var buf bytes.Buffer
	if _, err := x.WriteTo(&buf); err != nil {
		return err
	}
	return restamp(w, buf.Bytes(), made)
}

// restamp copies the zip in data to w with every entry dated made.
func restamp(w io.Writer, data []byte, made time.Time) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	for _, f := range zr.File {
		in, err := f.Open()
		if err != nil {
			return err
		}
		out, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: f.Method, Modified: made})
		if err == nil {
			_, err = io.Copy(out, in)
		}
		in.Close()
		if err != nil {
			return err
		}
	}
	return zw.Close()
}

// sheetStyles are a workbook's cell styles: bold headings, money in 元, rates, decimals.
type sheetStyles struct{ bold, money, rate, dec int }

// writeSheet fills sheet name with table t: its title, its bold header row (frozen), its rows,
// and columns as wide as what they hold.
func writeSheet(x *excelize.File, name string, t Table, styles sheetStyles) error {
	widths := make([]int, len(t.Head))
	for i, h := range t.Head {
		widths[i] = width(h) + 2
	}
	if err := x.SetSheetRow(name, "A1", &[]any{t.Title}); err != nil {
		return err
	}
	x.SetCellStyle(name, "A1", "A1", styles.bold)
	head := make([]any, len(t.Head))
	for i, h := range t.Head {
		head[i] = h
	}
	x.SetSheetRow(name, "A2", &head)
	last, _ := excelize.CoordinatesToCellName(len(t.Head), 2)
	x.SetCellStyle(name, "A2", last, styles.bold)
	for r, row := range t.Rows {
		if err := writeRow(x, name, r+3, row, widths, styles); err != nil {
			return err
		}
	}
	for i, wd := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		x.SetColWidth(name, col, col, float64(wd))
	}
	x.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"})
	return nil
}

// writeRow writes row as sheet row n with each number's style, and widens widths to fit it.
func writeRow(x *excelize.File, name string, n int, row []Cell, widths []int, styles sheetStyles) error {
	vals := make([]any, len(row))
	for i, c := range row {
		vals[i] = sheetValue(c)
		if i < len(widths) {
			widths[i] = max(widths[i], min(width(c.csv())+2, 60))
		}
	}
	cell, _ := excelize.CoordinatesToCellName(1, n)
	if err := x.SetSheetRow(name, cell, &vals); err != nil {
		return err
	}
	for i, c := range row {
		if style := styles.of(c); style != 0 {
			ref, _ := excelize.CoordinatesToCellName(i+1, n)
			x.SetCellStyle(name, ref, ref, style)
		}
	}
	return nil
}

// sheetValue is what a cell stores: text, or a number (money in 元), or nothing for no time.
func sheetValue(c Cell) any {
	switch {
	case !c.IsNum:
		return c.Text
	case c.Unit == Money:
		return math.Round(c.Num) / 100 // fen to 元 for the spreadsheet only
	case c.Unit == Minutes && c.Num < 0:
		return nil
	}
	return c.Num
}

// of is the style a cell is shown with; 0 leaves it as it is.
func (s sheetStyles) of(c Cell) int {
	switch {
	case !c.IsNum:
		return 0
	case c.Unit == Money:
		return s.money
	case c.Unit == Rate:
		return s.rate
	case c.Unit == Minutes || c.Num != math.Trunc(c.Num):
		return s.dec
	}
	return 0
}

func ptr[T any](v T) *T { return &v }

// sheetName makes a valid sheet name: at most 31 characters, none of []:*?/\.
func sheetName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '_'
		}
		return r
	}, s)
	if rs := []rune(s); len(rs) > 31 {
		s = string(rs[:31])
	}
	return s
}
