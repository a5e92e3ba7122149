# The everyday commands. `make preview` and `make test` work on a fresh Debian machine with Swift.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PORT ?= 8000
BRIEFS ?= 1000,10000
# Empty: bench/run's default, 5 runs below 100,000 briefs and 1 from 100,000 up.
RUNS ?=

.PHONY: deps test-deps release build preview serve test check-site check-portal bench bench-templates theme

deps: ## Install the system libraries the build links against (Debian's libcmark-dev and libxml2-dev).
	@missing=""; for p in libcmark-dev libxml2-dev; do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; [ -z "$$missing" ] || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing; }

test-deps: deps ## Also install nginx, which the fetch tests serve feeds with.
	@[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null || { $(SUDO) apt-get update -qq && { $(SUDO) apt-get install -y -qq --no-install-recommends nginx-light || $(SUDO) apt-get install -y -qq --no-install-recommends nginx; }; }

release: deps ## Build the release binary, .build/release/briefing, with Swift's runtime linked in (static Foundation needs libcurl's -dev package, installed when missing).
	@dpkg -s libcurl4-openssl-dev >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libcurl4-openssl-dev; }
	swift build -c release --static-swift-stdlib --product briefing

build: deps ## Build the example portal into public/.
	swift run briefing build

preview: build ## Build the example portal and serve it on http://localhost:$(PORT)/.
	@echo "Serving public/ on http://localhost:$(PORT)/ (Ctrl-C to stop)"
	python3 -m http.server --directory public --bind 127.0.0.1 $(PORT)

serve: deps ## Serve the example portal on http://127.0.0.1:$(PORT)/, rebuilding and reloading the browser on every change.
	swift run briefing serve --port $(PORT)

test: test-deps ## Run the test suite (it installs nginx when missing: the fetch tests serve feeds with it).
	@# The tests' scratch sites (thousands of folders a run) go to a folder of their own, removed afterwards; nginx's
	@# workers (the fetch tests) must be able to enter it.
	@scratch=$$(mktemp -d "$${TMPDIR:-/tmp}/briefing-tests.XXXXXX"); chmod 755 "$$scratch"; TMPDIR="$$scratch" swift test; status=$$?; rm -rf "$$scratch"; exit $$status

check-site: deps ## Build the example portal under a sub-path and check it with a validator, a feed reader and a link checker.
	bash .ci/check-site

check-portal: deps ## Serve the example portal with nginx under /portal/, crawl it over HTTP, then check it in headless Chromium with axe-core; screenshots in artifacts/screenshots/.
	bash .ci/check-portal

bench: deps ## Build benchmarks on synthetic sites (BRIEFS=1000,10000 by default; e.g. BRIEFS=10000,100000, RUNS=N, BENCH_FLAGS=--update-benchmarks) against the floors and two Hugo twins (see bench/README.md).
	bench/run --briefs $(BRIEFS) $(if $(RUNS),--runs $(RUNS)) $(BENCH_FLAGS)

bench-templates: ## Our Mustache engine against swift-mustache on a 50-brief list page.
	swift run -c release template-bench

theme: ## Compile templates/ into the binary's default theme after editing it.
	scripts/embed-default-theme
