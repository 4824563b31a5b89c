package store

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func testCatalog(t testing.TB, s *Store) *Catalog {
	t.Helper()
	cat, err := s.Catalog(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

const goodCSV = "姓名,手机,身份证,性别,出生年份,工种,社区,期望工资,备注\n" +
	"张三丰,13800138000,,男,1975,水电:5;力工,后街社区,200,会电焊\n" +
	"李四,139 0013 9000,,女,1982,保洁,,180元/天,\n"

func TestImportWorkers(t *testing.T) {
	ctx := context.Background()
	idno := regID("50010719800101123")
	for _, tc := range []struct {
		name string
		file []byte
	}{
		{"utf8", []byte(goodCSV)},
		{"bom", append([]byte("\xef\xbb\xbf"), goodCSV...)},
		{"gbk", gbk(t, goodCSV)},
		{"english", []byte("name,phone,gender,birth_year,trades,community,expected_pay,notes\n" +
			"张三丰,13800138000,M,1975,plumbing:5;labour,后街社区,200,会电焊\n李四,13900139000,F,1982,Cleaning,,180,\n")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := openTest(t)
			head := must(s.Setup(ctx, "后街零工市场", "王芳"))(t)
			rows, probs, isGBK, err := ParseWorkersCSV(bytes.NewReader(tc.file), testCatalog(t, s), fixedNow)
			if err != nil || len(probs) != 0 || len(rows) != 2 {
				t.Fatalf("rows %d problems %+v err %v", len(rows), probs, err)
			}
			if isGBK != (tc.name == "gbk") {
				t.Fatalf("gbk = %v", isGBK)
			}
			res, err := s.ImportWorkers(ctx, head.ID, rows, probs, false)
			if err != nil || !res.Saved || res.Added != 2 {
				t.Fatalf("%+v %v", res, err)
			}
			found := must(s.SearchWorkers(ctx, "zsf", 10))(t)
			if len(found) != 1 || found[0].Gender != "M" || len(found[0].Trades) != 2 || found[0].Notes != "会电焊" || found[0].CommunityID == 0 {
				t.Fatalf("imported %+v", found)
			}
			li := must(s.SearchWorkers(ctx, "9000", 10))(t)
			if len(li) != 1 || li[0].ExpectedPayFen != 18000 || li[0].ExpectedPayUnit != PerDay {
				t.Fatalf("imported %+v", li)
			}
		})
	}

	t.Run("merge by phone or ID, not doubled", func(t *testing.T) {
		s := openTest(t)
		head := must(s.Setup(ctx, "后街零工市场", "王芳"))(t)
		old, err := s.CreateWorker(ctx, head.ID, Worker{Name: "张三丰", Phone: "13800138000", BirthYear: 1975, Trades: []WorkerTrade{{TradeID: 3, Years: 2}}, Notes: "柜台登记"})
		if err != nil {
			t.Fatal(err)
		}
		other := must(s.CreateWorker(ctx, head.ID, Worker{Name: "王五", Phone: "13700137000", IDNumber: idno, Trades: []WorkerTrade{{TradeID: 2}}}))(t)
		file := "姓名,电话,身份证号,工种,社区,备注\n" +
			"张三丰,13800138000,,水电:5,后街社区,表格备注\n" +
			"王五,13600136000," + idno + ",搬家,,\n"
		rows, probs, _, err := ParseWorkersCSV(strings.NewReader(file), testCatalog(t, s), fixedNow)
		if err != nil || len(probs) > 0 {
			t.Fatal(err, probs)
		}
		res, err := s.ImportWorkers(ctx, head.ID, rows, probs, false)
		if err != nil || res.Merged != 2 || res.Added != 0 {
			t.Fatalf("%+v %v", res, err)
		}
		if n := count(t, s, "workers"); n != 2 {
			t.Fatalf("%d workers after merging", n)
		}
		got := must(s.Worker(ctx, old.ID))(t)
		if len(got.Trades) != 2 || got.Notes != "柜台登记" || got.CommunityID == 0 {
			t.Fatalf("merged %+v", got)
		}
		if got := must(s.Worker(ctx, other.ID))(t); got.Phone != "13700137000" || len(got.Trades) != 2 {
			t.Fatalf("merged by ID %+v", got)
		}
	})

	t.Run("all or nothing, and skip-bad", func(t *testing.T) {
		s := openTest(t)
		head := must(s.Setup(ctx, "后街零工市场", "王芳"))(t)
		file := "name,phone,trades,gender\n" +
			"张三丰,13800138000,水电,M\n" +
			"李四,1380013,水电,\n" + // line 3: phone too short
			"王五,13700137000,飞行员,\n" + // line 4: unknown trade
			"赵六,13600136000,保洁,X\n" + // line 5: gender
			"孙七,13800138000,保洁,\n" + // line 6: same phone as line 2
			"周八,13500135000,保洁,\n"
		rows, probs, _, err := ParseWorkersCSV(strings.NewReader(file), testCatalog(t, s), fixedNow)
		if err != nil {
			t.Fatal(err)
		}
		want := map[int]string{3: "phone.length", 4: "import.trade", 5: "import.gender", 6: "import.twice"}
		if len(probs) != len(want) {
			t.Fatalf("problems %+v", probs)
		}
		for _, p := range probs {
			if want[p.Line] != p.Key {
				t.Errorf("line %d: %s, want %s", p.Line, p.Key, want[p.Line])
			}
		}
		res, err := s.ImportWorkers(ctx, head.ID, rows, probs, false)
		if err != nil || res.Saved || count(t, s, "workers") != 0 {
			t.Fatalf("half an import was saved: %+v %v", res, err)
		}
		res, err = s.ImportWorkers(ctx, head.ID, rows, probs, true)
		if err != nil || !res.Saved || res.Added != 2 || count(t, s, "workers") != 2 || len(res.Problems) != 4 {
			t.Fatalf("skip-bad: %+v %v", res, err)
		}
	})

	t.Run("bad files", func(t *testing.T) {
		s := openTest(t)
		cat := testCatalog(t, s)
		for _, f := range []string{"", "\xef\xbb\xbf\n", "foo,bar\n1,2\n"} {
			if _, _, _, err := ParseWorkersCSV(strings.NewReader(f), cat, fixedNow); err == nil {
				t.Errorf("%q accepted", f)
			}
		}
	})
}

func gbk(t testing.TB, s string) []byte {
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// FuzzParseWorkersCSV: any file gives rows or problems, never a panic; every row is valid.
func FuzzParseWorkersCSV(f *testing.F) {
	f.Add([]byte(goodCSV))
	f.Add([]byte("name,phone,trades\n张三,13800138000,水电:99\n\"李\"\"四\",1,\n"))
	f.Add(gbk(f, goodCSV))
	f.Add([]byte("\xef\xbb\xbf姓名,手机\n,,,,\n"))
	s, err := Open(f.TempDir()+"/fuzz.db", WithClock(func() time.Time { return fixedNow }))
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	cat := testCatalog(f, s)
	f.Fuzz(func(t *testing.T, file []byte) {
		rows, probs, _, err := ParseWorkersCSV(bytes.NewReader(file), cat, fixedNow)
		if err != nil {
			return
		}
		for _, r := range rows {
			w := r.Worker
			if err := w.Validate(fixedNow); err != nil {
				t.Fatalf("line %d passed parsing but fails validation: %v", r.Line, err)
			}
			if r.Line < 2 {
				t.Fatalf("row line %d", r.Line)
			}
		}
		for _, p := range probs {
			if p.Key == "" {
				t.Fatalf("problem without a reason: %+v", p)
			}
		}
	})
}
