package valid

import "time"

// Limits of the numeric checks.
const (
	MinWorkerAge = 16
	MaxWorkerAge = 80
	MaxPayFen    = 10_000_000 // 100,000 元 for one job
	MaxHeadcount = 500
)

// BirthYear checks a worker's birth year: age (by calendar year) 16 to 80.
func BirthYear(y int, now time.Time) *Problem {
	if age := now.Year() - y; age < MinWorkerAge || age > MaxWorkerAge {
		return problem(FieldBirthYear, KeyBirthYearRange, "born %d: age %d is outside %d–%d", y, age, MinWorkerAge, MaxWorkerAge)
	}
	return nil
}

// PayFen checks one job's pay in fen: more than zero, at most 100,000 元.
func PayFen(fen int64) *Problem {
	switch {
	case fen == 0:
		return problem(FieldPay, KeyPayZero, "pay is zero")
	case fen < 0:
		return problem(FieldPay, KeyPayNegative, "pay %s is negative", FormatYuan(fen))
	case fen > MaxPayFen:
		return problem(FieldPay, KeyPayTooHigh, "pay %s is more than %s", FormatYuan(fen), FormatYuan(MaxPayFen))
	}
	return nil
}

// Headcount checks how many workers one job asks for: 1 to 500.
func Headcount(n int) *Problem {
	if n < 1 || n > MaxHeadcount {
		return problem(FieldHeadcount, KeyHeadcountRange, "head-count %d is outside 1–%d", n, MaxHeadcount)
	}
	return nil
}
