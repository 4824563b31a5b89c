// Package valid checks and normalises what staff type at the counter.
// Every check is pure: no I/O, and anything that depends on the date takes now.
// A value is usable only when the returned *Problem is nil; on a problem the
// value returned is the zero value. It must not import store or touch a database:
// store turns a *Problem into its own *Error, the screens turn its Key into words.
package valid

import (
	"fmt"
	"strings"
)

// Problem says why a value was refused. Key is a message key the UI translates;
// Field names the field; Detail is an English sentence for logs and tests.
type Problem struct {
	Field, Key, Detail string
}

func (p *Problem) Error() string { return p.Field + ": " + p.Detail }

// Message keys; stable, the UI catalogue has zh and en text for each.
const (
	KeyPhoneEmpty  = "phone.empty"  // nothing typed
	KeyPhoneChars  = "phone.chars"  // letters or symbols in the number
	KeyPhoneLength = "phone.length" // not 11 digits
	KeyPhonePrefix = "phone.prefix" // not a mainland mobile (1[3-9]…, or a foreign country code)

	KeyIDEmpty     = "idno.empty"     // nothing typed
	KeyIDChars     = "idno.chars"     // not 17 digits and a digit or X at the end
	KeyIDLength    = "idno.length"    // not 18 characters
	KeyIDRegion    = "idno.region"    // first two digits are no province code
	KeyIDBirthdate = "idno.birthdate" // positions 7–14 are no real date
	KeyIDFuture    = "idno.future"    // birth date after today
	KeyIDTooOld    = "idno.too_old"   // birth date before 1900
	KeyIDChecksum  = "idno.checksum"  // last character does not match (typing mistake)

	KeyNameEmpty   = "name.empty"   // nothing typed
	KeyNameLong    = "name.long"    // more than 30 characters
	KeyNameControl = "name.control" // control characters or escape sequences
	KeyNameDigit   = "name.digit"   // digits
	KeyNameSymbol  = "name.symbol"  // emoji, punctuation or other symbols
	KeyNameChars   = "name.chars"   // letters of other scripts (neither Chinese nor Latin)
	KeyNamePunct   = "name.punct"   // ·, ' or - not between two letters

	KeyBirthYearRange = "birthyear.range" // age not 16–80

	KeyPayZero     = "pay.zero"     // pay is 0
	KeyPayNegative = "pay.negative" // pay below 0
	KeyPayTooHigh  = "pay.too_high" // more than 100,000 元 for one job

	KeyHeadcountRange = "headcount.range" // not 1–500 people

	KeyTextLong = "text.long" // more characters than the field allows

	KeyMoneyEmpty    = "money.empty"    // nothing typed
	KeyMoneyFormat   = "money.format"   // not a number of 元
	KeyMoneyNegative = "money.negative" // a minus sign
	KeyMoneyDecimals = "money.decimals" // more than two decimals (smaller than 1 分)
	KeyMoneyTooBig   = "money.too_big"  // beyond any sensible amount
)

// Keys lists every message key this package uses, for the catalogue test.
var Keys = []string{
	KeyPhoneEmpty, KeyPhoneChars, KeyPhoneLength, KeyPhonePrefix,
	KeyIDEmpty, KeyIDChars, KeyIDLength, KeyIDRegion, KeyIDBirthdate, KeyIDFuture, KeyIDTooOld, KeyIDChecksum,
	KeyNameEmpty, KeyNameLong, KeyNameControl, KeyNameDigit, KeyNameSymbol, KeyNameChars, KeyNamePunct,
	KeyBirthYearRange,
	KeyPayZero, KeyPayNegative, KeyPayTooHigh,
	KeyHeadcountRange,
	KeyTextLong,
	KeyMoneyEmpty, KeyMoneyFormat, KeyMoneyNegative, KeyMoneyDecimals, KeyMoneyTooBig,
}

// Field names used in Problem.Field by the checks that know their field.
const (
	FieldPhone     = "phone"
	FieldIDNumber  = "idno"
	FieldName      = "name"
	FieldBirthYear = "birthyear"
	FieldPay       = "pay"
	FieldHeadcount = "headcount"
	FieldMoney     = "money"
)

func problem(field, key, format string, args ...any) *Problem {
	return &Problem{Field: field, Key: key, Detail: fmt.Sprintf(format, args...)}
}

// FoldWidth turns the full-width letters, digits and signs an input method types into ASCII.
func FoldWidth(s string) string { return strings.Map(foldWidth, s) }

// foldWidth turns full-width ASCII (！ to ～) and the ideographic space into ASCII.
func foldWidth(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		return r - 0xFEE0
	case r == 0x3000:
		return ' '
	}
	return r
}
