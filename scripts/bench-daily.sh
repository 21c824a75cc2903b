#!/usr/bin/env bash
# Daily run next to a full rebuild: synthetic users from a labelled corpus dealt out over 30 days; times the
# one-shot `pipeline` over all 30 days, `train` on days 1-29, a first `daily` (state rebuilt from the history)
# and the measured `daily` of day 30 (merged into day 29's state); prints the user_state size per user.
#   scripts/bench-daily.sh [--corpus ../shared/data/reviews/online_shopping_10_cats.csv] [--users 1500] [--work /tmp/portrait-bench-daily]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
corpus="$root/../shared/data/reviews/online_shopping_10_cats.csv"
users=1500
work=/tmp/portrait-bench-daily
while [ $# -gt 0 ]; do
  case "$1" in
    --corpus) corpus=$2; shift 2 ;;
    --users) users=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done
jar=$(ls "$root"/jobs/target/portrait-jobs-*-local.jar 2>/dev/null | head -1 || true)
[ -n "$jar" ] || { echo "build first: mvn -B -DskipTests -pl jobs -am package" >&2; exit 2; }
rm -rf "$work"; mkdir -p "$work"
timed() { local label=$1; shift; /usr/bin/time -f "$label: %e s wall, %U s user, %M KB peak" "$@" 2>&1 | grep -E "^\[|done|: .* s wall|FAILED|gate .*failed"; }
java -jar "$jar" make-users --input "$corpus" --output "$work/users" --users "$users" --seed 7 2>&1 | tail -1
java -jar "$jar" spread-days --input "$work/users/reviews.csv" --output "$work/raw" --days 30 --from 2026-01-01 2>&1 | tail -1
timed "pipeline (all 30 days)" java -jar "$jar" pipeline --input "$work/users/reviews.csv" --work "$work/pipeline" --dt 2026-01-30
inputs=$(ls -d "$work"/raw/dt=2026-01-{01..29} | paste -sd,)
timed "train (days 1-29)" java -jar "$jar" train --input "$inputs" --work "$work/lc" --dt 2026-01-29
timed "daily 29 (state rebuilt)" java -jar "$jar" daily --input "$work/raw/dt=2026-01-29" --work "$work/lc" --dt 2026-01-29
timed "daily 30 (merged)" java -jar "$jar" daily --input "$work/raw/dt=2026-01-30" --work "$work/lc" --dt 2026-01-30
bytes=$(du -sb "$work/lc/state/dt=2026-01-30/user_state" | cut -f1)
n=$(grep '^users' "$work/lc/state/dt=2026-01-30/state-info.tsv" | cut -f2)
echo "user_state: $bytes bytes for $n users ($((bytes / n)) bytes/user)"
