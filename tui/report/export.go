package report

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"time"

	"gigdesk/store"
	"gigdesk/store/valid"
	"gigdesk/tui/i18n"
)

// BOM starts every CSV file so that Excel on a Chinese Windows PC reads it as UTF-8.
const BOM = "\ufeff"

// ExportCSV writes exported records as CSV, one row at a time, with headers and codes in
// the catalogue's language.
type ExportCSV struct {
	cat  *i18n.Catalog
	rec  *store.Catalog
	loc  *time.Location
	cols []store.ExportColumn
	cw   *csv.Writer
	Rows int
}

// NewExportCSV writes the BOM and the header row of kind.
func NewExportCSV(w io.Writer, cat *i18n.Catalog, rec *store.Catalog, loc *time.Location, kind store.ExportKind) (*ExportCSV, error) {
	cols, err := store.ExportColumns(kind)
	if err != nil {
		return nil, err
	}
	if _, err := io.WriteString(w, BOM); err != nil {
		return nil, err
	}
	e := &ExportCSV{cat: cat, rec: rec, loc: loc, cols: cols, cw: csv.NewWriter(w)}
	head := make([]string, len(cols))
	for i, c := range cols {
		head[i] = cat.T("export.col." + c.Name)
	}
	return e, e.cw.Write(safeRow(head))
}

// Row writes one record as store.Export hands it over.
func (e *ExportCSV) Row(vals []any) error {
	cells := make([]string, len(e.cols))
	for i, c := range e.cols {
		cells[i] = e.cell(c, vals[i])
		if c.Kind != store.ColInt && c.Kind != store.ColMinutes && c.Kind != store.ColMoney {
			cells[i] = SafeCSV(cells[i]) // names, notes, addresses: whatever staff or the public typed
		}
	}
	e.Rows++
	return e.cw.Write(cells)
}

// Close flushes what is buffered.
func (e *ExportCSV) Close() error {
	e.cw.Flush()
	return e.cw.Error()
}

func (e *ExportCSV) cell(c store.ExportColumn, v any) string {
	switch c.Kind {
	case store.ColInt, store.ColMinutes:
		n, _ := v.(int64)
		return strconv.FormatInt(n, 10)
	case store.ColMoney:
		n, ok := v.(int64)
		if !ok {
			return ""
		}
		return valid.FormatYuan(n)
	case store.ColTime:
		return dayTime(v, e.loc)
	case store.ColBool:
		if b, _ := v.(bool); b {
			return e.cat.T("export.yes")
		}
		return e.cat.T("export.no")
	case store.ColTrade:
		id, _ := v.(int64)
		return (&Doc{Cat: e.cat, Rec: e.rec}).TradeName(id)
	case store.ColTrades:
		ids, _ := v.([]int64)
		names := make([]string, len(ids))
		for i, id := range ids {
			names[i] = (&Doc{Cat: e.cat, Rec: e.rec}).TradeName(id)
		}
		return strings.Join(names, e.cat.T("export.list_sep"))
	case store.ColPlace:
		id, _ := v.(int64)
		if id == 0 {
			return ""
		}
		return (&Doc{Cat: e.cat, Rec: e.rec}).PlaceName(id)
	case store.ColCode:
		s, _ := v.(string)
		if key := "export.code." + c.Name + "." + s; s != "" && e.cat.Has(key) {
			return e.cat.T(key)
		}
		return s
	case store.ColGroups:
		gs, _ := v.([]string)
		names := make([]string, len(gs))
		for i, g := range gs {
			names[i] = g
			if key := "export.group." + g; e.cat.Has(key) {
				names[i] = e.cat.T(key)
			}
		}
		return strings.Join(names, e.cat.T("export.list_sep"))
	}
	s, _ := v.(string)
	return s
}
