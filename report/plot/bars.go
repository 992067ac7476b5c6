package plot

import (
	"image/color"

	gplot "gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// segment is one coloured piece of a (possibly stacked) bar.
type segment struct {
	value float64
	color color.Color
}

// bar is one horizontal bar within a row; offset moves it up from the
// row's centre line (for grouped bars).
type bar struct {
	offset vg.Length
	segs   []segment
	note   string
}

// hbars draws rows of horizontal bars, the first row at the top, each bar
// followed by its note. It is a gonum Plotter so the plot supplies axes,
// title and scaling.
type hbars struct {
	rows  [][]bar
	xmax  float64
	width vg.Length
	note  text.Style
}

func (h *hbars) DataRange() (xmin, xmax, ymin, ymax float64) {
	return 0, h.xmax, -0.5, float64(len(h.rows)) - 0.5
}

func (h *hbars) Plot(c draw.Canvas, p *gplot.Plot) {
	trX, trY := p.Transforms(&c)
	n := len(h.rows)
	for i, row := range h.rows {
		y := trY(float64(n - 1 - i))
		for _, b := range row {
			yc := y + b.offset
			x0, sum := trX(0), 0.0
			for _, s := range b.segs {
				if s.value <= 0 {
					continue
				}
				sum += s.value
				x1 := trX(sum)
				c.FillPolygon(s.color, []vg.Point{
					{X: x0, Y: yc - h.width/2}, {X: x0, Y: yc + h.width/2},
					{X: x1, Y: yc + h.width/2}, {X: x1, Y: yc - h.width/2},
				})
				x0 = x1
			}
			if b.note != "" {
				c.FillText(h.note, vg.Point{X: x0 + 5, Y: yc}, b.note)
			}
		}
	}
}

// swatch is a legend thumbnail: a filled square of one colour.
type swatch struct{ color color.Color }

func (s swatch) Thumbnail(c *draw.Canvas) {
	pts := []vg.Point{
		{X: c.Min.X, Y: c.Min.Y}, {X: c.Min.X, Y: c.Max.Y},
		{X: c.Max.X, Y: c.Max.Y}, {X: c.Max.X, Y: c.Min.Y},
	}
	c.FillPolygon(s.color, pts)
	c.StrokeLines(draw.LineStyle{Color: color.Gray{Y: 0x99}, Width: 0.5}, append(pts, pts[0]))
}

// hbarLayout describes a horizontal bar chart before it is sized.
type hbarLayout struct {
	title, xLabel, yLabel string
	labels                []string // one per row, top first
	rows                  [][]bar
	scaleMax              float64 // data value of a full-length bar
	unit                  string  // appended to tick labels, e.g. "%"
	pitch                 vg.Length
	legend                []legendEntry
}

type legendEntry struct {
	name  string
	color color.Color
}

// build sizes the chart so that a full-scale bar is barArea long and the
// longest note fits to its right: the x range is stretched beyond
// scaleMax by exactly the room the notes need, and ticks stop at
// scaleMax.
func (l *hbarLayout) build() *Chart {
	p := newPlot(l.title, l.xLabel, l.yLabel)
	note := style(labelSize)
	var labW, noteW vg.Length
	for _, s := range l.labels {
		labW = max(labW, p.Y.Tick.Label.Width(s))
	}
	for _, row := range l.rows {
		for _, b := range row {
			noteW = max(noteW, note.Width(b.note))
		}
	}
	noteW += 12
	scale := l.scaleMax
	if scale <= 0 {
		scale = 1
	}
	data := barArea + noteW
	h := &hbars{rows: l.rows, xmax: scale * float64(data/barArea), width: barWidth, note: note}

	grid := plotter.NewGrid()
	grid.Horizontal.Width = 0
	grid.Vertical.Color = color.Gray{Y: 0xdd}
	p.Add(grid, h)
	p.X.Min, p.X.Max = 0, h.xmax
	p.X.Tick.Marker = niceTicks(scale, l.unit)
	names := make([]string, len(l.labels))
	for i, s := range l.labels {
		names[len(names)-1-i] = s
	}
	p.NominalY(names...)
	p.Y.Min, p.Y.Max = -0.5, float64(len(l.rows))-0.5

	pitch := l.pitch
	if pitch == 0 {
		pitch = rowPitch
	}
	c := &Chart{
		plot:   p,
		Width:  max(labW+data+margins, p.Title.TextStyle.Width(l.title)+40) + 2*pad,
		Height: max(minHeight, vg.Length(len(l.rows))*pitch+titleHeight(p)+100+2*pad),
	}
	if len(l.legend) > 0 {
		lg := gplot.NewLegend()
		lg.Top, lg.Left = true, true
		lg.TextStyle.Font.Size = labelSize
		lg.ThumbnailWidth = 14
		lg.XOffs = 8
		var w vg.Length
		for _, e := range l.legend {
			lg.Add(e.name, swatch{e.color})
			w = max(w, lg.TextStyle.Width(e.name))
		}
		c.legend = &lg
		c.legendWidth = w + lg.ThumbnailWidth + 30
		c.Width += c.legendWidth
	}
	return c
}
