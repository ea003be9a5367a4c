# dxserve: `make run` and `make test` do all setup on a fresh Debian/Ubuntu machine with Swift.
SWIFT      ?= swift
APT_DEPS   := libsqlite3-dev zlib1g-dev
BENCH_DEPS := python3 wrk nginx-light curl
PROFILE_DEPS := python3 valgrind strace wrk
HOST       ?= 127.0.0.1
PORT       ?= 8080
DB         ?= data/dx.sqlite

.PHONY: all deps build release run test bench bench-scale profile clean lint

all: build

# Installs the two C libraries the package links, if they are missing.
deps:
	@missing=""; for p in $(APT_DEPS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else \
	    echo "missing Debian packages:$$missing"; echo "run: sudo apt-get install -y$$missing"; exit 1; \
	  fi; \
	fi

build: deps
	$(SWIFT) build

# The Swift runtime and Foundation linked in, as the Dockerfile ships it: about 12 ms less to
# the first 200 and 5 MB less idle RSS than loading them as shared libraries (bench/results.md).
release: deps
	$(SWIFT) build -c release --static-swift-stdlib

run: release
	mkdir -p $(dir $(DB))
	.build/release/dxserve serve --host $(HOST) --port $(PORT) --db $(DB)

# The examples/ dataset (issue 12) on a scratch database: curl localhost:$(PORT)/api/v1/projects/1/kpis
demo: build
	PORT=$(PORT) bash scripts/demo.sh

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# dxserve against nginx on the same bytes, side by side (scripts/bench.py); writes bench/results.md.
bench: release
	bash scripts/install-debian.sh $(BENCH_DEPS)
	python3 scripts/bench.py

# 100,000 projects and 1,000,000 history rows: paging, facets, CSV export, search
# (scripts/bench_scale.py); writes bench/scale-results.md. Not part of `make test`.
bench-scale: release
	bash scripts/install-debian.sh python3
	python3 scripts/bench_scale.py

# Instructions (callgrind) and syscalls (strace) per cached request.
profile: release
	bash scripts/install-debian.sh $(PROFILE_DEPS)
	python3 scripts/profile.py

clean:
	rm -rf .build
