#!/usr/bin/env bash
# Creates the Portrait HDFS layout from its one definition, hdfs-layout/layout.properties: every area with its
# owner, group and permissions, and one folder per table under the warehouse.
#   scripts/create-hdfs-layout.sh [--root /data/portrait] [--dry-run]
# Run as the HDFS superuser (chown needs it). --dry-run prints the hdfs commands instead of running them.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
layout="$here/hdfs-layout/layout.properties"
dry=0
root=""
while [ $# -gt 0 ]; do
  case "$1" in
    --root) root=$2; shift 2 ;;
    --dry-run) dry=1; shift ;;
    -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
prop() { grep -E "^$1=" "$layout" | head -1 | cut -d= -f2-; }
[ -n "$root" ] || root=$(prop portrait.root)
run() { if [ "$dry" = 1 ]; then echo "$*"; else "$@"; fi; }

for area in $(grep -oE '^[a-z]+\.path=' "$layout" | cut -d. -f1); do
  rel=$(prop "$area.path")
  case "$rel" in /*) dir=$rel ;; *) dir="$root/$rel" ;; esac
  run hdfs dfs -mkdir -p "$dir"
  run hdfs dfs -chown "$(prop "$area.owner"):$(prop "$area.group")" "$dir"
  run hdfs dfs -chmod "$(prop "$area.mode")" "$dir"
done
warehouse="$root/$(prop warehouse.path)"
for table in $(prop tables | tr ',' ' '); do
  run hdfs dfs -mkdir -p "$warehouse/$table"
  run hdfs dfs -chown "$(prop warehouse.owner):$(prop warehouse.group)" "$warehouse/$table"
  run hdfs dfs -chmod "$(prop warehouse.mode)" "$warehouse/$table"
done
