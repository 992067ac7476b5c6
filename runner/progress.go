package runner

import (
	"fmt"
	"io"
	"strings"

	"github.com/syscov/syscov/result"
)

// ProgressPrinter renders Progress events: on a terminal, one bar redrawn
// in place with a permanent line for every test that did not pass; else
// one plain line per test.
type ProgressPrinter struct {
	w     io.Writer
	tty   bool
	width int
	drawn bool
}

// NewProgressPrinter returns a printer writing to w. tty selects the bar;
// width is the terminal width (0 means 80).
func NewProgressPrinter(w io.Writer, tty bool, width int) *ProgressPrinter {
	if width <= 0 {
		width = 80
	}
	return &ProgressPrinter{w: w, tty: tty, width: width}
}

// Update prints one event. It suits Options.Progress.
func (p *ProgressPrinter) Update(ev Progress) {
	t := ev.Test
	line := fmt.Sprintf("%-11s %s (%d ms)%s", t.Status, t.ID, t.DurationMS, detail(t))
	if !p.tty {
		fmt.Fprintf(p.w, "[%*d/%d] %s\n", len(fmt.Sprint(ev.Total)), ev.Done, ev.Total, line)
		return
	}
	if t.Status != result.StatusPass {
		fmt.Fprintf(p.w, "\r\x1b[K%s\n", line)
	}
	p.bar(ev.Done, ev.Total, t.ID)
}

// Finish ends the bar's line, if one is drawn.
func (p *ProgressPrinter) Finish() {
	if p.tty && p.drawn {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.drawn = false
	}
}

func (p *ProgressPrinter) bar(done, total int, id string) {
	count := fmt.Sprintf(" %d/%d ", done, total)
	cells := max(10, min(40, p.width-len(count)-30))
	fill := 0
	if total > 0 {
		fill = cells * done / total
	}
	s := "[" + strings.Repeat("=", fill) + strings.Repeat(" ", cells-fill) + "]" + count + id
	if len(s) > p.width-1 {
		s = s[:p.width-1]
	}
	fmt.Fprint(p.w, "\r\x1b[K"+s)
	p.drawn = true
}

// detail is the short reason shown beside a status.
func detail(t *result.Test) string {
	switch t.Status {
	case result.StatusCrash:
		return ": " + t.Signal
	case result.StatusXFail:
		return ": " + t.Reason
	case result.StatusBuildError:
		return ": " + firstLine(t.BuildError)
	case result.StatusFail:
		if l := lastLine(t.Output); l != "" {
			return ": " + l
		}
	}
	return ""
}
