#!/usr/bin/env bash
# Runs the LeadRelay benchmark: see bench/README.md. Arguments go to io.leadrelay.bench.Bench
# (src/test/java/io/leadrelay/bench/), e.g.
#   bench/run.sh --db postgres --seconds 20 --only ingest,e2e
set -euo pipefail
cd "$(dirname "$0")/.."
jar=$(ls target/leadrelay-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [[ -z "${jar}" ]]; then
  ./mvnw -q -B -DskipTests package
  jar=$(ls target/leadrelay-*.jar | grep -v original | head -1)
fi
# The ceiling: a plain Spring Boot app (bench/plain-boot), built here, not part of the main build.
./mvnw -q -B -f bench/plain-boot/pom.xml package
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -Dlogback.configurationFile=bench/logback-bench.xml -cp "target/test-classes:$(cat target/bench-classpath.txt)" io.leadrelay.bench.Bench --jar "${jar}" \
  --plain-jar bench/plain-boot/target/plain-boot.jar "$@"
