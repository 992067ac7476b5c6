package trace

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"testing"
	"text/tabwriter"
	"time"

	"github.com/syscov/syscov/internal/testenv"
	"golang.org/x/sys/unix"
)

// BenchmarkOverhead measures what tracing costs, as ratios to the native
// run of the same workload, all measured in one interleaved run, because
// these machines are too noisy for absolute times: each traced run is
// followed by a native run of the same workload, and a cell is the median
// over the rounds of those pairs' ratios, so a drift in the machine's
// speed between rounds cancels out. Run it with
//
//	make bench   (go test -run '^$' -bench Overhead -benchtime 1x ./trace)
//
// SYSCOV_BENCH_ROUNDS sets the rounds (default 11). Each workload times
// itself through the vDSO, so tracer start-up is not counted.
func BenchmarkOverhead(b *testing.B) {
	testenv.RequirePrivileges(b)
	rounds := 11
	if s := os.Getenv("SYSCOV_BENCH_ROUNDS"); s != "" {
		if n, err := strconv.Atoi(s); err == nil && n > 0 {
			rounds = n
		}
	}
	bin := buildBench(b)
	spec := knownSpec
	ours, err := New(&Options{Spec: spec})
	if err != nil {
		b.Fatal(err)
	}
	defer ours.Close()
	floor, err := New(&Options{Floor: true})
	if err != nil {
		b.Fatal(err)
	}
	defer floor.Close()
	floor1, err := New(&Options{Floor: true, floorExitOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer floor1.Close()
	if ours.atEntry {
		b.Logf("this kernel has no BTF: syscov runs its sys_enter program too")
	}
	strace, _ := exec.LookPath("strace")
	bpftrace, _ := exec.LookPath("bpftrace")

	type workload struct {
		name string
		args []string
		// straceArgs is a smaller size for strace, whose cost on
		// syscall-bound loops would otherwise take minutes; native is
		// measured at that size too, so the ratio stays like for like.
		straceArgs []string
	}
	workloads := []workload{
		{"getppid 2M", []string{"getppid", "2000000"}, []string{"getppid", "100000"}},
		{"open/fstat/read/close+mmap mix", []string{"mix", "20000"}, nil},
		{"fork-heavy (2000 fork+wait)", []string{"fork", "2000"}, nil},
		{"4 threads x 500k getppid", []string{"threads", "4", "500000"}, []string{"threads", "4", "25000"}},
	}

	type config struct {
		name string
		run  func(args []string) (time.Duration, error)
	}
	native := func(args []string) (time.Duration, error) { return timed(exec.Command(bin, args...)) }
	underTracer := func(t *Tracer) func([]string) (time.Duration, error) {
		return func(args []string) (time.Duration, error) {
			var out bytes.Buffer
			cmd := exec.Command(bin, args...)
			cmd.Stdout = &out
			if _, err := t.Run(context.Background(), cmd, nil); err != nil {
				return 0, err
			}
			return parseElapsed(out.String())
		}
	}
	configs := []config{
		{"floor (empty programs)", underTracer(floor)},
		{"empty sys_exit only", underTracer(floor1)},
		{"syscov", underTracer(ours)},
	}
	if strace != "" {
		configs = append(configs, config{"strace -f -c", func(args []string) (time.Duration, error) {
			return timed(exec.Command(strace, append([]string{"-f", "-c", "-o", "/dev/null", bin}, args...)...))
		}})
	}
	if bpftrace != "" {
		// bpftrace resolves tracepoints through tracefs, which our raw
		// tracepoint programs do not need and hosts do not always mount.
		unmount, err := ensureTracefs()
		if err != nil {
			b.Fatalf("bpftrace is installed but tracefs is unusable: %v", err)
		}
		defer unmount()
		configs = append(configs, config{"bpftrace count by id+arg", func(args []string) (time.Duration, error) {
			prog := `tracepoint:raw_syscalls:sys_enter /pid == cpid/ { @[args->id, args->args[0]] = count(); }`
			// bpftrace 0.17 exits 1 after a harmless RLIMIT_MEMLOCK
			// warning; the workload's own elapsed line is what counts.
			var out bytes.Buffer
			cmd := exec.Command(bpftrace, "-q", "-e", prog, "-c", bin+" "+strings.Join(args, " "))
			cmd.Stdout = &out
			_ = cmd.Run()
			return parseElapsed(out.String())
		}})
	}

	var report bytes.Buffer
	tw := tabwriter.NewWriter(&report, 2, 8, 2, ' ', 0)
	fmt.Fprintf(tw, "workload\t%s\n", joinNames(configs, func(c config) string { return c.name }))
	for _, w := range workloads {
		ratios := map[string][]float64{}
		for r := 0; r < rounds; r++ {
			for _, c := range configs {
				args := w.args
				if c.name == "strace -f -c" && w.straceArgs != nil {
					args = w.straceArgs
				}
				d, err := c.run(args)
				if err != nil {
					b.Fatalf("%s / %s: %v", w.name, c.name, err)
				}
				// Native is measured right after each traced run.
				n, err := native(args)
				if err != nil {
					b.Fatalf("%s / native: %v", w.name, err)
				}
				ratios[c.name] = append(ratios[c.name], float64(d)/float64(n))
			}
		}
		var cells []string
		for _, c := range configs {
			ratio := median(ratios[c.name])
			cells = append(cells, fmt.Sprintf("%.2fx", ratio))
			b.ReportMetric(ratio, metricName(w.name, c.name))
		}
		fmt.Fprintf(tw, "%s\t%s\n", w.name, strings.Join(cells, "\t"))
	}

	// An unrelated process runs the mix while another scope is traced: the
	// programs fire for its syscalls too. The traced scope holds a process
	// that only sleeps, so the other core is idle in every configuration
	// and the difference is what the programs cost the unrelated process
	// (a busy traced process would also slow it through the shared core).
	unrelated := map[string][]float64{}
	mix := []string{"mix", "20000"}
	sleeper := testenv.RequireTool(b, "sleep", "coreutils")
	for r := 0; r < rounds; r++ {
		base, err := native(mix)
		if err != nil {
			b.Fatal(err)
		}
		for _, c := range []struct {
			name string
			t    *Tracer
		}{{"floor", floor}, {"floor1", floor1}, {"syscov", ours}} {
			ctx, cancel := context.WithCancel(context.Background())
			attached := make(chan struct{})
			done := make(chan error, 1)
			go func() {
				_, err := c.t.Run(ctx, exec.Command(sleeper, "3600"), &RunOptions{started: attached})
				done <- err
			}()
			select {
			case <-attached:
			case err := <-done:
				b.Fatalf("%s: %v", c.name, err)
			}
			d, err := native(mix)
			cancel()
			<-done
			if err != nil {
				b.Fatal(err)
			}
			unrelated[c.name] = append(unrelated[c.name], float64(d)/float64(base))
		}
	}
	fl, f1, us := median(unrelated["floor"]), median(unrelated["floor1"]), median(unrelated["syscov"])
	b.ReportMetric(fl, "x-unrelated-mix-floor")
	b.ReportMetric(f1, "x-unrelated-mix-floor-exit-only")
	b.ReportMetric(us, "x-unrelated-mix-syscov")
	fmt.Fprintf(tw, "unrelated process, mix (another scope traced)\t%.2fx\t%.2fx\t%.2fx\n", fl, f1, us)
	tw.Flush()
	b.Logf("ratios to native (median of %d interleaved rounds' paired ratios; strace at 1/20 size on getppid loops):\n%s", rounds, report.String())
}

// ensureTracefs mounts tracefs at /sys/kernel/tracing unless it is
// already there, and returns what undoes it.
func ensureTracefs() (func(), error) {
	const dir = "/sys/kernel/tracing"
	if _, err := os.Stat(dir + "/events"); err == nil {
		return func() {}, nil
	}
	if err := unix.Mount("tracefs", dir, "tracefs", 0, ""); err != nil {
		return nil, fmt.Errorf("mount tracefs on %s: %w", dir, err)
	}
	return func() { _ = unix.Unmount(dir, 0) }, nil
}

func buildBench(b *testing.B) string {
	cc := testenv.RequireTool(b, "musl-gcc", "musl-tools")
	out := b.TempDir() + "/bench"
	if o, err := exec.Command(cc, "-static", "-O2", "-pthread", "-o", out, "testdata/bench.c").CombinedOutput(); err != nil {
		b.Fatalf("build bench: %v\n%s", err, o)
	}
	return out
}

func timed(cmd *exec.Cmd) (time.Duration, error) {
	var out bytes.Buffer
	cmd.Stdout = &out
	if err := cmd.Run(); err != nil {
		return 0, fmt.Errorf("%s: %w", cmd.Path, err)
	}
	return parseElapsed(out.String())
}

func parseElapsed(s string) (time.Duration, error) {
	for _, line := range strings.Split(s, "\n") {
		if v, ok := strings.CutPrefix(line, "elapsed_ns "); ok {
			n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
			return time.Duration(n), err
		}
	}
	return 0, fmt.Errorf("no elapsed_ns line in %q", s)
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 0 {
		return (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	return s[len(s)/2]
}

func joinNames[T any](xs []T, f func(T) string) string {
	var s []string
	for _, x := range xs {
		s = append(s, f(x))
	}
	return strings.Join(s, "\t")
}

func metricName(w, c string) string {
	r := strings.NewReplacer(" ", "_", "/", "_", "+", "_", "(", "", ")", "")
	return "x-" + r.Replace(w) + "-" + r.Replace(c)
}
