#!/usr/bin/env bash
# Runs the PostgreSQL tests (the dialect's own, the adoption classes, the shared corpus, the generated-schema test and
# the real-application corpus)
# on other PostgreSQL majors than the default 15: each a test server of that version (SCHEMATOOL_PG_VERSION), from
# the packages .ci/install-deps.sh installs. Expects a built solution (scripts/test.sh builds it). Prints the time
# of each version and, last, the totals as one plain line: "N passed, N failed".
#   bash scripts/test-pg-versions.sh          # 13 and 18, as CI
#   bash scripts/test-pg-versions.sh 14 16 17
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
versions=("$@")
((${#versions[@]})) || versions=(13 18)
filter='(FullyQualifiedName~SchemaTool.Tests.Postgres.&FullyQualifiedName!~Standby)|FullyQualifiedName~Postgres_corpus|FullyQualifiedName~Postgres_generated|FullyQualifiedName~PostgresRealAppTests'

passed=0; failed=0; status=0
for version in "${versions[@]}"; do
  log="$(mktemp)"
  started=$(date +%s)
  SCHEMATOOL_PG_VERSION=$version dotnet test tests/SchemaTool.Tests -c Release --no-build --nologo --filter "$filter" 2>&1 |
    sed -u "s/^/[PostgreSQL $version] /" | tee "$log"
  run_status=${PIPESTATUS[0]}
  read -r p f < <(grep -Eo 'Failed: *[0-9]+, Passed: *[0-9]+' "$log" | awk -F'[:,]' '{f+=$2; p+=$4} END {print p+0, f+0}')
  rm -f "$log"
  if [ "$run_status" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi   # a server that cannot start runs no test: count it
  echo "PostgreSQL $version: $p passed, $f failed in $(( $(date +%s) - started )) s"
  passed=$((passed + p)); failed=$((failed + f))
  [ "$run_status" -eq 0 ] || status=1
done
echo "${passed} passed, ${failed} failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
