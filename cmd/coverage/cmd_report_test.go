package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/syscov/syscov/report"
)

const fixtureRun = "../../report/testdata/run.json"
const fixtureProfile = "../../report/testdata/demo-boot.json"

func TestReportCommand(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(bad, []byte("{\"schema\": \"syscov.run/v1\",\n \"tests\": [}"), 0o644)
	trace := filepath.Join(t.TempDir(), "trace.json")
	os.WriteFile(trace, []byte(`{"schema":"syscov.trace/v1","command":["true"]}`), 0o644)

	tests := []struct {
		name   string
		args   []string
		code   int
		stdout []string
		stderr []string
	}{
		{name: "text", args: []string{"report", fixtureRun}, stdout: []string{"Coverage assessment", "│ profile:musl-static", "10 total — 8 PASS, 1 XFAIL, 1 FAIL", "Target lint", "events/epoll_oneshot"}},
		{name: "markdown", args: []string{"report", fixtureRun, "--format", "markdown"}, stdout: []string{"## Coverage assessment", "| Dimension | Coverage | Note | Key |"}},
		{name: "csv", args: []string{"report", "--format", "csv", fixtureRun}, stdout: []string{"section,key,name,profiles,status,numerator,denominator,percent,detail", "assessment,dispatch,"}},
		{name: "extra profile", args: []string{"report", fixtureRun, "--profile", fixtureProfile}, stdout: []string{"profile:demo-boot", "values:demo-boot"}},
		{name: "fail-under met", args: []string{"report", fixtureRun, "--fail-under", "dispatch=60", "--fail-under", "profile:pthreads=50%"}, code: 0},
		{name: "fail-under missed", args: []string{"report", fixtureRun, "--fail-under", "dispatch=70", "--fail-under", "profile:pthreads=50", "--fail-under", "values=100"}, code: 1,
			stderr: []string{"fail-under: dispatch: 221 / 366 = 60.4%, below 70%\n", "fail-under: values: ", "below 100%"}},
		{name: "fail-under unknown row", args: []string{"report", fixtureRun, "--fail-under", "musl=3"}, code: 2,
			stderr: []string{`unknown row "musl"`, "dispatch, profile:busybox-static"}},
		{name: "fail-under bad percent", args: []string{"report", fixtureRun, "--fail-under", "dispatch=lots"}, code: 2, stderr: []string{`percent "lots" is not a number`}},
		{name: "corrupt json", args: []string{"report", bad}, code: 1, stderr: []string{bad, "offset 40 (line 2)", "invalid character"}},
		{name: "wrong schema", args: []string{"report", trace}, code: 1, stderr: []string{trace, `schema is "syscov.trace/v1", want "syscov.run/v1"`}},
		{name: "missing file", args: []string{"report", "/nonexistent/run.json"}, code: 1, stderr: []string{"/nonexistent/run.json"}},
		{name: "no argument", args: []string{"report"}, code: 2, stderr: []string{"give the RUN.json"}},
		{name: "two arguments", args: []string{"report", fixtureRun, fixtureRun}, code: 2, stderr: []string{"one RUN.json only"}},
		{name: "bad format", args: []string{"report", fixtureRun, "--format", "xml"}, code: 2, stderr: []string{`--format "xml"`}},
		{name: "target and kevlar-src", args: []string{"report", fixtureRun, "--target", "a", "--kevlar-src", "b"}, code: 2, stderr: []string{"not both"}},
		{name: "gvisor target", args: []string{"report", fixtureRun, "--target", "../../target/testdata/gvisor.json"}, stdout: []string{"Target dispatch entries (gvisor"}},
		{name: "kevlar source tree", args: []string{"report", fixtureRun, "--kevlar-src", "../../target/kevlar/testdata/tree", "--format", "csv"}, stdout: []string{"assessment,dispatch,Target dispatch entries (kevlar", "15,366,4.1", "lint,wrong-number,SYS_GETRLIMIT"}},
		{name: "kevlar source missing", args: []string{"report", fixtureRun, "--kevlar-src", "/nonexistent/kevlar"}, code: 1, stderr: []string{"/nonexistent/kevlar"}},
		{name: "help", args: []string{"report", "-h"}, stdout: []string{"usage: coverage report", "-fail-under", "examples:"}},
		{name: "gaps", args: []string{"gaps", fixtureRun, "--limit", "2", "--profile", fixtureProfile}, stdout: []string{"Gap review", "(the first 2 shown", "│ Rank │ Tier │ Syscall", "- tier 1: used by a traced workload"}},
		{name: "baseline without out", args: []string{"report", fixtureRun, "--baseline", fixtureRun}, code: 2, stderr: []string{"--baseline adds a chart: give --out DIR too"}},
		{name: "gaps json", args: []string{"gaps", fixtureRun, "--format", "json"}, stdout: []string{`"schema": "syscov.gaps/v1"`}},
		{name: "gaps bad limit", args: []string{"gaps", fixtureRun, "--limit", "-1"}, code: 2, stderr: []string{"--limit"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), &env{stdout: &stdout, stderr: &stderr}, tt.args)
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.code, &stdout, &stderr)
			}
			for _, s := range tt.stdout {
				if !strings.Contains(stdout.String(), s) {
					t.Errorf("stdout lacks %q:\n%s", s, &stdout)
				}
			}
			for _, s := range tt.stderr {
				if !strings.Contains(stderr.String(), s) {
					t.Errorf("stderr lacks %q:\n%s", s, &stderr)
				}
			}
		})
	}
}

func TestReportCommandOut(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), &env{stdout: &stdout, stderr: &stderr}, []string{"report", fixtureRun, "--out", dir, "--baseline", fixtureRun})
	if code != 0 {
		t.Fatalf("exit %d: %s", code, &stderr)
	}
	if stdout.Len() != 0 {
		t.Errorf("--out printed to stdout: %q", &stdout)
	}
	for _, f := range []string{"report.txt", "report.md", "report.json", "report.csv", "coverage.png", "coverage.svg", "groups.png", "heatmap.svg", "gaps.png"} {
		data, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil || len(data) == 0 {
			t.Errorf("%s: %v (%d bytes)", f, err, len(data))
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "before-after.png")); err != nil {
		t.Errorf("--baseline drew no before/after chart: %v", err)
	}
	var doc report.Report
	data, _ := os.ReadFile(filepath.Join(dir, "report.json"))
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Schema != report.Schema || len(doc.Rows) == 0 || doc.Status != "10 total — 8 PASS, 1 XFAIL, 1 FAIL" {
		t.Errorf("report.json: schema %q, %d rows, status %q", doc.Schema, len(doc.Rows), doc.Status)
	}
}
