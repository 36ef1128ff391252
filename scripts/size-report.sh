#!/usr/bin/env bash
# Prints the release build's wasm, JS and CSS sizes: raw, gzip -9, and brotli as sent by the web
# server (the build's own .br twins, scripts/precompress.mjs; "-" when there is none). Build first
# (scripts/build.sh DIST; scripts/test.sh does). Exits 1 when the gzip total is over the budget
# in size-budget.txt, so a build that grows the download fails the tests.
#
# The total is the explorer's first load: every wasm, JS and CSS file except those only the tools
# build's tools.html names (the stats, validator and embed builder pages), which are listed
# after it and never downloaded by a visitor of the map.
set -euo pipefail
dist="${1:-dist}"
[[ -d $dist ]] || { echo "no $dist/: build it first" >&2; exit 1; }
# Files tools.html names and index.html does not.
tools_only=""
if [[ -f $dist/tools.html ]]; then
  names() { grep -oE '[A-Za-z0-9._-]+\.(wasm|js|css)' "$1" | sort -u; }
  tools_only=$(comm -13 <(names "$dist/index.html") <(names "$dist/tools.html") | tr '\n' ' ')
fi
row() { printf '%-8s %-44s %10s %10s %10s\n' "$@"; }
row kind file raw gzip brotli
total_raw=0; total_gz=0; total_br=0; tools_rows=()
for ext in wasm js css; do
  for f in "$dist"/*."$ext"; do
    [[ -e $f ]] || continue
    raw=$(stat -c %s "$f"); gz=$(gzip -9 -c "$f" | wc -c)
    br=-; [[ -e $f.br ]] && br=$(stat -c %s "$f.br")
    if [[ " $tools_only " == *" $(basename "$f") "* ]]; then
      tools_rows+=("$ext $(basename "$f") $raw $gz $br")
      continue
    fi
    [[ $br == - ]] || total_br=$((total_br + br))
    total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
    row "$ext" "$(basename "$f")" "$raw" "$gz" "$br"
  done
done
row total "(wasm+js+css)" "$total_raw" "$total_gz" "$total_br"
if (( ${#tools_rows[@]} )); then
  echo "tools build (tools.html: /stats, /validate, /embed-builder), not in the total:"
  for r in "${tools_rows[@]}"; do row $r; done
fi
budget_file="$(dirname "$0")/../size-budget.txt"
if [[ -f $budget_file ]]; then
  budget=$(awk '$1 == "gzip" { print $2 }' "$budget_file")
  if (( total_gz > budget )); then
    echo "over budget: $total_gz bytes gzip > $budget in size-budget.txt (raise it only with the reason in the commit message)" >&2
    exit 1
  fi
  echo "within budget: $total_gz of $budget bytes gzip ($(( (budget - total_gz) )) to spare)"
fi
