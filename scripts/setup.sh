#!/usr/bin/env bash
# Installs everything the build and the tests need, pinned, and skips what is already there.
# Safe to run again and again: a warm run takes a few seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
# WebDriver for Firefox: `make test-wasm-firefox` runs the wasm tests in Firefox ESR with it.
GECKODRIVER_VERSION=0.37.1
APT_PACKAGES=(chromium chromium-driver brotli nginx fonts-noto-cjk fonts-noto-color-emoji poppler-utils)
# The e2e nginx serves .br files.
APT_PACKAGES+=(libnginx-mod-http-brotli-static)
# The second engine of the e2e suite (tests/e2e/firefox.test.mjs drives it over WebDriver BiDi with puppeteer-core).
APT_PACKAGES+=(firefox-esr)
# The e2e HTTPS site's certificate, made at test time (tests/e2e/server.mjs).
APT_PACKAGES+=(openssl)
# The Nu HTML Checker (`make validate`, npm vnu-jar) runs on Java; the image usually has one.
command -v java >/dev/null 2>&1 || APT_PACKAGES+=(default-jre-headless)
# SETUP_PROFILE=build: only what `make build` needs (a hosting pipeline such as .github/workflows/pages.yml):
# no Debian package at all. (The PNG icons are committed; `make icons` re-renders them with rsvg-convert.)
if [ "${SETUP_PROFILE:-}" = "build" ]; then APT_PACKAGES=(); fi

log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }

# 1. Rust target for the browser.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 2. Debian packages: browsers (Chromium + driver, Firefox ESR) for tests, brotli for size reports, nginx as the CDN
#    stand-in, fonts for screenshots.
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "apt-get install ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# 3. Cargo-installed tools at their pinned versions.
# (The output is read whole first: with pipefail, `grep -q` closing the pipe early would fail a tool that prints
# more than one line, such as geckodriver, by SIGPIPE, and reinstall it every other run.)
have_version() { local v; command -v "$1" >/dev/null 2>&1 && v=$("$1" --version 2>/dev/null) && grep -q " $2\$\| $2 \| $2" <<<"$v"; }
if ! have_version wasm-bindgen "$WASM_BINDGEN_VERSION" || ! command -v wasm-bindgen-test-runner >/dev/null 2>&1; then
  log "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 min; no --locked, see TOOLCHAIN.md)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi
if ! have_version trunk "$TRUNK_VERSION"; then
  log "cargo install trunk $TRUNK_VERSION (about 6 min)"
  cargo install --locked "trunk@$TRUNK_VERSION" --force
fi
if [ "${SETUP_PROFILE:-}" != "build" ] && ! have_version geckodriver "$GECKODRIVER_VERSION"; then
  log "cargo install geckodriver $GECKODRIVER_VERSION (about 2 min)"
  cargo install geckodriver --version "$GECKODRIVER_VERSION" --force
fi

# 4. npm dev tools (binaryen's wasm-opt, esbuild and parse5 for the build steps, @playwright/test, axe-core,
#    smol-toml, vnu-jar, the MDN HTTP Observatory): exact versions from package-lock.json. The lock file's checksum,
#    kept in node_modules, says whether the installed tools are those of this lock file.
#    Install scripts: only esbuild's and vnu-jar's run. Those of the Observatory and two of its dependencies would
#    download lists and certificates (no network here) or compile a PostgreSQL client; the scan needs none of them
#    (the one file the Observatory's step would write is below). package.json's allowScripts says the same to a plain
#    `npm ci` (npm 11); --ignore-scripts and `npm rebuild` do it with any npm (e.g. the Pages workflow's).
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -d node_modules ] || [ "$(cat node_modules/.lock-sha256 2>/dev/null)" != "$lock_sum" ]; then
  log "npm ci"
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  npm rebuild esbuild vnu-jar --no-audit --no-fund --loglevel=error
  echo "$lock_sum" > node_modules/.lock-sha256
fi
# The HSTS preload list the Observatory reads from its own folder (tests/e2e/https.test.mjs): empty, since no test
# host is on it (its install step would download Chromium's list).
preload=node_modules/@mdn/mdn-http-observatory/conf/hsts-preload.json
[ -f "$preload" ] || echo '{}' > "$preload"
log "ready"
