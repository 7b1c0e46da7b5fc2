# Two commands for a fresh machine:  make serve   (run the app)   make test   (run every check)
# Both install what is missing first (scripts/setup.sh: pinned versions, skips what is already there).

SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
export CARGO_TERM_COLOR ?= never

TRUNK_BUILD := trunk build --release --offline --public-url ./

.PHONY: setup serve build deploy-config test lint test-native test-wasm test-e2e size bench clean

setup:
	@scripts/setup.sh

## Run the app at http://127.0.0.1:8080/ (rebuilds on change).
serve: setup
	trunk serve --offline

## Release build into dist/ (relative URLs: works under any sub-path), with the first view prerendered
## into dist/index.html from the same components (src/prerender.rs).
## Then scripts/postbuild.mjs: CSP <meta>, icons and manifest, sw.js (offline), _headers, .br/.gz, and the
## single-file edition dist-single/web-infra-evolution.html.
build: setup
	$(TRUNK_BUILD)
	cargo run --quiet --profile prerender --bin prerender -- dist/index.html
	node scripts/postbuild.mjs dist

## After a change to deploy/headers.mjs or to the set of built files: rewrite deploy/_headers and the header
## block of deploy/nginx.conf from deploy/headers.mjs (make build only checks them), then commit deploy/.
deploy-config: build
	node scripts/postbuild.mjs dist --write-deploy

## Every check: format, lints on both targets, native tests, wasm tests in headless Chromium,
## end-to-end tests on the built dist/ over real HTTP, and the size budget.
test: setup lint test-native test-wasm build test-e2e size

lint:
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings

test-native:
	cargo test

test-wasm:
	cargo test --target wasm32-unknown-unknown --test app

## End-to-end tests with Playwright (playwright.config.mjs, tests/e2e/README.md) on the built dist/, served by one
## private nginx under /a/b/web-infra/. ARGS goes to Playwright, e.g. ARGS=--update-snapshots (after an intended
## change of the look: new baselines to look at and commit) or ARGS='--project=functional -g offline'.
test-e2e:
	npx playwright test $(ARGS)

## Raw and brotli bytes of every file in dist/, and the first-load total against the budget.
size:
	@scripts/size.sh dist

## Benchmark (not part of test/CI): release build, then sizes, cold loads (app vs a script-free copy) at desktop
## speed, 4× CPU and 4× CPU + slow mobile, animation, memory soak and Lighthouse (bench/, its own npm package).
## BENCH_RUNS=5 BENCH_SOAK_SECONDS=300 BENCH_LH_RUNS=3; table printed and in bench/results/latest.md.
bench: build
	@bench/setup.sh
	node bench/run.mjs

clean:
	cargo clean
	rm -rf dist dist-single tests/e2e/artifacts
