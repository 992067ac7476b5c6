// Package workload runs a workload script under the eBPF tracer and turns
// it into the runs a traced profile is made from (profile.FromTraces).
//
// A workload script is plain text, one step per line, each step one
// applet of a multi-call binary (BusyBox) run as `BINARY APPLET ARGS...`
// in a scratch directory. Each step is traced as its own run, in its own
// scope, so every syscall is attributed to the applet of the step that
// issued it — including what that applet spawns (sh's children, xargs's
// commands, httpd's per-connection processes). The bundled BusyBox
// workload (busybox.workload) is embedded as BusyBox; `coverage profile
// busybox` runs it.
//
// # Script syntax
//
//	# comment (whole lines only)
//	APPLET ARG... [< FILE] [> FILE | >> FILE]
//	%fail APPLET ARG...   the step must end with a non-zero status or a signal
//	%bg APPLET ARG...     start the step in the background; it runs until it
//	                      exits or the workload ends (then it is killed)
//	%listen PORT          wait until a TCP socket listens on 127.0.0.1:PORT
//
// Words are split like a POSIX shell's, without globbing: single quotes
// are literal, double quotes and backslashes work as in sh. $PORT (a free
// loopback port picked for the run), $BUSYBOX (the binary's path) and
// $DIR (the scratch directory) are expanded outside single quotes; any
// other $NAME is an error. Redirections take the last words of a line;
// without one, stdin is /dev/null and stdout is discarded. A step must
// exit 0 unless marked %fail; a failure stops the workload with an error
// naming the line and the applet's standard error.
//
// Steps run with a fixed environment (PATH=/usr/bin:/bin, HOME=$DIR,
// LC_ALL=C, TZ=UTC), so the syscalls issued depend neither on the
// caller's environment nor on the time of day. The network steps use the
// loopback interface only.
package workload
