package store

import (
	"context"
	"strings"
	"time"
	"unicode"

	"gigdesk/store/valid"
)

// TrainingWish is training a worker would like (电工证, 育婴师), collected at the counter.
type TrainingWish struct {
	ID        int64
	WorkerID  int64
	Topic     string
	TradeID   int64 // 0: not tied to a trade
	CreatedBy int64
	CreatedAt time.Time
	Closed    bool // referred or no longer wanted
}

// TrainingOffer is a local course staff entered (who runs it, when, where, what it costs the worker).
type TrainingOffer struct {
	ID        int64
	Title     string
	Provider  string
	TradeID   int64
	StartsOn  string // YYYY-MM-DD, "" when rolling
	Place     string
	Contact   string
	FeeFen    int64 // what the worker pays; 0 free or subsidised
	Active    bool
	CreatedAt time.Time
}

// TrainingReferral records that staff pointed a worker to an offer.
type TrainingReferral struct {
	ID       int64
	WorkerID int64
	OfferID  int64
	WishID   int64
	StaffID  int64
	At       time.Time
}

// AddWish records a worker's training wish.
func (s *Store) AddWish(ctx context.Context, staff int64, w TrainingWish) (TrainingWish, error) {
	var p *valid.Problem
	if w.Topic, p = valid.Text("topic", w.Topic, 60); p != nil {
		return w, fieldError(p)
	}
	if w.Topic == "" {
		return w, &Error{Code: Invalid, Key: "training.topic_needed", Field: "topic", Detail: "a wish names the training"}
	}
	err := s.write(ctx, staff, func(tx *Tx) error {
		if err := tx.exists(`SELECT 1 FROM workers WHERE id = ? AND erased = 0`, w.WorkerID, "worker"); err != nil {
			return err
		}
		if w.TradeID != 0 {
			if err := tx.exists(`SELECT 1 FROM trades WHERE id = ?`, w.TradeID, "trade"); err != nil {
				return err
			}
		}
		var dup int
		if err := tx.queryRow(`SELECT count(*) FROM training_wishes WHERE worker_id = ? AND topic = ? AND closed_at IS NULL`, w.WorkerID, w.Topic).Scan(&dup); err != nil {
			return err
		}
		if dup > 0 {
			return &Error{Code: Conflict, Key: "training.wish_duplicate", Field: "topic", Detail: "worker already wishes this"}
		}
		w.CreatedBy, w.CreatedAt = staff, tx.now
		id, err := tx.insert(`INSERT INTO training_wishes (worker_id, topic, trade_id, created_by, created_at) VALUES (?, ?, ?, ?, ?)`,
			w.WorkerID, w.Topic, nullID(w.TradeID), nullID(staff), tx.now.Unix())
		if err != nil {
			return err
		}
		w.ID = id
		return tx.audit("create", "training_wish", id, refs("worker", w.WorkerID))
	})
	return w, err
}

// CloseWish marks a wish no longer wanted.
func (s *Store) CloseWish(ctx context.Context, staff, id int64) error {
	return s.write(ctx, staff, func(tx *Tx) error {
		res, err := tx.exec(`UPDATE training_wishes SET closed_at = ? WHERE id = ? AND closed_at IS NULL`, tx.now.Unix(), id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return &Error{Code: NotFound, Key: "training_wish.not_found", Detail: "no open wish"}
		}
		return tx.audit("close", "training_wish", id, "")
	})
}

// Wishes lists a worker's wishes, open ones first; worker 0 lists every open wish.
func (s *Store) Wishes(ctx context.Context, workerID int64) ([]TrainingWish, error) {
	q := `SELECT id, worker_id, topic, coalesce(trade_id, 0), coalesce(created_by, 0), created_at, closed_at IS NOT NULL FROM training_wishes`
	var args []any
	if workerID != 0 {
		q += ` WHERE worker_id = ? ORDER BY closed_at IS NOT NULL, created_at DESC, id DESC`
		args = append(args, workerID)
	} else {
		q += ` WHERE closed_at IS NULL ORDER BY created_at, id`
	}
	return queryAll(ctx, s, scanTrainingWish, q, args...)
}

// Validate checks an offer as staff typed it.
func (o *TrainingOffer) Validate() error {
	var p *valid.Problem
	if o.Title, p = valid.Text("title", o.Title, 60); p != nil {
		return fieldError(p)
	}
	if o.Title == "" {
		return &Error{Code: Invalid, Key: "training.title_needed", Field: "title", Detail: "an offer needs a title"}
	}
	if o.Provider, p = valid.Text("provider", o.Provider, 60); p != nil {
		return fieldError(p)
	}
	if o.Place, p = valid.Text("place", o.Place, 100); p != nil {
		return fieldError(p)
	}
	if o.Contact, p = valid.Text("contact", o.Contact, 40); p != nil {
		return fieldError(p)
	}
	if o.StartsOn = strings.TrimSpace(o.StartsOn); o.StartsOn != "" {
		if _, err := time.Parse(time.DateOnly, o.StartsOn); err != nil {
			return &Error{Code: Invalid, Key: "date.invalid", Field: "starts_on", Detail: o.StartsOn}
		}
	}
	if o.FeeFen < 0 || o.FeeFen > 10_000_000 {
		return &Error{Code: Invalid, Key: "training.fee", Field: "fee", Detail: "fee out of range"}
	}
	return nil
}

// SaveOffer adds an offer (ID 0) or changes one.
func (s *Store) SaveOffer(ctx context.Context, staff int64, o TrainingOffer) (TrainingOffer, error) {
	if err := o.Validate(); err != nil {
		return o, err
	}
	err := s.write(ctx, staff, func(tx *Tx) error {
		if o.TradeID != 0 {
			if err := tx.exists(`SELECT 1 FROM trades WHERE id = ?`, o.TradeID, "trade"); err != nil {
				return err
			}
		}
		if o.ID == 0 {
			o.Active, o.CreatedAt = true, tx.now
			id, err := tx.insert(`INSERT INTO training_offers (title, provider, trade_id, starts_on, place, contact, fee_fen, active,
				created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
				o.Title, o.Provider, nullID(o.TradeID), o.StartsOn, o.Place, o.Contact, o.FeeFen, nullID(staff), tx.now.Unix(), tx.now.Unix())
			if err != nil {
				return err
			}
			o.ID = id
			return tx.audit("create", "training_offer", id, o.Title)
		}
		res, err := tx.exec(`UPDATE training_offers SET title = ?, provider = ?, trade_id = ?, starts_on = ?, place = ?, contact = ?,
			fee_fen = ?, active = ?, updated_at = ? WHERE id = ?`, o.Title, o.Provider, nullID(o.TradeID), o.StartsOn, o.Place,
			o.Contact, o.FeeFen, o.Active, tx.now.Unix(), o.ID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return &Error{Code: NotFound, Key: "training_offer.not_found", Detail: "no such offer"}
		}
		return tx.audit("update", "training_offer", o.ID, o.Title)
	})
	return o, err
}

// Offers lists training offers, active ones only unless all.
func (s *Store) Offers(ctx context.Context, all bool) ([]TrainingOffer, error) {
	q := `SELECT id, title, provider, coalesce(trade_id, 0), starts_on, place, contact, fee_fen, active, created_at FROM training_offers`
	if !all {
		q += ` WHERE active = 1`
	}
	q += ` ORDER BY active DESC, starts_on, id`
	return queryAll(ctx, s, scanTrainingOffer, q)
}

// OfferMatch is an offer that fits a wish, and why.
type OfferMatch struct {
	Offer   TrainingOffer
	WishID  int64
	ByTrade bool // same trade
	ByTopic bool // the wish's words are in the offer's title, or the other way round
}

// MatchWishes pairs a worker's open wishes with active offers that fit: the same trade, or the
// wish's topic found in the offer's title (or the title in the topic), ignoring case and spaces.
// Each offer appears once, for the first wish it fits; offers starting before today are left out.
func MatchWishes(wishes []TrainingWish, offers []TrainingOffer, today string) []OfferMatch {
	var out []OfferMatch
	seen := map[int64]bool{}
	for _, w := range wishes {
		if w.Closed {
			continue
		}
		topic := fold(w.Topic)
		for _, o := range offers {
			if seen[o.ID] || !o.Active || (o.StartsOn != "" && o.StartsOn < today) {
				continue
			}
			m := OfferMatch{Offer: o, WishID: w.ID}
			m.ByTrade = w.TradeID != 0 && w.TradeID == o.TradeID
			title := fold(o.Title)
			m.ByTopic = topic != "" && title != "" && (strings.Contains(title, topic) || strings.Contains(topic, title) || stem(topic) != "" && strings.Contains(title, stem(topic)))
			if m.ByTrade || m.ByTopic {
				seen[o.ID] = true
				out = append(out, m)
			}
		}
	}
	return out
}

func fold(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.IsPunct(r) {
			return -1
		}
		return unicode.ToLower(r)
	}, s)
}

// stem drops a certificate or course word so 电工证 finds 低压电工培训: 证, 培训, 资格, 课程, certificate.
func stem(topic string) string {
	for _, suf := range []string{"资格证书", "资格证", "上岗证", "证书", "培训", "课程", "证", "certificate", "course", "training"} {
		if t := strings.TrimSuffix(topic, suf); t != topic && len([]rune(t)) >= 2 {
			return t
		}
	}
	return ""
}

// Refer logs that staff pointed a worker to an offer; the wish it answers is closed.
func (s *Store) Refer(ctx context.Context, staff, workerID, offerID, wishID int64) (TrainingReferral, error) {
	r := TrainingReferral{WorkerID: workerID, OfferID: offerID, WishID: wishID, StaffID: staff}
	err := s.write(ctx, staff, func(tx *Tx) error {
		if err := tx.exists(`SELECT 1 FROM workers WHERE id = ? AND erased = 0`, workerID, "worker"); err != nil {
			return err
		}
		var active bool
		if err := tx.queryRow(`SELECT active FROM training_offers WHERE id = ?`, offerID).Scan(&active); err != nil {
			return notFound(err, "training_offer")
		}
		if !active {
			return &Error{Code: Conflict, Key: "training.offer_closed", Detail: "offer no longer active"}
		}
		r.At = tx.now
		id, err := tx.insert(`INSERT INTO training_referrals (worker_id, offer_id, wish_id, staff_id, at) VALUES (?, ?, ?, ?, ?)`,
			workerID, offerID, nullID(wishID), nullID(staff), tx.now.Unix())
		if isUnique(err) {
			return &Error{Code: Conflict, Key: "training.referred_before", Detail: "worker already referred to this offer"}
		}
		if err != nil {
			return err
		}
		r.ID = id
		if wishID != 0 {
			if _, err := tx.exec(`UPDATE training_wishes SET closed_at = ? WHERE id = ? AND worker_id = ? AND closed_at IS NULL`, tx.now.Unix(), wishID, workerID); err != nil {
				return err
			}
		}
		return tx.audit("refer", "training_referral", id, refs("worker", workerID, "offer", offerID))
	})
	return r, err
}

// Referrals lists a worker's referrals, newest first.
func (s *Store) Referrals(ctx context.Context, workerID int64) ([]TrainingReferral, error) {
	return queryAll(ctx, s, scanTrainingReferral, `SELECT id, worker_id, offer_id, coalesce(wish_id, 0), coalesce(staff_id, 0), at
		FROM training_referrals WHERE worker_id = ? ORDER BY at DESC, id DESC`, workerID)
}

func scanTrainingWish(sc scanner) (TrainingWish, error) {
	var w TrainingWish
	var at int64
	if err := sc.Scan(&w.ID, &w.WorkerID, &w.Topic, &w.TradeID, &w.CreatedBy, &at, &w.Closed); err != nil {
		return w, err
	}
	w.CreatedAt = time.Unix(at, 0)
	return w, nil
}

func scanTrainingOffer(sc scanner) (TrainingOffer, error) {
	var o TrainingOffer
	var at int64
	if err := sc.Scan(&o.ID, &o.Title, &o.Provider, &o.TradeID, &o.StartsOn, &o.Place, &o.Contact, &o.FeeFen, &o.Active, &at); err != nil {
		return o, err
	}
	o.CreatedAt = time.Unix(at, 0)
	return o, nil
}

func scanTrainingReferral(sc scanner) (TrainingReferral, error) {
	var r TrainingReferral
	var at int64
	if err := sc.Scan(&r.ID, &r.WorkerID, &r.OfferID, &r.WishID, &r.StaffID, &at); err != nil {
		return r, err
	}
	r.At = time.Unix(at, 0)
	return r, nil
}
