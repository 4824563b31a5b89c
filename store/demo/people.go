package demo

import (
	"fmt"
	"strings"
	"time"

	"gigdesk/store/valid"
)

// People: names, phone numbers, resident ID numbers and home addresses, for workers and employers.

// Resident-ID region codes: Jiulongpo first, then the rest of Chongqing and Sichuan.
var (
	regionJiulongpo = "500107"
	regionCQ1       = []string{"500101", "500102", "500103", "500104", "500105", "500106", "500108", "500109", "500110", "500112", "500113", "500115", "500116", "500117", "500118", "500120"}
	regionCQ2       = []string{"500228", "500229", "500230", "500231", "500233", "500235", "500236", "500237", "500238", "500240", "500241", "500242", "500243"}
	regionSichuan   = []string{"510722", "511621", "511322", "513022", "511025", "511321", "510129", "511602"}
	mobilePrefixes  = []string{"130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155", "156", "157", "158", "159", "166", "173", "175", "176", "177", "178", "180", "181", "182", "183", "185", "186", "187", "188", "189", "191", "198", "199"}
)

func (g *gen) phone(landline bool) string {
	for {
		var p string
		if landline {
			p = fmt.Sprintf("0236%07d", g.r.IntN(10_000_000))
		} else {
			p = g.one(mobilePrefixes) + fmt.Sprintf("%08d", g.r.IntN(100_000_000))
		}
		if !g.used[p] {
			g.used[p] = true
			return p
		}
	}
}

func (g *gen) personName(male bool, birthYear int, heteronym bool) string {
	sur := surnames[g.pick(g.surnamePick)].name
	if heteronym {
		sur = g.one(heteronymSurnames)
	}
	var pool []string
	switch {
	case male && birthYear < 1980:
		pool = maleOld
	case male:
		pool = maleYoung
	case birthYear < 1980:
		pool = femOld
	default:
		pool = femYoung
	}
	return sur + g.one(pool)
}

// birthYear gives ages 18–65, most of them 35–60.
func (g *gen) birthYear() int {
	bands := [][3]int{{18, 24, 6}, {25, 34, 14}, {35, 44, 25}, {45, 54, 32}, {55, 60, 18}, {61, 65, 5}}
	x := g.r.IntN(100)
	for _, b := range bands {
		if x < b[2] {
			return g.now.Year() - g.between(b[0], b[1])
		}
		x -= b[2]
	}
	return g.now.Year() - 45
}

// idNumber makes a valid resident ID (GB 11643 check character) born in year.
func (g *gen) idNumber(year int, male bool) (string, bool) {
	var region string
	out := true
	switch x := g.r.IntN(100); {
	case x < 45:
		region, out = regionJiulongpo, false
	case x < 70:
		region = g.one(regionCQ1)
	case x < 85:
		region = g.one(regionCQ2)
	default:
		region = g.one(regionSichuan)
	}
	for {
		month := g.between(1, 12)
		days := time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
		seq := g.r.IntN(100)*10 + g.r.IntN(5)*2
		if male {
			seq++
		}
		first := fmt.Sprintf("%s%04d%02d%02d%03d", region, year, month, g.between(1, days), seq)
		id := first + string(valid.IDCheckChar(first))
		if !g.used[id] {
			g.used[id] = true
			return id, out
		}
	}
}

func (g *gen) address(c community) string {
	if strings.HasSuffix(c.name, "村") {
		return fmt.Sprintf("%s%d组%d号", c.name, g.between(1, 12), g.between(1, 80))
	}
	return fmt.Sprintf("%s%d栋%d单元%d0%d", c.name, g.between(1, 24), g.between(1, 4), g.between(1, 18), g.between(1, 4))
}
