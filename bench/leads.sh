#!/usr/bin/env bash
# Times the leads list and search with a million leads stored: see bench/README.md. Arguments go to
# io.leadrelay.bench.LeadsBench (src/test/java/io/leadrelay/bench/), e.g.
#   bench/leads.sh --db postgres --leads 1000000 --runs 30
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -o test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -Xmx1g -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" io.leadrelay.bench.LeadsBench "$@"
