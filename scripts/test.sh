#!/usr/bin/env bash
# Runs every test of the repository (unit, golden SQL, end-to-end on real SQLite files and on PostgreSQL and
# MariaDB servers the tests start themselves), then prints the totals as one plain line: "N passed, N failed".
# It needs nothing beside the clone: the sqldef conformance corpus, which lives outside the repository
# (../shared/corpus), is the Conformance category, left out here and run by scripts/conformance.sh.
# Extra arguments go to `dotnet test`; a --filter of them narrows the run further.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/lib/totals.sh
run_tests "Category!=Conformance" "$@"
