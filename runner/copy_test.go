package runner

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
)

// TestCopyFileNoTextBusy copies an executable and runs the copy at once,
// again and again, while other goroutines keep forking. A copy whose write
// descriptor leaked into a child that had forked but not yet exec'd made
// exec fail with ETXTBSY ("text file busy"), aborting a whole coverage run.
func TestCopyFileNoTextBusy(t *testing.T) {
	src, err := exec.LookPath("true")
	if err != nil {
		t.Fatalf("find true: %v", err)
	}
	dir := t.TempDir()
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				exec.Command(src).Run()
			}
		}()
	}
	defer func() { close(stop); wg.Wait() }()
	for i := range 300 {
		dst := filepath.Join(dir, fmt.Sprint(i))
		if err := copyFile(dst, src); err != nil {
			t.Fatal(err)
		}
		if err := exec.Command(dst).Run(); err != nil {
			if errors.Is(err, syscall.ETXTBSY) {
				t.Fatalf("run copy %d: %v (the copy's write descriptor leaked into a forked child)", i, err)
			}
			t.Fatalf("run copy %d: %v", i, err)
		}
		os.Remove(dst)
	}
}
