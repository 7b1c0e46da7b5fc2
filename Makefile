# Two commands for a fresh machine:  make serve   (run the app)   make test   (run every check)
# Both install what is missing first (scripts/setup.sh: pinned versions, skips what is already there).

SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
export CARGO_TERM_COLOR ?= never
# The app's first view as the build renders it (src/prerender.rs): the browser tests adopt it as the page does
# (tests/browser/mod.rs includes it), so `make first-view` writes it before they are compiled or linted.
export WIE_FIRST_VIEW := $(CURDIR)/target/first-view.html

.PHONY: first-view setup serve build deploy-config icons preview-image validate test lint test-native test-build test-wasm test-wasm-firefox test-e2e size bench clean

setup:
	@scripts/setup.sh

## Run the app at http://127.0.0.1:8080/ (debug build, rebuilds on change; prerender, CSP and service worker
## as in a release).
serve: setup
	trunk serve

## Release build into dist/ and the single-file edition dist-single/web-infra-evolution.html: Trunk alone.
## Trunk.toml's post_build hook runs build/finish.mjs: the prerendered first view, one minified stylesheet,
## minified scripts, short names for the wasm's imports, CSP <meta> and SRI, embed.html (the page for other sites' iframes), sw.js (offline), _headers,
## .br/.gz, the single file.
## To re-run those steps on a built directory: node build/finish.mjs DIR [--no-single]
build: setup
	trunk build --release

## After a change to deploy/headers.mjs or to the files index.html names: rewrite deploy/_headers and the
## generated block of deploy/nginx.conf (the build only checks them), then commit deploy/. Needs no build.
deploy-config:
	node build/deploy-config.mjs

## After a change to assets/icon.svg or assets/icon-maskable.svg: re-render the committed PNG icons.
icons:
	scripts/icons.sh

## After a change to content/generations.toml or to the layout in build/steps/preview.mjs: re-render the committed
## link-preview image assets/og-image.png (1200x630, headless Chromium; the build warns and test-build fails while
## it is stale), then commit it.
preview-image:
	node scripts/preview-image.mjs

## The built pages (dist/index.html, dist/embed.html, the single file) through the Nu HTML Checker: no errors.
validate:
	node scripts/check-html.mjs

## Every check: format, lints on both targets, native tests, the build steps' tests, wasm tests in headless
## Chromium and Firefox ESR, a release build, valid HTML, end-to-end tests on the built dist/ over real HTTP (Chromium,
## and the core flows in Firefox ESR), the size budget.
test: setup lint test-native test-build test-wasm test-wasm-firefox build validate test-e2e size

lint: first-view
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings

first-view:
	@mkdir -p $(dir $(WIE_FIRST_VIEW))
	cargo run --quiet --profile prerender --bin prerender -- $(WIE_FIRST_VIEW)

test-native:
	cargo test

## Unit tests of the build's finishing steps (build/steps/) on small made-up pages.
test-build:
	node --test build/

test-wasm: first-view
	cargo test --target wasm32-unknown-unknown --test app --test memory

## The same wasm tests in headless Firefox ESR through geckodriver (about 30 s warm; CHROMEDRIVER unset so that
## wasm-bindgen-test-runner picks Firefox).
test-wasm-firefox: first-view
	env -u CHROMEDRIVER GECKODRIVER=$$(command -v geckodriver) cargo test --target wasm32-unknown-unknown --test app --test memory

## End-to-end tests with Playwright (playwright.config.mjs, tests/e2e/README.md) on the built dist/, served by one
## private nginx under /a/b/web-infra/. ARGS goes to Playwright, e.g. ARGS=--update-snapshots (after an intended
## change of the look: new baselines to look at and commit) or ARGS='--project=functional -g offline'.
test-e2e:
	npx playwright test $(ARGS)

## Raw and brotli bytes of every file in dist/, and the first-load total against the budget.
size:
	@scripts/size.sh dist

## Benchmark (not part of test/CI): release build, then bytes per file against a BEFORE reference, where the wasm's
## bytes go (twiggy), cold loads (app vs a script-free copy) at desktop speed, 4× CPU and 4× CPU + slow mobile,
## start-up tasks, <html lang> at first frame, Lighthouse, animation, wasm memory over generation changes and in a
## background tab, search latency per keystroke at 1× and 4× CPU (bench/, its own npm package). Settings:
## bench/README.md, e.g. BENCH_RUNS=5 BENCH_SOAK_SECONDS=300 BENCH_LH_RUNS=3 BENCH_BEFORE=fc7469b, BENCH_ONLY=search;
## table printed and in bench/results/latest.md.
bench: build
	@bench/setup.sh
	node bench/run.mjs

clean:
	cargo clean
	rm -rf dist dist-single tests/e2e/artifacts
