#!/usr/bin/env bash
# GloVe stage benchmark: cooccur throughput, training speed (updates/s), loss per task count, vector quality.
# Usage: scripts/bench-glove.sh [WORK_DIR=/tmp/gbench]   (run from the project root after `mvn -o -q -pl jobs -am compile`)
# Reads ../shared/data (primary corpus, stopwords, eval sets). Prints figures; see docs/bench-glove.md.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${PORTRAIT_SHARED:-$ROOT/../shared}
W=${1:-/tmp/gbench}
mkdir -p "$W"
CPF="$W/classpath.txt"
[ -s "$CPF" ] || (cd "$ROOT" && mvn -B -o -q -pl jobs -am dependency:build-classpath -Dmdep.outputFile="$CPF" >/dev/null)
CP="$ROOT/jobs/target/classes:$ROOT/common/target/classes:$(cat "$CPF")"
JAVA="java -Xmx6g -cp $CP"
P="$JAVA org.portrait.jobs.cli.PortraitMain"
if [ ! -s "$W/V/vocab.tsv" ]; then
  $JAVA org.portrait.jobs.glove.GloveBenchCorpus "$SHARED/data/reviews/online_shopping_10_cats.csv" \
    "$SHARED/data/stopwords" "$W" 5
fi
LOCAL="-D hadoop.tmp.dir=$W/.hadoop -D mapreduce.local.map.tasks.maximum=2"
echo "== cooccur (window 10): the command in a fresh JVM, then 3 runs in one JVM (run 1 cold, 2-3 as a pipeline stage)"
rm -rf "$W/C"
/usr/bin/time -f "   process: wall %e s, user %U s, sys %S s" \
  $P cooccur $LOCAL --input "$W/S" --vocab "$W/V" --output "$W/C" --window 10 --partitions 4 2>&1 | grep -E '^cooccur|process'
$JAVA org.portrait.jobs.cooccur.CooccurBench --input "$W/S" --vocab "$W/V" --work "$W/cooccur-bench" --runs 3 2>/dev/null
if [ ! -d "$W/S10" ]; then # the same tokens 10 times: start-up amortised
  mkdir -p "$W/S10"; for i in $(seq 0 9); do ln -sf "$W/S/part-0.avro" "$W/S10/part-$i.avro"; done
fi
$JAVA org.portrait.jobs.cooccur.CooccurBench --input "$W/S10" --vocab "$W/V" --work "$W/cooccur-bench10" --runs 1 2>/dev/null
train() { # name, extra options
  local name=$1; shift
  $P glove-train $LOCAL --input "$W/C" --vocab "$W/V" --output "$W/M-$name" --dim 100 --rounds 15 \
    --min-rel-change 0 "$@" 2>/dev/null | grep '^glove-train'
  echo "   $name: $(tail -1 "$W/M-$name/loss.tsv")"
}
echo "== glove-train d=100, 15 rounds"
train t1x2 --tasks 1 --threads 2 --x-max 10
train t2x1 --tasks 2 --threads 1 --x-max 10
train t4x1 --tasks 4 --threads 1 --x-max 10
train t4x1-mixing --tasks 4 --threads 1 --x-max 10 --schedule mixing
train t1x2-seed2 --tasks 1 --threads 2 --x-max 10 --seed 2
train t1x2-seed3 --tasks 1 --threads 2 --x-max 10 --seed 3
train t1x2-x100 --tasks 1 --threads 2 --x-max 100
echo "== quality (embedding-eval; eval_vectors.py must agree)"
for m in "$W"/M-*; do
  echo "-- $(basename "$m")"
  $P embedding-eval --vectors "$m" --eval "$SHARED/data/eval" --json "$m/eval.json" 2>/dev/null
done
