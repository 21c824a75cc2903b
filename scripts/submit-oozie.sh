#!/usr/bin/env bash
# Submits the Portrait workflow for one day, or the daily coordinator.
#   scripts/submit-oozie.sh --oozie http://oozie:11000/oozie --name-node hdfs://nn:8020 --rm rm:8032 \
#       (--dt yyyy-MM-dd | --coordinator --start 2026-12-01T02:00Z --end 2027-12-01T02:00Z) [-D key=value ...]
# Other properties (queueName, gpuQueueName, gpuNodeLabel, truthPath, portraitRoot ...) default to
# oozie/app/job.properties and can be overridden with -D. A rerun of a dt replaces that day's outputs.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
oozie_url=${OOZIE_URL:-}
props=()
mode=run
while [ $# -gt 0 ]; do
  case "$1" in
    --oozie) oozie_url=$2; shift 2 ;;
    --name-node) props+=("-DnameNode=$2"); shift 2 ;;
    --rm) props+=("-DresourceManager=$2"); shift 2 ;;
    --dt) props+=("-Ddt=$2"); shift 2 ;;
    --coordinator) mode=coordinator; shift ;;
    --start) props+=("-DcoordStart=$2"); shift 2 ;;
    --end) props+=("-DcoordEnd=$2"); shift 2 ;;
    -D) props+=("-D$2"); shift 2 ;;
    -D*) props+=("$1"); shift ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
[ -n "$oozie_url" ] || { echo "--oozie URL (or OOZIE_URL) is required" >&2; exit 2; }
config=$(mktemp)
trap 'rm -f "$config"' EXIT
if [ "$mode" = coordinator ]; then
  sed -e 's/^oozie.wf.application.path=/#&/' -e 's/^#oozie.coord.application.path=/oozie.coord.application.path=/' \
    "$here/oozie/app/job.properties" > "$config"
else
  cp "$here/oozie/app/job.properties" "$config"
fi
oozie job -oozie "$oozie_url" -config "$config" "${props[@]}" -run
