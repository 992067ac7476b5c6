// Package plot renders syscov's coverage charts as PNG and SVG with
// gonum.org/v1/plot.
//
// It is pure rendering: each constructor takes plain values defined here
// (Row, GroupBar, Gap, Matrix), checks them, and returns a *Chart whose
// size already fits its content (images grow with the number of rows and
// columns so every label stays legible). Chart.Save picks the format from
// the file extension (.png or .svg); Chart.Encode writes to any io.Writer;
// WriteAll writes both formats side by side.
//
// The charts:
//
//   - Coverage: one horizontal bar per row, labelled "N / D = P%".
//   - Groups: syscalls per group, stacked: runtime baseline, then the
//     syscalls specific to the group, labelled "B + S = T".
//   - Heatmap: test × syscall call counts. Colour is bucketed by decade
//     (1–9, 10–99, 100–999, ... calls), a log scale, because counts span many
//     orders of magnitude and a linear scale would paint all but the
//     loudest cells the same colour; cells with no call stay near-white.
//     Every row and column is labelled while the matrix has at most
//     MaxLabels of them; beyond that only every k-th label is drawn, and
//     the chart title says so.
//   - TopGaps: the highest-scoring gaps, score bars labelled with the note.
//   - BeforeAfter: grouped bars, a baseline run's rows against the new
//     run's, each labelled "N / D = P%".
//
// Empty or inconsistent input is an error, never a panic and never an
// empty picture.
package plot
