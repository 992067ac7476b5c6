package systab

import "strconv"

// ErrnoName returns the name of a positive error number: the UAPI names
// (x86_64 and aarch64 share them) and the kernel-internal ones a traced
// syscall can return (ERESTARTSYS 512 ... ENOGRACE 531); otherwise
// "E<number>". Aliases resolve to the first name (EAGAIN, not EWOULDBLOCK).
func ErrnoName(errno int) string {
	if n, ok := errnoNames[errno]; ok {
		return n
	}
	return "E" + strconv.Itoa(errno)
}

// SignalName returns the name of a signal number: SIGHUP..SIGSYS, then
// "SIGRTMIN+n" for the real-time signals 32..64 (the kernel's SIGRTMIN is
// 32), otherwise "SIG<number>".
func SignalName(sig int) string {
	if n, ok := signalNames[sig]; ok {
		return n
	}
	if sig >= 32 && sig <= 64 {
		if sig == 32 {
			return "SIGRTMIN"
		}
		return "SIGRTMIN+" + strconv.Itoa(sig-32)
	}
	return "SIG" + strconv.Itoa(sig)
}
