#!/usr/bin/env bash
# Segmentation benchmark: the segment JOB (local runner, 2 map tasks) against HanLP's own single-thread speed
# on the same review texts, measured in the same JVM run; plus 1x vs Nx input to show linear growth.
#
#   scripts/bench-segment.sh [CSV] [REPEATS]
#     CSV      default ../shared/data/reviews/online_shopping_10_cats.csv (3.67 M chars of review text)
#     REPEATS  default 1,10 (10x = ~37 M chars)
# Env: WORK (scratch folder, default a fresh mktemp -d, deleted at the end), JAVA_OPTS (default -Xmx3g).
set -euo pipefail
case "${1:-}" in -h|--help) sed -n '2,/^set /p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'; exit 0 ;; esac
root="$(cd "$(dirname "$0")/.." && pwd)"
csv="${1:-$root/../shared/data/reviews/online_shopping_10_cats.csv}"
[ -f "$csv" ] || { echo "corpus not found: $csv (see --help)" >&2; exit 2; }
repeats="${2:-1,10}"
cd "$root"
mvn -B -o -q -pl jobs -am compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp \
  -Dmdep.includeScope=runtime >/dev/null
cp="common/target/classes:jobs/target/classes:$(cat jobs/target/bench.cp)"
work="${WORK:-$(mktemp -d)}"
trap '[ -z "${WORK:-}" ] && rm -rf "$work"' EXIT
echo "cores: $(nproc); load: $(cut -d' ' -f1-3 /proc/loadavg); java: $(java -version 2>&1 | head -1)"
# log4j/slf4j: keep the local runner's INFO chatter off the figures
java ${JAVA_OPTS:--Xmx3g} -Dlog4j.configuration=none -Dlog4j2.level=WARN -cp "$cp" \
  org.portrait.jobs.segment.SegmentBench --csv "$csv" --work "$work" --repeats "$repeats" 2>&1 \
  | grep --line-buffered -vE '^\s|^(SLF4J|log4j|[0-9]{4}-[0-9]{2}-[0-9]{2} )' || true
