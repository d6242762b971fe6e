#!/usr/bin/env bash
# Runs the real-application corpus (tests/realapps: one test per schema file, on PostgreSQL and MariaDB servers the
# tests start themselves and on SQLite files) and rewrites tests/realapps/RESULTS.md; prints "N passed, N failed" last.
# The PostgreSQL server is the tests' shared fixture, so what chooses the server for the other tests (e.g.
# SCHEMATOOL_TEST_PG_URL) chooses it here too. Extra arguments go to `dotnet test` (e.g. --filter "FullyQualifiedName~Sqlite").
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export SCHEMATOOL_REALAPPS_RESULTS=1
# A --filter given here narrows the corpus (dotnet test takes one filter).
filter="Category=RealApps"
rest=()
while [ $# -gt 0 ]; do
  if [ "$1" = "--filter" ] && [ $# -gt 1 ]; then filter="$filter&($2)"; shift 2; else rest+=("$1"); shift; fi
done
log="$(mktemp)"
started=$SECONDS
dotnet test tests/SchemaTool.Tests -c Release --nologo --filter "$filter" ${rest[@]+"${rest[@]}"} 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

read -r passed failed < <(grep -Eo 'Failed: *[0-9]+, Passed: *[0-9]+' "$log" |
  awk -F'[:,]' '{f+=$2; p+=$4} END {print p+0, f+0}')
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi   # a build error runs no test: count it as a failure
echo "real-application corpus: $((SECONDS - started)) s; tests/realapps/RESULTS.md rewritten when every file of a dialect ran"
echo "${passed} passed, ${failed} failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
