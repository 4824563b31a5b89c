package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"gigdesk/store/valid"
)

// ImportRow is one worker read from a spreadsheet, validated; Line is the file's line number.
type ImportRow struct {
	Line   int
	Worker Worker
}

// ImportProblem is a refused row: the line, and the catalogue key and field of the reason.
type ImportProblem struct {
	Line   int
	Key    string
	Field  string
	Detail string
}

// ImportResult says what an import did (or, refused, would have done).
type ImportResult struct {
	Added, Merged int
	Problems      []ImportProblem
	GBK           bool // the file was read as GBK (Excel on Chinese Windows)
	Saved         bool // false when problems stopped the whole import
}

// importMaxRows bounds one file: a station holds a few thousand people, not millions.
const importMaxRows = 100000

// importColumns maps every accepted header (lower-case, spaces removed) to a field.
var importColumns = map[string]string{
	"姓名": "name", "名字": "name", "name": "name",
	"手机": "phone", "手机号": "phone", "手机号码": "phone", "电话": "phone", "联系电话": "phone", "phone": "phone", "mobile": "phone",
	"身份证": "id_number", "身份证号": "id_number", "身份证号码": "id_number", "id_number": "id_number", "idnumber": "id_number", "id": "id_number",
	"性别": "gender", "gender": "gender", "sex": "gender",
	"出生年份": "birth_year", "出生年": "birth_year", "birth_year": "birth_year", "birthyear": "birth_year",
	"工种": "trades", "技能": "trades", "trades": "trades", "trade": "trades",
	"社区": "community", "所在社区": "community", "community": "community",
	"期望工资": "expected_pay", "期望薪资": "expected_pay", "expected_pay": "expected_pay",
	"备注": "notes", "notes": "notes", "note": "notes",
}

// decodeSpreadsheet returns the file as UTF-8 without a BOM; a file that is not valid UTF-8
// is read as GB18030 (a superset of GBK), which is what Excel on Chinese Windows writes.
func decodeSpreadsheet(b []byte) ([]byte, bool, error) {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if utf8.Valid(b) {
		return b, false, nil
	}
	if u, g, mixed := mixedEncoding(b); mixed { // read as GBK it would fail later as "no name column"
		return nil, false, &Error{Code: Invalid, Key: "import.mixed", Detail: strconv.Itoa(u), Ref: int64(g)}
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
	if err != nil {
		return nil, false, &Error{Code: Invalid, Key: "import.read", Err: err}
	}
	return out, true, nil
}

// mixedEncoding finds a file with lines in UTF-8 and lines in GBK (rows pasted from two
// spreadsheets): the first line of each. A UTF-8 line counts only when it holds a character of
// three or more bytes (every Chinese character), which GBK text almost never forms by chance.
func mixedEncoding(b []byte) (utf8Line, gbkLine int, mixed bool) {
	for i, line := range bytes.Split(b, []byte("\n")) {
		switch {
		case !utf8.Valid(line):
			if gbkLine == 0 {
				gbkLine = i + 1
			}
		case utf8Line == 0 && wideRune(line):
			utf8Line = i + 1
		}
		if utf8Line > 0 && gbkLine > 0 {
			return utf8Line, gbkLine, true
		}
	}
	return 0, 0, false
}

func wideRune(line []byte) bool {
	for _, r := range string(line) {
		if utf8.RuneLen(r) >= 3 {
			return true
		}
	}
	return false
}

// ParseWorkersCSV reads a station's spreadsheet of workers (Chinese or English headers; UTF-8
// with or without BOM, or GBK) and validates every row against the same rules as the counter.
// It does no I/O beyond reading r: refused rows come back as problems with their line numbers.
func ParseWorkersCSV(r io.Reader, cat *Catalog, now time.Time) (rows []ImportRow, problems []ImportProblem, gbk bool, err error) {
	text, gbk, err := readSpreadsheet(r)
	if err != nil {
		return nil, nil, gbk, err
	}
	cr := csv.NewReader(bytes.NewReader(text))
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	width, cols, err := importHeader(cr)
	if err != nil {
		return nil, nil, gbk, err
	}
	seen := importedPeople{}
	for n := 0; ; n++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			prob, more := unreadable(err, line)
			problems = append(problems, prob)
			if more {
				continue
			}
			break
		}
		if n >= importMaxRows {
			return nil, nil, gbk, &Error{Code: Invalid, Key: "import.too_many"}
		}
		if blank(rec) {
			continue
		}
		w, prob := importRecord(rec, width, cols, cat, now)
		if prob == nil {
			prob = seen.twice(w, line)
		}
		if prob != nil {
			prob.Line = line
			problems = append(problems, *prob)
			continue
		}
		rows = append(rows, ImportRow{Line: line, Worker: w})
	}
	return rows, problems, gbk, nil
}

// readSpreadsheet reads the whole file (up to 64 MiB) as UTF-8 and refuses an empty one.
func readSpreadsheet(r io.Reader) (text []byte, gbk bool, err error) {
	raw, err := io.ReadAll(io.LimitReader(r, 64<<20))
	if err != nil {
		return nil, false, &Error{Code: Invalid, Key: "import.read", Err: err}
	}
	text, gbk, err = decodeSpreadsheet(raw)
	if err != nil {
		return nil, false, err
	}
	if len(bytes.TrimSpace(text)) == 0 {
		return nil, gbk, &Error{Code: Invalid, Key: "import.empty"}
	}
	return text, gbk, nil
}

// importHeader reads the header: how many columns it has and which column holds each field
// (the first of two that mean the same). Name and phone are required.
func importHeader(cr *csv.Reader) (width int, cols map[string]int, err error) {
	header, err := cr.Read()
	if err != nil {
		return 0, nil, &Error{Code: Invalid, Key: "import.read", Err: err}
	}
	cols = map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.Join(strings.Fields(h), ""))
		if f, ok := importColumns[h]; ok {
			if _, dup := cols[f]; !dup {
				cols[f] = i
			}
		}
	}
	if _, ok := cols["name"]; !ok {
		return 0, nil, &Error{Code: Invalid, Key: "import.header"}
	}
	if _, ok := cols["phone"]; !ok {
		return 0, nil, &Error{Code: Invalid, Key: "import.header"}
	}
	return len(header), cols, nil
}

// unreadable is the problem of a line the CSV reader refused; more reports whether reading
// can go on past it (a malformed line) or must stop (anything else).
func unreadable(err error, line int) (prob ImportProblem, more bool) {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		line = pe.Line
	}
	return ImportProblem{Line: line, Key: "import.read", Detail: err.Error()}, errors.As(err, &pe)
}

// importRecord turns one record of a file whose header has width columns into a validated worker.
func importRecord(rec []string, width int, cols map[string]int, cat *Catalog, now time.Time) (Worker, *ImportProblem) {
	if len(rec) != width { // a short row is as suspect as a long one: a cell slipped left
		return Worker{}, &ImportProblem{Key: "import.columns", Detail: fmt.Sprintf("%d columns, header has %d", len(rec), width)}
	}
	for i, c := range rec { // the counter strips it from notes; a file holding one is damaged or crafted
		if strings.ContainsRune(c, 0) {
			return Worker{}, &ImportProblem{Key: "import.nul", Field: columnField(cols, i), Detail: fmt.Sprintf("column %d", i+1)}
		}
	}
	get := func(f string) string {
		if i, ok := cols[f]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	return importWorker(get, cat, now)
}

// columnField is the field column i holds, "" for a column gigdesk does not read.
func columnField(cols map[string]int, i int) string {
	for f, c := range cols {
		if c == i {
			return f
		}
	}
	return ""
}

// importedPeople are the phones ("p…") and ID numbers ("i…") seen so far, with their line,
// to catch a person listed twice.
type importedPeople map[string]int

// twice refuses w when its phone or ID number came on an earlier line, else remembers them.
func (seen importedPeople) twice(w Worker, line int) *ImportProblem {
	keys := []string{"p" + w.Phone, "i" + w.IDNumber}
	dup := 0
	for _, k := range keys {
		if len(k) > 1 && seen[k] != 0 {
			dup = seen[k]
		}
	}
	if dup != 0 {
		return &ImportProblem{Key: "import.twice", Field: "phone", Detail: fmt.Sprintf("same person as line %d", dup)}
	}
	for _, k := range keys {
		if len(k) > 1 {
			seen[k] = line
		}
	}
	return nil
}

func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// importWorker turns one row's cells into a validated worker.
func importWorker(get func(string) string, cat *Catalog, now time.Time) (Worker, *ImportProblem) {
	w := Worker{Name: get("name"), Phone: get("phone"), IDNumber: get("id_number"), Notes: get("notes"), Channel: ByCounter}
	fail := func(key, field, detail string) (Worker, *ImportProblem) {
		return Worker{}, &ImportProblem{Key: key, Field: field, Detail: detail}
	}
	switch g := strings.ToLower(get("gender")); g {
	case "":
	case "男", "m", "male", "男性":
		w.Gender = "M"
	case "女", "f", "female", "女性":
		w.Gender = "F"
	default:
		return fail("import.gender", "gender", g)
	}
	if y := get("birth_year"); y != "" {
		n, err := strconv.Atoi(strings.TrimSuffix(y, "年"))
		if err != nil {
			return fail("import.number", "birth_year", y)
		}
		w.BirthYear = n
	}
	if c := get("community"); c != "" {
		id, ok := findCommunity(cat, c)
		if !ok {
			return fail("import.community", "community", c)
		}
		w.CommunityID = id
	}
	if p := get("expected_pay"); p != "" {
		unit := PerDay
		for suffix, u := range map[string]PayUnit{"/天": PerDay, "/日": PerDay, "/小时": PerHour, "/时": PerHour, "/件": PerPiece, "/day": PerDay, "/hour": PerHour} {
			if strings.HasSuffix(p, suffix) {
				p, unit = strings.TrimSuffix(p, suffix), u
			}
		}
		fen, prob := valid.ParseYuan(p)
		if prob != nil {
			return fail(prob.Key, "expected_pay", prob.Detail)
		}
		w.ExpectedPayFen, w.ExpectedPayUnit = fen, unit
	}
	for _, item := range strings.FieldsFunc(get("trades"), func(r rune) bool { return strings.ContainsRune(";；,，、/ ", r) }) {
		name, years, _ := strings.Cut(strings.ReplaceAll(item, "：", ":"), ":")
		id, ok := findTrade(cat, name)
		if !ok {
			return fail("import.trade", "trades", name)
		}
		y := 0
		if years = strings.TrimSuffix(strings.TrimSpace(years), "年"); years != "" {
			n, err := strconv.Atoi(years)
			if err != nil {
				return fail("import.number", "trades", years)
			}
			y = n
		}
		w.Trades = append(w.Trades, WorkerTrade{TradeID: id, Years: y})
	}
	if err := w.Validate(now); err != nil {
		e := AsError(err)
		return fail(e.Key, e.Field, e.Detail)
	}
	return w, nil
}

func findTrade(cat *Catalog, name string) (int64, bool) {
	name = strings.TrimSpace(name)
	for _, t := range cat.Trades {
		if t.NameZh == name || strings.EqualFold(t.NameEn, name) || strings.EqualFold(t.Code, name) {
			return t.ID, true
		}
	}
	return 0, false
}

func findCommunity(cat *Catalog, name string) (int64, bool) {
	for _, p := range cat.Places {
		if p.Level == LevelCommunity && (p.Name == name || p.Name == name+"社区" || p.Name == name+"村") {
			return p.ID, true
		}
	}
	return 0, false
}

// ImportWorkers saves parsed rows in one transaction. A person already registered with the same
// phone or ID number is merged (empty fields filled in, trades added), not doubled. With any
// problem, from parsing or here, nothing is saved unless skipBad; refused rows are listed.
func (s *Store) ImportWorkers(ctx context.Context, staff int64, rows []ImportRow, problems []ImportProblem, skipBad bool) (ImportResult, error) {
	res := ImportResult{Problems: append([]ImportProblem(nil), problems...)}
	errRefused := errors.New("refused")
	err := s.write(ctx, staff, func(tx *Tx) error {
		for _, r := range rows {
			merged, prob, err := tx.importOne(r.Worker)
			if err != nil {
				return err
			}
			if prob != nil {
				prob.Line = r.Line
				res.Problems = append(res.Problems, *prob)
				continue
			}
			if merged {
				res.Merged++
			} else {
				res.Added++
			}
		}
		if len(res.Problems) > 0 && !skipBad {
			return errRefused
		}
		return tx.audit("import", "worker", 0, refs("added", res.Added, "merged", res.Merged, "refused", len(res.Problems)))
	})
	if errors.Is(err, errRefused) {
		res.Added, res.Merged = 0, 0
		return res, nil
	}
	if err != nil {
		return ImportResult{}, err
	}
	res.Saved = true
	return res, nil
}

// importOne adds w, or merges it into the worker already registered with its phone or ID number.
func (t *Tx) importOne(w Worker) (merged bool, prob *ImportProblem, err error) {
	byPhone, err := t.workerIDWhere(`phone = ?`, w.Phone)
	if err != nil {
		return false, nil, err
	}
	byID := int64(0)
	if w.IDNumber != "" {
		if byID, err = t.workerIDWhere(`id_number = ?`, w.IDNumber); err != nil {
			return false, nil, err
		}
	}
	if byPhone != 0 && byID != 0 && byPhone != byID {
		return false, &ImportProblem{Key: "import.conflict", Field: "phone"}, nil
	}
	id := max(byPhone, byID)
	if id == 0 {
		id, err = t.insert(`INSERT INTO workers (name, gender, birth_year, phone, phone_tail, id_number, community_id,
			expected_pay_fen, expected_pay_unit, availability, groups, insured, channel, consent, status, status_reason, notes,
			created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', 0, ?, 0, 'active', '', ?, ?, ?, ?)`,
			w.Name, w.Gender, w.BirthYear, nullStr(w.Phone), phoneTail(w.Phone), nullStr(w.IDNumber), nullID(w.CommunityID),
			w.ExpectedPayFen, string(w.ExpectedPayUnit), w.Availability, string(w.Channel), w.Notes, nullID(t.staff), t.now.Unix(), t.now.Unix())
		if err != nil {
			return false, nil, err
		}
		if err := t.setWorkerTrades(id, w.Trades); err != nil {
			return false, nil, err
		}
		if err := t.setWorkerKeys(id, w.Name); err != nil {
			return false, nil, err
		}
		return false, nil, t.audit("create", "worker", id, refs("via", "import"))
	}
	// fill in only what the station does not have yet: what staff typed at the counter wins
	if _, err := t.exec(`UPDATE workers SET
		gender = CASE WHEN gender = '' THEN ? ELSE gender END,
		birth_year = CASE WHEN birth_year = 0 THEN ? ELSE birth_year END,
		phone = coalesce(phone, ?), phone_tail = CASE WHEN phone IS NULL THEN ? ELSE phone_tail END,
		id_number = coalesce(id_number, ?),
		community_id = coalesce(community_id, ?),
		expected_pay_unit = CASE WHEN expected_pay_fen = 0 THEN ? ELSE expected_pay_unit END,
		expected_pay_fen = CASE WHEN expected_pay_fen = 0 THEN ? ELSE expected_pay_fen END,
		notes = CASE WHEN notes = '' THEN ? ELSE notes END,
		updated_at = ? WHERE id = ?`,
		w.Gender, w.BirthYear, nullStr(w.Phone), phoneTail(w.Phone), nullStr(w.IDNumber), nullID(w.CommunityID),
		string(w.ExpectedPayUnit), w.ExpectedPayFen, w.Notes, t.now.Unix(), id); err != nil {
		return false, nil, err
	}
	for _, tr := range w.Trades {
		if _, err := t.exec(`INSERT INTO worker_trades (worker_id, trade_id, years) VALUES (?, ?, ?)
			ON CONFLICT (worker_id, trade_id) DO UPDATE SET years = CASE WHEN excluded.years > worker_trades.years THEN excluded.years ELSE worker_trades.years END`, id, tr.TradeID, tr.Years); err != nil {
			return false, nil, err
		}
	}
	return true, nil, t.audit("update", "worker", id, refs("via", "import_merge"))
}

func (t *Tx) workerIDWhere(where string, arg any) (int64, error) {
	var id int64
	err := t.queryRow(`SELECT id FROM workers WHERE `+where+` AND erased = 0`, arg).Scan(&id)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, err
	}
	return id, nil
}
