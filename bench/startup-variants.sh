#!/usr/bin/env bash
# Start-up choices, measured: the Release build as is, with runtime knobs set by environment (the same knobs
# as the runtimeconfig properties), and a ReadyToRun publish (needs the crossgen2 pack from NuGet).
#   bash bench/startup-variants.sh PROJECT_DIR [RUNS]      (PROJECT_DIR: a schematool project at head)
# Prints median wall ms and median CPU ms (user + system) per variant and command.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
project=$1
runs=${2:-11}
build="$root/src/SchemaTool/bin/Release/net10.0"
r2r="$root/.tmp/r2r"
if [[ ! -x $r2r/schematool ]]; then
  dotnet publish "$root/src/SchemaTool/SchemaTool.csproj" -c Release -r linux-x64 --self-contained false \
    -p:PublishReadyToRun=true -o "$r2r" -nologo -v quiet >/dev/null
fi
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
run() {  # run LABEL ENV CLI ARGS...
  local label=$1 env=$2 cli=$3; shift 3
  local wall=() cpu=() t0 t1
  for ((i = 0; i < runs; i++)); do
    t0=$(date +%s%N)
    env $env /usr/bin/time -q -f '%U %S' -o /tmp/startup-time.out "$cli" "$@" >/dev/null 2>&1
    t1=$(date +%s%N)
    wall+=($(((t1 - t0) / 1000000)))
    cpu+=($(awk '{printf "%d", ($1 + $2) * 1000}' /tmp/startup-time.out))
  done
  printf '| %s | %s | %s | %s |\n' "$label" "$*" "$(printf '%s\n' "${wall[@]}" | median)" "$(printf '%s\n' "${cpu[@]}" | median)"
}
cd "$project"
echo "| variant | command | wall ms | CPU ms |"
echo "| --- | --- | ---: | ---: |"
for args in "--version" "plan -m noop" "status"; do
  # shellcheck disable=SC2086
  run "as built (TieredCompilation, TieredPGO on)" "A=1" "$build/schematool" $args
  run "TieredPGO off" "DOTNET_TieredPGO=0" "$build/schematool" $args
  run "TieredCompilation off" "DOTNET_TieredCompilation=0" "$build/schematool" $args
  run "TC_QuickJitForLoops off" "DOTNET_TC_QuickJitForLoops=0" "$build/schematool" $args
  run "ReadyToRun publish (linux-x64)" "A=1" "$r2r/schematool" $args
  run "ReadyToRun publish + TieredPGO off" "DOTNET_TieredPGO=0" "$r2r/schematool" $args
done
