#!/usr/bin/env bash
# Deploys the Portrait Oozie application to HDFS: both workflows, both coordinators, config-default.xml and lib/
# with the cluster job jar (which has no Hadoop classes of its own), into the layout's oozie area; the metric
# floors into reference/.
#   scripts/deploy-oozie.sh [--root /data/portrait] [--dry-run]
# Needs the `hdfs` client configured for the cluster. Run scripts/create-hdfs-layout.sh once before.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
layout="$here/hdfs-layout/layout.properties"
prop() { grep -E "^$1=" "$layout" | head -1 | cut -d= -f2-; }
root=$(prop portrait.root)
dry=0
while [ $# -gt 0 ]; do
  case "$1" in
    --root) root=$2; shift 2 ;;
    --dry-run) dry=1; shift ;;
    -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
run() { if [ "$dry" = 1 ]; then echo "$*"; else "$@"; fi; }

jar=$(ls "$here"/jobs/target/portrait-jobs-*-cluster.jar 2>/dev/null | head -1 || true)
if [ -z "$jar" ]; then
  (cd "$here" && mvn -B -q -ntp -DskipTests -pl jobs -am package) >/dev/null
  jar=$(ls "$here"/jobs/target/portrait-jobs-*-cluster.jar | head -1)
fi
app=$(prop oozie.path)
reference="$root/$(prop reference.path)"
run hdfs dfs -mkdir -p "$app/lib" "$reference"
run hdfs dfs -put -f "$here"/oozie/app/*-workflow.xml "$here"/oozie/app/*-coordinator.xml \
  "$here/oozie/app/config-default.xml" "$app/"
run hdfs dfs -rm -f -skipTrash "$app/lib/portrait-jobs-*.jar"
run hdfs dfs -put -f "$jar" "$app/lib/"
run hdfs dfs -put -f "$here/oozie/app/metric-floors.properties" "$reference/"
echo "deployed $(basename "$jar") to $app; copy the embedding test sets to $reference/eval if metrics should score them"
