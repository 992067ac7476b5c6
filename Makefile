# syscov — make targets. `make help` lists them.
SHELL := /bin/bash
GO ?= go
BIN := bin/coverage
# Recorded as tool_version in the profiles the binary makes.
VERSION := $(shell git describe --always --dirty 2>/dev/null || echo devel)

# Debian packages the tests and the main job need at run time.
RUNTIME_PKGS := musl-tools linux-libc-dev gcc libc6-dev strace busybox-static procps util-linux systemd
# Extra packages to regenerate the committed BPF object.
GENERATE_PKGS := clang llvm libbpf-dev

.PHONY: help deps build test coverage generate bench lint

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

deps: ## install the Debian packages the tests and the main job need (root)
	@missing=$$(for p in $(RUNTIME_PKGS); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing:" $$missing; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

build: ## build bin/coverage
	$(GO) build -ldflags "-X main.version=$(VERSION)" -o $(BIN) ./cmd/coverage

lint: ## gofmt and go vet
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

test: deps lint ## run every test (root: the eBPF tests run for real)
	$(GO) test -race -count=1 ./...

coverage: deps build ## the main job: run the bundled contract suite and write coverage-report/
	./$(BIN) run

generate: ## regenerate generated code (BPF object, tables) with Debian's clang
	@missing=$$(for p in $(GENERATE_PKGS); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; fi
	$(GO) generate ./...

bench: deps ## tracer overhead benchmark (ratios to native, one interleaved run)
	$(GO) test -run '^$$' -bench . -benchtime 1x ./trace
