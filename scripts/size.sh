#!/usr/bin/env bash
# Prints raw and brotli bytes of every file in a build directory, the total, and the first-load transfer
# (html + css + js + wasm, brotli). Fails when the first load is over the budget (a regression guard).
set -euo pipefail
dir=${1:-dist}
# The guard: the first load after issue 9's cuts (76,312 B: the export in a wasm of its own, fetched on first use)
# + 10 KB, so that the room made then is kept for features rather than lost to drift (it was 100 KB, then 90.5 KB).
# The target is 60 KB (issue 5).
budget=${SIZE_BUDGET_BROTLI:-86528}   # 84.5 KB
[ -d "$dir" ] || { echo "size: no $dir/ (run make build first)" >&2; exit 1; }
command -v brotli >/dev/null || { echo "size: brotli missing (make setup)" >&2; exit 1; }

# What the first load fetches: index.html and every .css/.js/.wasm it names (links, scripts, preloads, the
# loader's data-js and data-wasm). Files fetched later (the tools' wasm the loader names in data-tools-js and
# data-tools-wasm, fetched on first use; the service worker, icons, the manifest) are listed, not counted.
first_load=" index.html $(grep -oE '(^|[[:space:]])(src|href|data-js|data-wasm)="\./[^"]+\.(css|js|wasm)"' "$dir/index.html" \
  | sed -E 's/^[[:space:]]*[a-z-]+="\.\/([^"]+)"/\1/' | sort -u | tr '\n' ' ')"

total_raw=0; total_br=0; first_br=0
printf '%-52s %10s %10s\n' file raw brotli
while IFS= read -r f; do
  raw=$(stat -c %s "$f")
  br=$(brotli -q 11 -c "$f" | wc -c)
  rel=${f#"$dir"/}
  printf '%-52s %10d %10d\n' "$rel" "$raw" "$br"
  total_raw=$((total_raw + raw)); total_br=$((total_br + br))
  case "$first_load" in
    *" $rel "*) first_br=$((first_br + br)) ;;
  esac
done < <(find "$dir" -type f ! -name '*.br' ! -name '*.gz' | sort)
printf '%-52s %10d %10d\n' TOTAL "$total_raw" "$total_br"
printf 'first-load transfer (index.html and the css/js/wasm it loads, brotli): %d bytes (%.1f KB); budget %d bytes\n' \
  "$first_br" "$(awk -v b="$first_br" 'BEGIN{print b/1024}')" "$budget"
single="${dir%/}-single/web-infra-evolution.html"   # scripts/postbuild.mjs; shared as a file, not deployed
if [ -f "$single" ]; then
  printf 'single-file edition %s: %d bytes raw, %d bytes brotli (not part of the first load)\n' \
    "$single" "$(stat -c %s "$single")" "$(brotli -q 11 -c "$single" | wc -c)"
fi
if [ "$first_br" -gt "$budget" ]; then
  echo "size: FAIL: first load is over the budget" >&2
  exit 1
fi
