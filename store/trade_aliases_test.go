package store

import (
	"context"
	"errors"
	"slices"
	"testing"
)

func TestTradeAliases(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	head, err := s.Setup(ctx, "后街零工驿站", "王站长")
	if err != nil {
		t.Fatalf("setup: %v", err)
	}
	clerk, err := s.AddStaff(ctx, head.ID, "李文", RoleStaff)
	if err != nil {
		t.Fatalf("add clerk: %v", err)
	}
	cat, err := s.Catalog(ctx)
	if err != nil {
		t.Fatalf("catalog: %v", err)
	}
	masonry, _ := cat.Trade(7)
	if !slices.Contains(masonry.Aliases, "泥工") || !slices.Contains(masonry.Aliases, "瓦工") {
		t.Errorf("泥水 is not known as 泥工 and 瓦工: %v", masonry.Aliases)
	}
	for _, tr := range cat.Trades {
		if len(tr.Aliases) == 0 {
			t.Errorf("seeded trade %s has no aliases", tr.NameZh)
		}
	}

	tests := []struct {
		name    string
		staff   int64
		trade   int64
		aliases []string
		code    Code
		key     string
	}{
		{"a clerk may not", clerk.ID, 7, []string{"泥工"}, Conflict, "staff.head_only"},
		{"another trade's alias", head.ID, 7, []string{"泥工", "搬运"}, Conflict, "trade.alias_taken"},
		{"another trade's name", head.ID, 7, []string{"保洁"}, Conflict, "trade.alias_taken"},
		{"no such trade", head.ID, 999, []string{"某工"}, NotFound, "trade.not_found"},
		{"too many", head.ID, 7, []string{"a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "a10", "a11", "a12", "a13"}, Invalid, "trade.aliases_many"},
	}
	for _, tt := range tests {
		before := count(t, s, "trade_aliases")
		err := s.SetTradeAliases(ctx, tt.staff, tt.trade, tt.aliases)
		var se *Error
		if !errors.As(err, &se) || se.Code != tt.code || (tt.key != "" && se.Key != tt.key) {
			t.Errorf("%s: err = %v, want %s %s", tt.name, err, tt.code, tt.key)
		}
		if after := count(t, s, "trade_aliases"); after != before {
			t.Errorf("%s: a refusal changed the aliases (%d → %d)", tt.name, before, after)
		}
	}

	// the head replaces the set: cleaned, de-duplicated, sorted, audited
	if err := s.SetTradeAliases(ctx, head.ID, 7, []string{" 泥工 ", "泥工", "抹灰工", ""}); err != nil {
		t.Fatalf("set aliases: %v", err)
	}
	cat, err = s.Catalog(ctx)
	if err != nil {
		t.Fatalf("catalog: %v", err)
	}
	masonry, _ = cat.Trade(7)
	if want := []string{"抹灰工", "泥工"}; !slices.Equal(masonry.Aliases, want) {
		t.Errorf("aliases = %v, want %v", masonry.Aliases, want)
	}
	a, err := s.Audit(ctx, AuditFilter{Entity: "trade", Action: "aliases"})
	if err != nil || len(a) != 1 || a[0].EntityID != 7 || a[0].StaffID != head.ID {
		t.Errorf("audit = %+v, %v", a, err)
	}
}
