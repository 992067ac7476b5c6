package plot

import (
	"errors"
	"fmt"
	"image/color"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"

	gplot "gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// ErrEmpty is returned (wrapped) by every constructor given no data.
var ErrEmpty = errors.New("nothing to plot")

// DPI is the resolution of PNG output: a Chart of Width w points is
// round(w/72*DPI) pixels wide.
const DPI = vgimg.DefaultDPI

// Chart is a rendered-on-demand chart with the size it should be drawn at.
type Chart struct {
	// Width and Height are the chart's size in points (1/72 inch).
	Width, Height vg.Length

	plot *gplot.Plot
	// legend, when set, is drawn in a strip of legendWidth on the right,
	// outside the data area, so it never hides a bar or a cell.
	legend      *gplot.Legend
	legendWidth vg.Length
}

// PixelSize returns the PNG dimensions of c in pixels.
func (c *Chart) PixelSize() (w, h int) {
	px := func(l vg.Length) int { return int(float64(l/vg.Inch)*DPI + 0.5) }
	return px(c.Width), px(c.Height)
}

// Save writes c to path; the extension (.png or .svg, any case) chooses
// the format.
func (c *Chart) Save(path string) (err error) {
	format := strings.TrimPrefix(strings.ToLower(filepath.Ext(path)), ".")
	if format != "png" && format != "svg" {
		return fmt.Errorf("save chart %s: unsupported extension %q (want .png or .svg)", path, filepath.Ext(path))
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("save chart: %w", err)
	}
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("save chart: %w", cerr)
		}
	}()
	if err := c.Encode(f, format); err != nil {
		return fmt.Errorf("save chart %s: %w", path, err)
	}
	return nil
}

// Encode writes c to w as format "png" or "svg".
func (c *Chart) Encode(w io.Writer, format string) error {
	var cw vg.CanvasWriterTo
	switch format {
	case "png":
		cw = vgimg.PngCanvas{Canvas: vgimg.New(c.Width, c.Height)}
	case "svg":
		cw = vgsvg.New(c.Width, c.Height)
	default:
		return fmt.Errorf("encode chart: unsupported format %q (want png or svg)", format)
	}
	c.draw(draw.New(cw))
	if _, err := cw.WriteTo(w); err != nil {
		return fmt.Errorf("encode chart: %w", err)
	}
	return nil
}

func (c *Chart) draw(dc draw.Canvas) {
	dc = draw.Crop(dc, pad, -pad, pad, -pad)
	if c.legend == nil {
		c.plot.Draw(dc)
		return
	}
	main := draw.Crop(dc, 0, -c.legendWidth, 0, 0)
	c.plot.Draw(main)
	strip := draw.Crop(dc, dc.Max.X-dc.Min.X-c.legendWidth, 0, -c.plot.Title.Padding-titleHeight(c.plot), 0)
	c.legend.Draw(strip)
}

// WriteAll saves c as DIR/BASE.png and DIR/BASE.svg and returns the two
// paths.
func WriteAll(dir, base string, c *Chart) ([]string, error) {
	var paths []string
	for _, ext := range []string{".png", ".svg"} {
		p := filepath.Join(dir, base+ext)
		if err := c.Save(p); err != nil {
			return paths, err
		}
		paths = append(paths, p)
	}
	return paths, nil
}

// Options are the settings every chart accepts; nil means defaults.
type Options struct {
	// Title replaces the chart's default title.
	Title string
	// XLabel replaces the default label of the value axis of bar charts
	// (e.g. what a gap's score counts).
	XLabel string
	// KeepOrder makes TopGaps keep the order of its input (a ranking
	// made elsewhere) instead of sorting by score.
	KeepOrder bool
}

func (o *Options) title(def string) string {
	if o != nil && o.Title != "" {
		return o.Title
	}
	return def
}

func (o *Options) xLabel(def string) string {
	if o != nil && o.XLabel != "" {
		return o.XLabel
	}
	return def
}

// Sizes, in points, chosen so that a PNG at 96 DPI reads at 100% zoom.
const (
	labelSize = 11 // tick labels, bar annotations
	axisSize  = 12 // axis titles
	titleSize = 15
	rowPitch  = vg.Length(26) // vertical space per bar row
	barWidth  = vg.Length(16) // thickness of a single bar
	barArea   = 4 * vg.Inch   // horizontal length of a full-scale bar
	margins   = vg.Length(70) // y axis title, tick marks and padding
	minHeight = 3 * vg.Inch
	pad       = vg.Length(8) // blank border around the whole chart
)

var (
	colMain     = color.RGBA{R: 0x2b, G: 0x6c, B: 0xb0, A: 0xff} // blue
	colBaseline = color.RGBA{R: 0xb0, G: 0xb0, B: 0xb0, A: 0xff} // grey
	colBefore   = color.RGBA{R: 0xa6, G: 0xc8, B: 0xe8, A: 0xff} // light blue
	colGap      = color.RGBA{R: 0xd0, G: 0x5a, B: 0x2a, A: 0xff} // orange-red
)

func style(size vg.Length) text.Style {
	return text.Style{
		Color:   color.Black,
		Font:    font.From(gplot.DefaultFont, size),
		Handler: gplot.DefaultTextHandler,
		XAlign:  draw.XLeft,
		YAlign:  draw.YCenter,
	}
}

func titleHeight(p *gplot.Plot) vg.Length {
	if p.Title.Text == "" {
		return 0
	}
	return p.Title.TextStyle.Height(p.Title.Text)
}

// newPlot returns a plot with syscov's title and axis styles.
func newPlot(title, xLabel, yLabel string) *gplot.Plot {
	p := gplot.New()
	p.Title.Text = title
	p.Title.TextStyle.Font = font.From(gplot.DefaultFont, titleSize)
	p.Title.Padding = vg.Points(10)
	p.X.Label.Text = xLabel
	p.Y.Label.Text = yLabel
	for _, a := range []*gplot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle.Font = font.From(gplot.DefaultFont, axisSize)
		a.Tick.Label.Font = font.From(gplot.DefaultFont, labelSize)
	}
	return p
}

// percent formats n/d as "N / D = P%" with one decimal; d == 0 gives
// "N / 0 (no denominator)" rather than a division by zero.
func percent(n, d int) string {
	if d == 0 {
		return fmt.Sprintf("%d / 0 (no denominator)", n)
	}
	return fmt.Sprintf("%d / %d = %.1f%%", n, d, 100*float64(n)/float64(d))
}

func pct(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return 100 * float64(n) / float64(d)
}

func checkRows(what string, rows []Row) error {
	if len(rows) == 0 {
		return fmt.Errorf("plot %s: %w", what, ErrEmpty)
	}
	for i, r := range rows {
		if r.Num < 0 || r.Den < 0 || r.Num > r.Den && r.Den > 0 {
			return fmt.Errorf("plot %s: row %d %q: %d / %d is not a fraction", what, i, r.Label, r.Num, r.Den)
		}
		if r.Den == 0 && r.Num != 0 {
			return fmt.Errorf("plot %s: row %d %q: %d / 0 is not a fraction", what, i, r.Label, r.Num)
		}
	}
	return nil
}

// niceTicks returns ticks from 0 to max (inclusive when max is a multiple
// of the step) with about five steps, so the axis stops where the data
// scale does and the annotation room to the right stays unmarked.
func niceTicks(max float64, unit string) gplot.ConstantTicks {
	if max <= 0 {
		return gplot.ConstantTicks{{Value: 0, Label: "0" + unit}}
	}
	raw := max / 5
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	if step < 1 {
		step = 1
	}
	var t gplot.ConstantTicks
	for v := 0.0; v <= max+step/1e6; v += step {
		t = append(t, gplot.Tick{Value: v, Label: trimFloat(v) + unit})
	}
	return t
}

func trimFloat(v float64) string {
	if v == math.Trunc(v) {
		return fmt.Sprintf("%.0f", v)
	}
	return fmt.Sprintf("%g", v)
}
