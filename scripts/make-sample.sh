#!/usr/bin/env bash
# Regenerates the bundled sample data/sample/{reviews,truth}.csv from the shared primary corpus with make-users.
# Usage: scripts/make-sample.sh [CORPUS.csv]   (build the jar first: mvn -B -o -q -pl jobs -am package -DskipTests)
set -euo pipefail
case "${1:-}" in -h|--help) sed -n '2,/^set /p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'; exit 0 ;; esac
root="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${1:-$root/../shared/data/reviews/online_shopping_10_cats.csv}"
[ -f "$corpus" ] || { echo "corpus not found: $corpus (see --help)" >&2; exit 2; }
jar="$(ls "$root"/jobs/target/portrait-jobs-*-local.jar 2>/dev/null | head -1)"
[ -n "$jar" ] || { echo "no jobs/target/portrait-jobs-*-local.jar: build it first (see --help)" >&2; exit 2; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
java -jar "$jar" make-users --input "$corpus" --output "$tmp/out" --seed 1 --users 300 --min-reviews 20 \
  --max-reviews 60 --test-share 0.3 --from 2024-01-01 --to 2025-01-01 --require-all
cp "$tmp/out/reviews.csv" "$tmp/out/truth.csv" "$root/data/sample/"
ls -l "$root/data/sample"
