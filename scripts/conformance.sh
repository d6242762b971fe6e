#!/usr/bin/env bash
# Runs the convergence suites and rewrites tests/conformance/RESULTS.md from the conformance run.
#
#   scripts/conformance.sh                  the corpus (../shared/corpus beside the clone) on every dialect present,
#                                           and the generated-schema property test (200 seeds per dialect)
#   SCHEMATOOL_LONG=1 scripts/conformance.sh
#                                           the long run: 2,000 seeds per dialect
#   SCHEMATOOL_SEED=N scripts/conformance.sh
#                                           replays one generated seed (printed by a failing run)
#
# Extra arguments go to `dotnet test` (e.g. --filter "FullyQualifiedName~Sqlite").
# The tests write RESULTS.md only when SCHEMATOOL_CONFORMANCE_RESULTS=1, which this script sets; review the
# change in the diff and commit it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if [ ! -d "$root/../shared/corpus" ]; then
  echo "error: the conformance corpus is missing: expected $(cd "$root/.." && pwd)/shared/corpus beside the clone" >&2
  exit 2
fi
export SCHEMATOOL_CONFORMANCE_RESULTS=1
dotnet test tests/SchemaTool.Tests --nologo \
  --filter "FullyQualifiedName~SchemaTool.Tests.Conformance.ConformanceTests|FullyQualifiedName~SchemaTool.Tests.Generated" \
  --logger "console;verbosity=normal" "$@"
echo "wrote tests/conformance/RESULTS.md"
