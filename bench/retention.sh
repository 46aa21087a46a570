#!/usr/bin/env bash
# Times the retention purge with a million rows due while webhooks arrive: see bench/README.md.
# Arguments go to io.leadrelay.bench.RetentionBench (src/test/java/io/leadrelay/bench/), e.g.
#   bench/retention.sh --rows 1000000 --rate 50
set -euo pipefail
cd "$(dirname "$0")/.."
jar=$(ls target/leadrelay-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [[ -z "${jar}" ]]; then
  ./mvnw -q -B -DskipTests package
  jar=$(ls target/leadrelay-*.jar | grep -v original | head -1)
fi
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -Xmx1g -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" io.leadrelay.bench.RetentionBench --jar "${jar}" "$@"
