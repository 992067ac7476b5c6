package trace

// The BPF object and its Go bindings are committed, so building and testing
// never need clang. Regenerate with `make generate` (Debian: clang, llvm,
// libbpf-dev).
//go:generate go run github.com/cilium/ebpf/cmd/bpf2go -cc clang -target amd64 -type key -type sys_cfg -type slot_cfg -type scope_state -type scope_ent syscov bpf/syscov.c -- -I/usr/include/x86_64-linux-gnu -O2 -g -Wall
