package report

import (
	"fmt"
	"strconv"
	"strings"
)

// Threshold is a --fail-under ROW=PERCENT requirement.
type Threshold struct {
	Key     string
	Percent float64
}

// ParseThreshold parses "ROW=PERCENT" (PERCENT in 0..100, an optional
// trailing '%').
func ParseThreshold(s string) (Threshold, error) {
	key, val, ok := strings.Cut(s, "=")
	if !ok || key == "" {
		return Threshold{}, fmt.Errorf("parse threshold %q: want ROW=PERCENT, e.g. profile:musl-static=80", s)
	}
	p, err := strconv.ParseFloat(strings.TrimSuffix(val, "%"), 64)
	if err != nil || p < 0 || p > 100 {
		return Threshold{}, fmt.Errorf("parse threshold %q: percent %q is not a number from 0 to 100", s, val)
	}
	return Threshold{Key: key, Percent: p}, nil
}

// CheckKeys returns an error naming the valid keys if a threshold names
// no row of r.
func (r *Report) CheckKeys(ts []Threshold) error {
	for _, t := range ts {
		if _, ok := r.Row(t.Key); !ok {
			return fmt.Errorf("unknown row %q; rows of this report: %s", t.Key, strings.Join(r.RowKeys(), ", "))
		}
	}
	return nil
}

// Failures returns one line per threshold r does not meet, in the order
// given: a row below its percent (compared exactly, 100·Num/Den), or a
// row that could not be measured. Unknown keys are failures too.
func (r *Report) Failures(ts []Threshold) []string {
	var out []string
	for _, t := range ts {
		row, ok := r.Row(t.Key)
		switch {
		case !ok:
			out = append(out, fmt.Sprintf("%s: no such row (rows: %s)", t.Key, strings.Join(r.RowKeys(), ", ")))
		case row.NA:
			out = append(out, fmt.Sprintf("%s: not measured (%s), want at least %g%%", t.Key, row.Note, t.Percent))
		case 100*float64(row.Num) < t.Percent*float64(row.Den):
			out = append(out, fmt.Sprintf("%s: %s, below %g%%", t.Key, row.Ratio(), t.Percent))
		}
	}
	return out
}
