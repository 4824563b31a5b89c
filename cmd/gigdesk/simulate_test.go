package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestSimulateCommand(t *testing.T) {
	t.Setenv("GIGDESK_LANG", "")
	out, err := gd(t, "simulate", "--days", "10", "--seed", "3", "--lang", "en")
	if err != nil {
		t.Fatalf("simulate: %v\n%s", err, out)
	}
	for _, want := range []string{"A simulated station, 10 days (seed 3", "Fill rate", "Gini of days worked", "rotation", "day plan", "Days worked (workers", "───"} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q:\n%s", want, out)
		}
	}
	again, _ := gd(t, "simulate", "--days", "10", "--seed", "3", "--lang", "en")
	if again != out {
		t.Error("the same seed printed two different months")
	}
	zh, err := gd(t, "simulate", "--days", "5", "--policy", "lottery")
	if err != nil || !strings.Contains(zh, "补满率") || !strings.Contains(zh, "抽签") || strings.Contains(zh, "轮换") {
		t.Errorf("one policy in Chinese: %v\n%s", err, zh)
	}
	js, err := gd(t, "simulate", "--days", "5", "--format", "json", "--weights", `{"rotation":40}`)
	if err != nil {
		t.Fatalf("json: %v\n%s", err, js)
	}
	var doc struct {
		Policies []struct {
			Policy   string  `json:"policy"`
			FillRate float64 `json:"fill_rate"`
			Weights  struct {
				Rotation int `json:"rotation"`
			} `json:"weights"`
		} `json:"policies"`
		DaysWorked [][]int `json:"days_worked"`
	}
	if err := json.Unmarshal([]byte(js), &doc); err != nil {
		t.Fatalf("json: %v\n%s", err, js)
	}
	if len(doc.Policies) != 6 || len(doc.DaysWorked) != 6 || doc.Policies[0].Weights.Rotation != 40 || doc.Policies[0].FillRate <= 0 {
		t.Errorf("json document: %+v", doc)
	}
	before, err := gd(t, "simulate", "--days", "3", "--policy", "score", "--weights", "before", "--lang", "en")
	if err != nil || !strings.Contains(before, `"rotation":10`) {
		t.Errorf("--weights before: %v\n%s", err, before)
	}
	for _, bad := range [][]string{
		{"--policy", "nepotism"}, {"--days", "0"}, {"--days", "400"}, {"--format", "xml"},
		{"--start", "yesterday"}, {"--weights", `{"trade":0}`}, {"--weights", "{"},
	} {
		out, err := gd(t, append([]string{"simulate", "--lang", "en"}, bad...)...)
		if err == nil {
			t.Errorf("simulate %v: no error\n%s", bad, out)
		}
	}
}
