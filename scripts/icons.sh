#!/usr/bin/env bash
# Renders the PNG app icons from the SVG sources into assets/ (`make icons`). The PNGs are committed: the build
# only copies them (index.html: rel="copy-file"), so it needs no SVG renderer. Run this after changing
# assets/icon.svg or assets/icon-maskable.svg, then commit assets/*.png. Needs rsvg-convert (librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v rsvg-convert >/dev/null || { echo "icons: rsvg-convert missing: apt-get install librsvg2-bin" >&2; exit 1; }
render() { rsvg-convert -w "$3" -h "$3" -f png "assets/$1" -o "assets/$2"; echo "assets/$2 (${3}x$3, from $1)"; }
render icon.svg          icon-192.png          192
render icon.svg          icon-512.png          512
render icon-maskable.svg icon-maskable-512.png 512
render icon-maskable.svg apple-touch-icon.png  180   # iOS rounds the corners itself: the full-bleed one
