#!/usr/bin/env bash
# Times `ingest` in local mode on synthetic users made from the full shared corpus, at 1x and 10x.
# Usage: scripts/bench-ingest.sh [WORKDIR=/tmp/portrait-bench-ingest] [USERS=1500]
# Needs the jar: mvn -B -o -q -pl jobs -am package -DskipTests
set -euo pipefail
case "${1:-}" in -h|--help) sed -n '2,/^set /p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'; exit 0 ;; esac
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:-/tmp/portrait-bench-ingest}"
users="${2:-1500}"
jar="$(ls "$root"/jobs/target/portrait-jobs-*-local.jar 2>/dev/null | head -1)"
[ -n "$jar" ] || { echo "no jobs/target/portrait-jobs-*-local.jar: build it first (see --help)" >&2; exit 2; }
corpus="$root/../shared/data/reviews/online_shopping_10_cats.csv"
[ -f "$corpus" ] || { echo "corpus not found: $corpus (see --help)" >&2; exit 2; }
mkdir -p "$work"
rm -rf "$work/users" "$work/ingest-1x" "$work/ingest-10x"
java -jar "$jar" make-users --input "$corpus" --output "$work/users" --users "$users" --seed 1
python3 "$root/scripts/make-nx.py" "$work/users/reviews.csv" "$work/reviews-10x.csv" 10
for run in 1x 10x; do
  in="$work/users/reviews.csv"; [ "$run" = 10x ] && in="$work/reviews-10x.csv"
  /usr/bin/time -v java -jar "$jar" ingest --input "$in" --output "$work/ingest-$run" > "$work/ingest-$run.log" 2>&1
  echo "== ingest $run: $(ls -l "$in" | awk '{print $5}') bytes"
  grep -E '^ingest:|^  rejected|Elapsed|User time|System time|Maximum resident' "$work/ingest-$run.log"
done
