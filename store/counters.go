package store

import (
	"context"
	"database/sql"
	"strings"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"gigdesk/store/valid"
)

// CounterKind is what a counter's connection is given: the full desk, the door screen, or the
// workers' own terminal (the self-service screen, migration 0021).
type CounterKind string

const (
	CounterDesk  CounterKind = "desk"
	CounterKiosk CounterKind = "kiosk"
	CounterSelf  CounterKind = "self"
)

// Valid reports whether k is a kind a counter can have.
func (k CounterKind) Valid() bool { return k == CounterDesk || k == CounterKiosk || k == CounterSelf }

// Counter is one PC that reaches the desk over SSH (gigdesk serve), known by its public key.
type Counter struct {
	ID          int64
	Name        string
	Kind        CounterKind
	PublicKey   string // one authorized_keys line: type and base64, no comment
	Fingerprint string // SHA256:...
	Lang        string // "" the server's language, else "zh" or "en"
	FromFile    bool   // listed in serve's --authorized-keys file, not added in Admin
	AddedBy     string // the head's name; "" for a key from the file
	AddedAt     time.Time
	RevokedAt   time.Time // zero while it may connect
	LastSeen    time.Time // zero if it never connected
}

// Revoked reports whether the counter may no longer connect.
func (c Counter) Revoked() bool { return !c.RevokedAt.IsZero() }

// CounterKey is a public key read from text a head pasted or a file: one authorized_keys line
// with or without options (kiosk marks the door screen, self the workers' terminal) and comment
// (the counter's name).
type CounterKey struct {
	Key     gossh.PublicKey
	Comment string
	Kiosk   bool
	Self    bool
}

// kind is the counter kind the key's options ask for.
func (ck CounterKey) kind() CounterKind {
	switch {
	case ck.Self:
		return CounterSelf
	case ck.Kiosk:
		return CounterKiosk
	}
	return CounterDesk
}

// ParseCounterKey reads one public key as OpenSSH writes it ("ssh-ed25519 AAAA… name").
func ParseCounterKey(text string) (CounterKey, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return CounterKey{}, &Error{Code: Invalid, Key: "counter.key_empty", Field: "counter_key", Detail: "no key"}
	}
	key, comment, options, rest, err := gossh.ParseAuthorizedKey([]byte(text))
	if err != nil || len(strings.TrimSpace(string(rest))) > 0 {
		return CounterKey{}, &Error{Code: Invalid, Key: "counter.key_bad", Field: "counter_key", Detail: "not one OpenSSH public key"}
	}
	ck := CounterKey{Key: key, Comment: strings.TrimSpace(comment)}
	for _, o := range options {
		if strings.EqualFold(o, string(CounterKiosk)) {
			ck.Kiosk = true
		}
		if strings.EqualFold(o, string(CounterSelf)) {
			ck.Self = true
		}
	}
	return ck, nil
}

// keyLine is a key as one authorized_keys line without its comment.
func keyLine(k gossh.PublicKey) string {
	return strings.TrimSpace(string(gossh.MarshalAuthorizedKey(k)))
}

// NewCounter is a counter the head adds in Admin.
type NewCounter struct {
	Name string
	Kind CounterKind
	Key  string // the public key's text, as pasted or read from its .pub file
	Lang string // "", "zh" or "en"
}

// AddCounter lets a counter's key connect. A key that was revoked may be added again (the head
// decides so); a key already allowed is a Conflict naming the counter that has it.
func (s *Store) AddCounter(ctx context.Context, head int64, nc NewCounter) (Counter, error) {
	ck, err := ParseCounterKey(nc.Key)
	if err != nil {
		return Counter{}, err
	}
	if nc.Name == "" {
		nc.Name = ck.Comment
	}
	name, p := valid.Text("counter_name", nc.Name, 40)
	if p != nil {
		return Counter{}, fieldError(p)
	}
	if name == "" {
		return Counter{}, &Error{Code: Invalid, Key: "counter.name_empty", Field: "counter_name", Detail: "a counter needs a name"}
	}
	if nc.Kind == "" {
		nc.Kind = ck.kind()
	}
	if !nc.Kind.Valid() {
		return Counter{}, Errorf(Invalid, "counter.kind", "unknown counter kind %q", nc.Kind)
	}
	if nc.Lang != "" && nc.Lang != "zh" && nc.Lang != "en" {
		return Counter{}, Errorf(Invalid, "counter.lang", "unknown language %q", nc.Lang)
	}
	fp := gossh.FingerprintSHA256(ck.Key)
	var id int64
	err = s.write(ctx, head, func(tx *Tx) error {
		if err := tx.requireHead(); err != nil {
			return err
		}
		var had string
		var revoked sql.NullInt64
		switch err := tx.queryRow(`SELECT name, revoked_at FROM counters WHERE fingerprint = ?`, fp).Scan(&had, &revoked); {
		case err == sql.ErrNoRows:
			id, err = tx.insert(`INSERT INTO counters (name, kind, public_key, fingerprint, lang, source, added_by, added_at) VALUES (?, ?, ?, ?, ?, 'admin', ?, ?)`,
				name, string(nc.Kind), keyLine(ck.Key), fp, nc.Lang, tx.staff, tx.now.Unix())
			if err != nil {
				return err
			}
		case err != nil:
			return err
		case !revoked.Valid:
			return &Error{Code: Conflict, Key: "counter.dup", Field: "counter_key", Detail: had}
		default:
			if err := tx.queryRow(`UPDATE counters SET name = ?, kind = ?, lang = ?, source = 'admin', added_by = ?, added_at = ?, revoked_at = NULL, revoked_by = NULL
				WHERE fingerprint = ? RETURNING id`, name, string(nc.Kind), nc.Lang, tx.staff, tx.now.Unix(), fp).Scan(&id); err != nil {
				return err
			}
		}
		return tx.audit("create", "counter", id, refs("fp", fp, "kind", nc.Kind))
	})
	if err != nil {
		return Counter{}, err
	}
	return s.CounterByID(ctx, id)
}

// RevokeCounter stops a counter's key connecting; serve ends its open sessions within a second.
func (s *Store) RevokeCounter(ctx context.Context, head, id int64) error {
	return s.write(ctx, head, func(tx *Tx) error {
		if err := tx.requireHead(); err != nil {
			return err
		}
		res, err := tx.exec(`UPDATE counters SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL`, tx.now.Unix(), tx.staff, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return &Error{Code: NotFound, Key: "counter.gone", Ref: id, Detail: "no such counter, or already revoked"}
		}
		return tx.audit("revoke", "counter", id, "")
	})
}

const counterCols = `c.id, c.name, c.kind, c.public_key, c.fingerprint, c.lang, c.source, coalesce(st.name, ''),
	c.added_at, coalesce(c.revoked_at, 0), coalesce(c.last_seen, 0)`

const counterFrom = ` FROM counters c LEFT JOIN staff st ON st.id = c.added_by`

// Counters lists every counter, those that may connect first, then by name.
func (s *Store) Counters(ctx context.Context) ([]Counter, error) {
	return queryAll(ctx, s, scanCounter, `SELECT `+counterCols+counterFrom+` ORDER BY c.revoked_at IS NOT NULL, c.name, c.id`)
}

// CounterByID is one counter, revoked or not.
func (s *Store) CounterByID(ctx context.Context, id int64) (Counter, error) {
	c, err := scanCounter(s.db.QueryRowContext(ctx, `SELECT `+counterCols+counterFrom+` WHERE c.id = ?`, id))
	return c, notFound(err, "counter")
}

// CounterByFingerprint is the counter that holds a key, revoked or not (NotFound if none).
func (s *Store) CounterByFingerprint(ctx context.Context, fp string) (Counter, error) {
	c, err := scanCounter(s.db.QueryRowContext(ctx, `SELECT `+counterCols+counterFrom+` WHERE c.fingerprint = ?`, fp))
	return c, notFound(err, "counter")
}

// RevokedAmong answers which of the given counters have been revoked: serve asks it every second
// for the counters with sessions open, so a revoke made anywhere ends their sessions.
func (s *Store) RevokedAmong(ctx context.Context, ids []int64) ([]int64, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(ids)), ", ")
	return queryAll(ctx, s, scanOne[int64], `SELECT id FROM counters WHERE revoked_at IS NOT NULL AND id IN (`+marks+`)`, args...)
}

// CounterFromFile gives a key listed in serve's --authorized-keys file its row, named by the
// file's comment, the first time it connects; later the name follows the file. A key the head
// revoked stays revoked: the answer says so and serve refuses it.
func (s *Store) CounterFromFile(ctx context.Context, ck CounterKey) (Counter, error) {
	fp := gossh.FingerprintSHA256(ck.Key)
	name, p := valid.Text("counter_name", ck.Comment, 40)
	if p != nil || name == "" {
		name = fp
	}
	kind := ck.kind()
	c, err := s.CounterByFingerprint(ctx, fp)
	switch {
	case err == nil && (c.Revoked() || !c.FromFile || (c.Name == name && c.Kind == kind)):
		return c, nil
	case err != nil && !isNotFound(err):
		return c, err
	}
	var id int64
	err = s.write(ctx, 0, func(tx *Tx) error {
		if c.ID != 0 {
			id = c.ID
			if _, err := tx.exec(`UPDATE counters SET name = ?, kind = ? WHERE id = ?`, name, string(kind), id); err != nil {
				return err
			}
			return tx.audit("update", "counter", id, refs("fp", fp, "kind", kind))
		}
		var err error
		id, err = tx.insert(`INSERT INTO counters (name, kind, public_key, fingerprint, source, added_at) VALUES (?, ?, ?, ?, 'file', ?)`,
			name, string(kind), keyLine(ck.Key), fp, tx.now.Unix())
		if err != nil {
			return err
		}
		return tx.audit("create", "counter", id, refs("fp", fp, "kind", kind, "source", "file"))
	})
	if err != nil {
		return Counter{}, err
	}
	return s.CounterByID(ctx, id)
}

// CounterSession records a counter's connection or disconnection in the audit log (with its key's
// fingerprint; staff signing in there are audited by their sign-in) and when it was last seen.
func (s *Store) CounterSession(ctx context.Context, id int64, connected bool) error {
	action := "ssh:disconnect"
	if connected {
		action = "ssh:connect"
	}
	return s.write(ctx, 0, func(tx *Tx) error {
		var fp string
		if err := tx.queryRow(`UPDATE counters SET last_seen = ? WHERE id = ? RETURNING fingerprint`, tx.now.Unix(), id).Scan(&fp); err != nil {
			return notFound(err, "counter")
		}
		return tx.audit(action, "counter", id, refs("fp", fp))
	})
}

func scanCounter(sc scanner) (Counter, error) {
	var c Counter
	var kind, source string
	var added, revoked, seen int64
	if err := sc.Scan(&c.ID, &c.Name, &kind, &c.PublicKey, &c.Fingerprint, &c.Lang, &source, &c.AddedBy, &added, &revoked, &seen); err != nil {
		return c, err
	}
	c.Kind, c.FromFile = CounterKind(kind), source == "file"
	c.AddedAt = time.Unix(added, 0)
	if revoked != 0 {
		c.RevokedAt = time.Unix(revoked, 0)
	}
	if seen != 0 {
		c.LastSeen = time.Unix(seen, 0)
	}
	return c, nil
}

func isNotFound(err error) bool {
	e := AsError(err)
	return e != nil && e.Code == NotFound
}

// counterCtxKey carries the counter a session comes from, so its audit rows name it.
type counterCtxKey struct{}

// AtCounter marks ctx as coming from a counter: every change made with it is audited with the
// counter's id beside the staff member's.
func AtCounter(ctx context.Context, id int64) context.Context {
	return context.WithValue(ctx, counterCtxKey{}, id)
}

// counterOf is the counter ctx comes from, or nil (the station PC itself, the CLI).
func counterOf(ctx context.Context) any {
	if id, ok := ctx.Value(counterCtxKey{}).(int64); ok && id > 0 {
		return id
	}
	return nil
}
