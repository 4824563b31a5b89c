package valid

import (
	"strings"
	"time"
	"unicode"
)

// provinceCodes are the first two digits of a resident ID (GB/T 2260), plus
// 83 (residence permits of Taiwan residents); 81/82 cover Hong Kong and Macao permits.
var provinceCodes = map[string]bool{
	"11": true, "12": true, "13": true, "14": true, "15": true,
	"21": true, "22": true, "23": true,
	"31": true, "32": true, "33": true, "34": true, "35": true, "36": true, "37": true,
	"41": true, "42": true, "43": true, "44": true, "45": true, "46": true,
	"50": true, "51": true, "52": true, "53": true, "54": true,
	"61": true, "62": true, "63": true, "64": true, "65": true,
	"71": true, "81": true, "82": true, "83": true,
}

// idWeights are the ISO 7064 MOD 11-2 weights 2^(17-i) mod 11 for the first 17 digits.
var idWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

const idCheckChars = "10X98765432"

// IDCheckChar returns the check character for the first 17 digits of a resident ID,
// or 0 when first17 does not start with 17 digits (demo data uses it to make valid IDs).
func IDCheckChar(first17 string) byte {
	if len(first17) < 17 || !allDigits(first17[:17]) {
		return 0
	}
	sum := 0
	for i := 0; i < 17; i++ {
		sum += int(first17[i]-'0') * idWeights[i]
	}
	return idCheckChars[sum%11]
}

// IDNumber checks an 18-character resident ID number (GB 11643-1999) and returns
// it with ASCII digits and an upper-case X.
func IDNumber(s string, now time.Time) (string, *Problem) {
	var b strings.Builder
	for _, r := range strings.TrimSpace(s) {
		r = foldWidth(r)
		if unicode.IsSpace(r) {
			continue
		}
		if r == 'x' {
			r = 'X'
		}
		b.WriteRune(r)
	}
	id := b.String()
	if id == "" {
		return "", problem(FieldIDNumber, KeyIDEmpty, "no ID number given")
	}
	for i, r := range id {
		if (r < '0' || r > '9') && (r != 'X' || i != len(id)-1) {
			return "", problem(FieldIDNumber, KeyIDChars, "an ID number is 17 digits and a final digit or X")
		}
	}
	if len(id) != 18 {
		return "", problem(FieldIDNumber, KeyIDLength, "an ID number has 18 characters, got %d", len(id))
	}
	if !provinceCodes[id[:2]] && id[0] != '9' { // 9…: foreigners' permanent residence ID (2023)
		return "", problem(FieldIDNumber, KeyIDRegion, "%s is no province code", id[:2])
	}
	birth, ok := birthDate(id)
	if !ok {
		return "", problem(FieldIDNumber, KeyIDBirthdate, "%s is not a real date", id[6:14])
	}
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	if birth.After(today) {
		return "", problem(FieldIDNumber, KeyIDFuture, "birth date %s is in the future", birth.Format(time.DateOnly))
	}
	if birth.Year() < 1900 {
		return "", problem(FieldIDNumber, KeyIDTooOld, "birth date %s is before 1900", birth.Format(time.DateOnly))
	}
	if IDCheckChar(id) != id[17] {
		return "", problem(FieldIDNumber, KeyIDChecksum, "check character should be %c, not %c", IDCheckChar(id), id[17])
	}
	return id, nil
}

// IDBirth returns the birth date (UTC midnight) of an ID number that is well
// formed and has the right check character; ok is false otherwise.
func IDBirth(id string) (time.Time, bool) {
	if len(id) != 18 || IDCheckChar(id) != id[17] {
		return time.Time{}, false
	}
	return birthDate(id)
}

// birthDate reads YYYYMMDD at positions 7–14 and refuses dates time.Date would roll over (0230 → 0302).
func birthDate(id string) (time.Time, bool) {
	if !allDigits(id[6:14]) {
		return time.Time{}, false
	}
	y := atoi(id[6:10])
	m := atoi(id[10:12])
	d := atoi(id[12:14])
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}

func atoi(digits string) int {
	n := 0
	for i := 0; i < len(digits); i++ {
		n = n*10 + int(digits[i]-'0')
	}
	return n
}
