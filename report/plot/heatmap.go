package plot

import (
	"fmt"
	"image/color"
	"math"

	gplot "gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Matrix is the test × syscall table of a run: Counts[i][j] is how many
// times test Tests[i] called syscall Syscalls[j]. For yes/no data use 1
// and 0.
type Matrix struct {
	Tests    []string
	Syscalls []string
	Counts   [][]uint64
}

// MaxLabels is the largest number of rows (or columns) whose every label
// the heat map draws; past it cells shrink and only every k-th label is
// drawn.
const MaxLabels = 250

const (
	cellSize     = vg.Length(9) // side of one cell while labels are all drawn
	cellMinSize  = vg.Length(2)
	heatFontSize = 8
	heatMaxSide  = MaxLabels * cellSize // data area cap per axis
)

// decadeColors colour the buckets 1–9, 10–99, 100–999, ... calls
// (ColorBrewer YlGnBu, light to dark); counts of 10^6 and more share the
// last colour.
var decadeColors = []color.Color{
	color.RGBA{0xc7, 0xe9, 0xb4, 0xff},
	color.RGBA{0x7f, 0xcd, 0xbb, 0xff},
	color.RGBA{0x41, 0xb6, 0xc4, 0xff},
	color.RGBA{0x1d, 0x91, 0xc0, 0xff},
	color.RGBA{0x22, 0x5e, 0xa8, 0xff},
	color.RGBA{0x25, 0x34, 0x94, 0xff},
	color.RGBA{0x08, 0x1d, 0x58, 0xff},
}

var colNone = color.RGBA{0xf2, 0xf2, 0xf2, 0xff}

func bucket(n uint64) int {
	return min(int(math.Floor(math.Log10(float64(n)))), len(decadeColors)-1)
}

func bucketName(b int, last bool) string {
	lo := uint64(math.Pow10(b))
	if last {
		return fmt.Sprintf("≥ %s calls", commas(lo))
	}
	return fmt.Sprintf("%s–%s calls", commas(lo), commas(lo*10-1))
}

// commas formats n with thousands separators: 1234567 → "1,234,567".
func commas(n uint64) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// cells draws the matrix, row 0 at the top: one background rectangle in
// the "not called" colour, white grid lines, then only the non-zero cells,
// so the SVG of a sparse matrix stays small.
type cells struct{ m *Matrix }

func (h cells) DataRange() (xmin, xmax, ymin, ymax float64) {
	return -0.5, float64(len(h.m.Syscalls)) - 0.5, -0.5, float64(len(h.m.Tests)) - 0.5
}

func (h cells) Plot(c draw.Canvas, p *gplot.Plot) {
	trX, trY := p.Transforms(&c)
	nt, ns := len(h.m.Tests), len(h.m.Syscalls)
	left, right := trX(-0.5), trX(float64(ns)-0.5)
	bottom, top := trY(-0.5), trY(float64(nt)-0.5)
	c.FillPolygon(colNone, []vg.Point{{X: left, Y: bottom}, {X: left, Y: top}, {X: right, Y: top}, {X: right, Y: bottom}})
	gap := min(vg.Length(0.5), (trX(1)-trX(0))/6, (trY(1)-trY(0))/6)
	line := draw.LineStyle{Color: color.White, Width: 2 * gap}
	for j := 1; j < ns; j++ {
		x := trX(float64(j) - 0.5)
		c.StrokeLine2(line, x, bottom, x, top)
	}
	for i := 1; i < nt; i++ {
		y := trY(float64(i) - 0.5)
		c.StrokeLine2(line, left, y, right, y)
	}
	for i, row := range h.m.Counts {
		y0, y1 := trY(float64(nt-1-i)-0.5), trY(float64(nt-1-i)+0.5)
		for j, n := range row {
			if n == 0 {
				continue
			}
			x0, x1 := trX(float64(j)-0.5), trX(float64(j)+0.5)
			col := decadeColors[bucket(n)]
			c.FillPolygon(col, []vg.Point{
				{X: x0 + gap, Y: y0 + gap}, {X: x0 + gap, Y: y1 - gap},
				{X: x1 - gap, Y: y1 - gap}, {X: x1 - gap, Y: y0 + gap},
			})
		}
	}
}

// thin returns ticks at every k-th index (labels reversed when top-first
// is set, so index 0 is drawn at the top) and k.
func thin(names []string, cell vg.Length, topFirst bool) (gplot.ConstantTicks, int) {
	k := 1
	if cell < cellSize {
		k = int(math.Ceil(float64(cellSize / cell)))
	}
	var t gplot.ConstantTicks
	for i := 0; i < len(names); i += k {
		v := float64(i)
		if topFirst {
			v = float64(len(names) - 1 - i)
		}
		t = append(t, gplot.Tick{Value: v, Label: names[i]})
	}
	return t, k
}

// Heatmap draws m as a grid, tests down the left, syscalls along the
// bottom, cell colour the decade of the call count (a log scale; see the
// package documentation). The image grows with the matrix: 9 points per
// cell up to MaxLabels cells per side, then cells shrink (to no less than
// 2 points) and labels are thinned to every k-th, which the title states.
func Heatmap(m *Matrix, o *Options) (*Chart, error) {
	if m == nil || len(m.Tests) == 0 || len(m.Syscalls) == 0 {
		return nil, fmt.Errorf("plot heatmap: %w", ErrEmpty)
	}
	if len(m.Counts) != len(m.Tests) {
		return nil, fmt.Errorf("plot heatmap: %d count rows for %d tests", len(m.Counts), len(m.Tests))
	}
	var top uint64
	for i, row := range m.Counts {
		if len(row) != len(m.Syscalls) {
			return nil, fmt.Errorf("plot heatmap: test %q has %d counts for %d syscalls", m.Tests[i], len(row), len(m.Syscalls))
		}
		for _, n := range row {
			top = max(top, n)
		}
	}
	ns, nt := len(m.Syscalls), len(m.Tests)
	cellX := max(cellMinSize, min(cellSize, heatMaxSide/vg.Length(ns)))
	cellY := max(cellMinSize, min(cellSize, heatMaxSide/vg.Length(nt)))

	title := fmt.Sprintf("Syscalls per test (%d tests × %d syscalls; colour: call count, log scale)", nt, ns)
	p := newPlot(o.title(title), "syscall", "test")
	p.Add(cells{m})
	p.X.Min, p.X.Max = -0.5, float64(ns)-0.5
	p.Y.Min, p.Y.Max = -0.5, float64(nt)-0.5
	xt, kx := thin(m.Syscalls, cellX, false)
	yt, ky := thin(m.Tests, cellY, true)
	if kx > 1 || ky > 1 {
		p.Title.Text += fmt.Sprintf("\nlabels thinned: one per %d syscalls, one per %d tests", kx, ky)
	}
	p.X.Tick.Marker, p.Y.Tick.Marker = xt, yt
	for _, a := range []*gplot.Axis{&p.X, &p.Y} {
		a.Tick.Label.Font = font.From(gplot.DefaultFont, heatFontSize)
		// Invisible ticks: their length only keeps labels off the cells.
		a.Tick.Length = 4
		a.Tick.LineStyle.Color = color.Transparent
		a.Padding = 0
		a.Width = 0
	}
	// gonum aligns a rotated label as if it were not rotated, which sinks
	// its end into the cells by about half a label height; move it out.
	p.X.Tick.Length = 4 + p.X.Tick.Label.Height("0")
	p.X.Tick.Label.Rotation = math.Pi / 2
	p.X.Tick.Label.XAlign = draw.XRight
	p.X.Tick.Label.YAlign = draw.YCenter

	var labW, sysW vg.Length
	for _, s := range m.Tests {
		labW = max(labW, p.Y.Tick.Label.Width(s))
	}
	for _, s := range m.Syscalls {
		sysW = max(sysW, p.X.Tick.Label.Width(s))
	}

	lg := gplot.NewLegend()
	lg.Top, lg.Left = true, true
	lg.TextStyle.Font.Size = labelSize
	lg.ThumbnailWidth = 14
	lg.XOffs = 8
	lg.Add("not called", swatch{colNone})
	var lgW vg.Length = lg.TextStyle.Width("not called")
	if top == 1 {
		lg.Add("called", swatch{decadeColors[0]})
	} else if top > 1 {
		last := bucket(top)
		for b := 0; b <= last; b++ {
			name := bucketName(b, b == len(decadeColors)-1)
			lg.Add(name, swatch{decadeColors[b]})
			lgW = max(lgW, lg.TextStyle.Width(name))
		}
	}
	lgW += lg.ThumbnailWidth + 30

	c := &Chart{
		plot:        p,
		legend:      &lg,
		legendWidth: lgW,
	}
	c.Width = max(labW+vg.Length(ns)*cellX+margins, p.Title.TextStyle.Width(p.Title.Text)+40) + lgW + 2*pad
	c.Height = max(minHeight, vg.Length(nt)*cellY+sysW+p.Title.TextStyle.Height(p.Title.Text)+70+2*pad)
	return c, nil
}
