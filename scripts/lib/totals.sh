# run_tests FILTER ARGS...: runs `dotnet test SchemaTool.sln -c Release --nologo --filter FILTER ARGS`, showing its
# output, then prints the totals as one plain last line, "N passed, N failed, N skipped"; returns non-zero when a
# test failed or the build did. dotnet test takes one --filter, so a --filter among ARGS narrows FILTER (both apply).
# Sourced by scripts/test.sh and scripts/conformance.sh, which run from the repository root.
run_tests() {
  local filter="$1" log status passed failed skipped
  shift
  local args=()
  while [ $# -gt 0 ]; do
    if [ "$1" = "--filter" ] && [ $# -gt 1 ]; then filter="($2)&($filter)"; shift 2; else args+=("$1"); shift; fi
  done
  log="$(mktemp)"
  dotnet test SchemaTool.sln -c Release --nologo --filter "$filter" ${args[@]+"${args[@]}"} 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  # dotnet test prints one summary per test assembly: "Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12, ..."
  read -r passed failed skipped < <(grep -Eo 'Failed: *[0-9]+, Passed: *[0-9]+, Skipped: *[0-9]+' "$log" |
    awk -F'[:,]' '{f+=$2; p+=$4; s+=$6} END {print p+0, f+0, s+0}')
  rm -f "$log"
  if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi   # a build error runs no test: count it as a failure
  echo "${passed} passed, ${failed} failed, ${skipped} skipped"
  [ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
}
