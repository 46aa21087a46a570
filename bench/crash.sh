#!/usr/bin/env bash
# Long crash runs: CrashIT with many leads and kills, several times with different seeds.
#   bench/crash.sh [--store embedded|h2|postgres] [--leads 10000] [--kills 20] [--runs 3] [--first-seed 1001] [--h2 2.3.232]
# Each run kills the packaged engine (alone, with its PostgreSQL, and while it starts) while a
# Meta-like sender keeps resending until it gets a 200, checks the store's integrity after
# every restart, and prints one summary line; the lines are collected in target/crash-runs.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
store=embedded leads=10000 kills=20 runs=3 first_seed=1001 h2=""
while [ $# -gt 0 ]; do
  case "$1" in
    --store) store=$2; shift 2 ;;
    --leads) leads=$2; shift 2 ;;
    --kills) kills=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --first-seed) first_seed=$2; shift 2 ;;
    --h2) h2=$2; shift 2 ;;
    *) echo "unknown option $1 (see the comment at the top of $0)" >&2; exit 2 ;;
  esac
done
version=()
[ -n "$h2" ] && version=("-Dh2.version=$h2")
./mvnw -B -q "${version[@]}" -DskipTests package
for run in $(seq 1 "$runs"); do
  seed=$((first_seed + run - 1))
  log=target/crash-run-$store-$seed.log
  echo "run $run/$runs: $leads leads, $kills kills on $store (seed $seed); log in $log"
  if ./mvnw -B "${version[@]}" failsafe:integration-test failsafe:verify -Dit.test=CrashIT \
      -Dleadrelay.crash.store="$store" -Dleadrelay.crash.leads="$leads" -Dleadrelay.crash.kills="$kills" \
      -Dleadrelay.crash.seed="$seed" > "$log" 2>&1; then result=passed; else result=FAILED; fi
  summary=$(grep -h "crash test (" "$log" | sed 's/.*-- //' || true)
  checks=$(grep -c "integrity after" "$log" || true)
  echo "$(date -u +%FT%TZ) $result seed=$seed $summary [integrity checks logged: $checks]" | tee -a target/crash-runs.txt
done
