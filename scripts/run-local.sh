#!/usr/bin/env bash
# Runs the whole Portrait pipeline in local mode (Hadoop's local job runner on the local file system).
#   scripts/run-local.sh [--input FILE|DIR] [--truth truth.csv|none] [--eval DIR|none] [--work DIR] [--dt yyyy-MM-dd] [-D key=value ...]
# Defaults: the bundled sample (data/sample) into ./work; embedding test sets from ../shared/data/eval when that
# folder exists (else the embedding-eval stage is skipped). Full Hadoop logs go to <work>/logs/portrait.log.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
input="$root/data/sample/reviews.csv"
truth="$root/data/sample/truth.csv"
work="$root/work"
eval_dir="$root/../shared/data/eval"
dt=$(date -u +%F)
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --input) input=$2; shift 2 ;;
    --truth) truth=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --eval) eval_dir=$2; shift 2 ;;
    --dt) dt=$2; shift 2 ;;
    -D) extra+=("-D" "$2"); shift 2 ;;
    -D*) extra+=("$1"); shift ;;
    -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

jar=$(ls "$root"/jobs/target/portrait-jobs-*-local.jar 2>/dev/null | head -1 || true)
if [ -z "$jar" ]; then
  echo "building the job jar (first run only) ..."
  (cd "$root" && mvn -B -q -ntp -DskipTests -pl jobs -am package) >/dev/null
  jar=$(ls "$root"/jobs/target/portrait-jobs-*-local.jar | head -1)
fi

mkdir -p "$work/logs"
work=$(cd "$work" && pwd)
log="$work/logs/portrait.log"
: > "$log"
args=(pipeline "${extra[@]}" --input "$input" --work "$work" --dt "$dt")
if [ "$truth" != "none" ] && [ -f "$truth" ]; then args+=(--truth "$truth"); fi
if [ "$eval_dir" != "none" ] && [ -d "$eval_dir" ]; then args+=(--eval "$(cd "$eval_dir" && pwd)"); fi

echo "Portrait local run: input $input"
echo "work folder $work (Hadoop logs: $log)"
# shellcheck disable=SC2086
java ${PORTRAIT_JAVA_OPTS:--Xmx4g} -Dportrait.log.file="$log" -jar "$jar" "${args[@]}"

# The profiles' applications (issue 13): lookalike audiences per main interest of the truth, with precision next
# to the baselines (the last line of lookalike-eval is its one-line summary).
if [ "$truth" != "none" ] && [ -f "$truth" ]; then
  # shellcheck disable=SC2086
  java ${PORTRAIT_JAVA_OPTS:--Xmx4g} -Dportrait.log.file="$log" -jar "$jar" lookalike-eval "${extra[@]}" \
    --work "$work" --dt "$dt" --truth "$truth" --k 20 --seeds 10 | tail -1
fi

echo
echo "tables under $work/warehouse (partition dt=$dt)"
for f in report.html metrics.json; do
  [ -f "$work/reports/dt=$dt/$f" ] && echo "metrics $f: $work/reports/dt=$dt/$f"
done
exit 0
