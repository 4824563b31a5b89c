package store

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// TestImportStrictly: a short row is refused like a long one, a NUL in any cell is refused
// (notes too, not silently dropped), and a file mixing UTF-8 and GBK is named as such.
func TestImportStrictly(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	must(s.Setup(ctx, "后街零工市场", "王芳"))(t)
	cat := testCatalog(t, s)
	for _, tc := range []struct {
		name, file, key, field string
		line                   int
	}{
		{"short row", "姓名,手机,工种,备注\n张三丰,13800138000,水电\n", "import.columns", "", 2},
		{"long row", "姓名,手机,工种\n张三丰,13800138000,水电,多余\n", "import.columns", "", 2},
		{"NUL in notes", "姓名,手机,备注\n张三丰,13800138000,会电\x00焊\n", "import.nul", "notes", 2},
		{"NUL in name", "姓名,手机,备注\n张三\x00丰,13800138000,\n", "import.nul", "name", 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rows, probs, _, err := ParseWorkersCSV(strings.NewReader(tc.file), cat, fixedNow)
			if err != nil || len(rows) != 0 || len(probs) != 1 {
				t.Fatalf("rows %d problems %+v err %v", len(rows), probs, err)
			}
			if p := probs[0]; p.Key != tc.key || p.Field != tc.field || p.Line != tc.line {
				t.Fatalf("problem %+v, want %s/%s on line %d", p, tc.key, tc.field, tc.line)
			}
		})
	}
	t.Run("UTF-8 header, GBK rows", func(t *testing.T) {
		file := append([]byte("姓名,手机,工种\n张三丰,13800138000,水电\n"), gbk(t, "李四,13900139000,保洁\n")...)
		_, _, _, err := ParseWorkersCSV(bytes.NewReader(file), cat, fixedNow)
		e := AsError(err)
		if e == nil || e.Key != "import.mixed" || e.Detail != "1" || e.Ref != 3 {
			t.Fatalf("mixed file: %v (%+v)", err, e)
		}
	})
	t.Run("all GBK still reads", func(t *testing.T) {
		rows, probs, isGBK, err := ParseWorkersCSV(bytes.NewReader(gbk(t, "姓名,手机,工种\n联通,13800138000,水电\n")), cat, fixedNow)
		if err != nil || len(probs) != 0 || len(rows) != 1 || !isGBK {
			t.Fatalf("gbk file: rows %d problems %+v gbk %v err %v", len(rows), probs, isGBK, err)
		}
	})
}
