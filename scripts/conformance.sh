#!/usr/bin/env bash
# Runs the convergence suites and rewrites tests/conformance/RESULTS.md from the conformance run.
#
#   scripts/conformance.sh                  the corpus (../shared/corpus beside the clone) on every dialect present,
#                                           and the generated-schema property test (200 seeds per dialect)
#   scripts/conformance.sh --corpus         the corpus alone (the Conformance category that scripts/test.sh leaves
#                                           out), RESULTS.md untouched: CI's conformance step (.ci/run)
#   SCHEMATOOL_LONG=1 scripts/conformance.sh
#                                           the long run: 2,000 seeds per dialect
#   SCHEMATOOL_SEED=N scripts/conformance.sh
#                                           replays one generated seed (printed by a failing run)
#
# Other arguments go to `dotnet test`; a --filter narrows the run (e.g. --filter "FullyQualifiedName~Sqlite"). The last line is the totals,
# "N passed, N failed, N skipped". The tests write RESULTS.md only when SCHEMATOOL_CONFORMANCE_RESULTS=1, which
# this script sets without --corpus; review the change in the diff and commit it.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if [ ! -d "$root/../shared/corpus" ]; then
  echo "error: the conformance corpus is missing: expected $(cd "$root/.." && pwd)/shared/corpus beside the clone" >&2
  echo "0 passed, 1 failed, 0 skipped"
  exit 2
fi
source scripts/lib/totals.sh
if [ "${1:-}" = "--corpus" ]; then
  shift
  run_tests "Category=Conformance" "$@"
  exit
fi
export SCHEMATOOL_CONFORMANCE_RESULTS=1
run_tests "FullyQualifiedName~SchemaTool.Tests.Conformance.ConformanceTests|FullyQualifiedName~SchemaTool.Tests.Generated" \
  --logger "console;verbosity=normal" "$@"
status=$?
echo "wrote tests/conformance/RESULTS.md"
exit $status
