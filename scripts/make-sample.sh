#!/usr/bin/env bash
# Regenerates the bundled sample data/sample/{reviews,truth}.csv from the shared primary corpus with make-users.
# Usage: scripts/make-sample.sh [CORPUS.csv]   (build the jar first: mvn -B -o -q -pl jobs -am package -DskipTests)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${1:-$root/../shared/data/reviews/online_shopping_10_cats.csv}"
jar="$(ls "$root"/jobs/target/portrait-jobs-*-local.jar | head -1)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
java -jar "$jar" make-users --input "$corpus" --output "$tmp/out" --seed 1 --users 300 --min-reviews 20 \
  --max-reviews 60 --test-share 0.3 --from 2024-01-01 --to 2025-01-01 --require-all
cp "$tmp/out/reviews.csv" "$tmp/out/truth.csv" "$root/data/sample/"
ls -l "$root/data/sample"
