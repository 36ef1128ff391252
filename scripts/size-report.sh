#!/usr/bin/env bash
# Prints the release build's wasm, JS and CSS sizes: raw, gzip -9, and brotli as sent by the web
# server (the build's own .br twins, scripts/precompress.mjs; "-" when there is none). Build first
# (scripts/test.sh does, or: trunk build --release --offline). Exits 1 when the gzip total is
# over the budget in size-budget.txt, so a build that grows the download fails the tests.
set -euo pipefail
dist="${1:-dist}"
[[ -d $dist ]] || { echo "no $dist/: build it first" >&2; exit 1; }
printf '%-8s %-44s %10s %10s %10s\n' kind file raw gzip brotli
total_raw=0; total_gz=0; total_br=0
for ext in wasm js css; do
  for f in "$dist"/*."$ext"; do
    [[ -e $f ]] || continue
    raw=$(stat -c %s "$f"); gz=$(gzip -9 -c "$f" | wc -c)
    br=-; [[ -e $f.br ]] && br=$(stat -c %s "$f.br") && total_br=$((total_br + br))
    total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
    printf '%-8s %-44s %10s %10s %10s\n' "$ext" "$(basename "$f")" "$raw" "$gz" "$br"
  done
done
printf '%-8s %-44s %10s %10s %10s\n' total "(wasm+js+css)" "$total_raw" "$total_gz" "$total_br"
budget_file="$(dirname "$0")/../size-budget.txt"
if [[ -f $budget_file ]]; then
  budget=$(awk '$1 == "gzip" { print $2 }' "$budget_file")
  if (( total_gz > budget )); then
    echo "over budget: $total_gz bytes gzip > $budget in size-budget.txt (raise it only with the reason in the commit message)" >&2
    exit 1
  fi
  echo "within budget: $total_gz of $budget bytes gzip ($(( (budget - total_gz) )) to spare)"
fi
