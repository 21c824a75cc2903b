#!/usr/bin/env bash
# Measures the profile and segments stages on a prepared work folder (make-users → ingest → segment → vocab →
# cooccur → glove-train already run into W/{users,S,V,M}): wall time, and interest F1 / sentiment accuracy on
# test users for SIF vs TF-IDF vectors and supervised vs embedding-only interests.
#   scripts/profile-bench.sh W [jar]
set -euo pipefail
case "${1:-}" in -h|--help) sed -n '2,/^set /p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'; exit 0 ;; esac
[ $# -ge 1 ] || { echo "usage: scripts/profile-bench.sh W [jar] (see --help)" >&2; exit 2; }
[ -d "$1/S" ] && [ -d "$1/M" ] && [ -d "$1/V" ] || { echo "$1 lacks S, V or M (see --help)" >&2; exit 2; }
W=$1
J=${2:-$(ls "$(dirname "$0")"/../jobs/target/portrait-jobs-*-local.jar | head -1)}
run() {
  local name=$1; shift
  local s; s=$(date +%s.%N)
  java -Xmx3g -jar "$J" profile --input "$W/S" --vectors "$W/M" --vocab "$W/V" --output "$W/P-$name" "$@" \
    > "$W/log.profile-$name" 2>&1
  printf '%-14s profile wall %6.1f s  ' "$name" "$(echo "$(date +%s.%N) - $s" | bc)"
  java -cp "$J" org.portrait.jobs.profile.ProfileEval "$W/P-$name" "$W/users/truth.csv"
}
run sif-sup --weighting sif
run tfidf-sup --weighting tfidf
run sif-emb --weighting sif --no-supervised
run tfidf-emb --weighting tfidf --no-supervised
s=$(date +%s.%N)
java -Xmx3g -jar "$J" segments --input "$W/P-sif-sup/user_profile" --output "$W/G" > "$W/log.segments" 2>&1
printf 'segments wall %.1f s: %s\n' "$(echo "$(date +%s.%N) - $s" | bc)" "$(tail -1 "$W/log.segments")"
