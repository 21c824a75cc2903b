#!/usr/bin/env bash
# Submits a Portrait workflow (train or daily) for one day, or its coordinator.
#   scripts/submit-oozie.sh --oozie http://oozie:11000/oozie --name-node hdfs://nn:8020 --rm rm:8032 \
#       --workflow train|daily (--dt yyyy-MM-dd | --coordinator --start 2026-12-01T02:00Z --end 2027-12-01T02:00Z)
#       [-D key=value ...]
# Other properties (inputPath, trainInput, queueName, gpuNodeLabel, retryMax, trainFrequencyDays ...) default to
# oozie/app/job.properties and config-default.xml and can be overridden with -D. A rerun of a dt replaces that
# day's tables.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
oozie_url=${OOZIE_URL:-}
props=()
mode=run
workflow=
dt=
while [ $# -gt 0 ]; do
  case "$1" in
    --oozie) oozie_url=$2; shift 2 ;;
    --name-node) props+=("-DnameNode=$2"); shift 2 ;;
    --rm) props+=("-DresourceManager=$2"); shift 2 ;;
    --workflow) workflow=$2; shift 2 ;;
    --dt) dt=$2; props+=("-Ddt=$2"); shift 2 ;;
    --coordinator) mode=coordinator; shift ;;
    --start) props+=("-DcoordStart=$2"); shift 2 ;;
    --end) props+=("-DcoordEnd=$2"); shift 2 ;;
    -D) props+=("-D$2"); shift 2 ;;
    -D*) props+=("$1"); shift ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
[ -n "$oozie_url" ] || { echo "--oozie URL (or OOZIE_URL) is required" >&2; exit 2; }
case "$workflow" in
  train|daily) ;;
  *) echo "--workflow train or --workflow daily is required" >&2; exit 2 ;;
esac
[ "$mode" = coordinator ] || [ -n "$dt" ] || { echo "--dt yyyy-MM-dd (or --coordinator) is required" >&2; exit 2; }
command -v oozie >/dev/null 2>&1 || { echo "the oozie client is not on the PATH" >&2; exit 2; }
app='${nameNode}${oozieAppPath}'
config=$(mktemp)
trap 'rm -f "$config"' EXIT
if [ "$mode" = coordinator ]; then
  sed -e 's/^oozie.wf.application.path=/#&/' "$here/oozie/app/job.properties" > "$config"
  echo "oozie.coord.application.path=$app/$workflow-coordinator.xml" >> "$config"
else
  sed -e 's/^oozie.wf.application.path=/#&/' "$here/oozie/app/job.properties" > "$config"
  echo "oozie.wf.application.path=$app/$workflow-workflow.xml" >> "$config"
fi
oozie job -oozie "$oozie_url" -config "$config" "${props[@]}" -run
