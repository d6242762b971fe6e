#!/usr/bin/env bash
# Runs every test (unit, golden SQL, end-to-end on real SQLite files and on PostgreSQL and MariaDB servers the
# tests start themselves) but the real-application corpus (scripts/realapps.sh), then prints the totals as one plain
# line: "N passed, N failed".
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
log="$(mktemp)"
# The real-application corpus is CI's step of its own (scripts/realapps.sh); a --filter given here replaces this one.
filter=(--filter "Category!=RealApps")
for argument in "$@"; do [ "$argument" = "--filter" ] && filter=(); done
dotnet test SchemaTool.sln -c Release --nologo "${filter[@]}" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# dotnet test prints one summary per test assembly: "Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12, ..."
read -r passed failed skipped < <(grep -Eo 'Failed: *[0-9]+, Passed: *[0-9]+, Skipped: *[0-9]+' "$log" |
  awk -F'[:,]' '{f+=$2; p+=$4; s+=$6} END {print p+0, f+0, s+0}')
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi   # a build error runs no test: count it as a failure
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
