#!/usr/bin/env bash
# Fleet benchmark: `apply --all` of one small revision and `status --all` over 1,000 SQLite files and
# 200 PostgreSQL and 200 MariaDB databases, at --parallel 1, 4 and 8, with wall time and peak memory; and one
# `status` of a single target, for the ratio. Appends a markdown table to bench/FLEET.md.
#
#   bash scripts/bench-fleet.sh [--sqlite N] [--postgres N] [--mariadb N] [--parallel "1 4 8"]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sqlite_n=1000 pg_n=200 maria_n=200 levels="1 4 8"
while (($#)); do
  case $1 in
    --sqlite) sqlite_n=$2; shift 2 ;;
    --postgres) pg_n=$2; shift 2 ;;
    --mariadb) maria_n=$2; shift 2 ;;
    --parallel) levels=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
say() { printf 'bench-fleet: %s\n' "$*" >&2; }
die() { say "ERROR: $*"; exit 1; }
[[ -x /usr/bin/time ]] || DEBIAN_FRONTEND=noninteractive apt-get install -y -q time >/dev/null || die "could not install time"
dotnet build "$root/src/SchemaTool/SchemaTool.csproj" -c Release -nologo -v quiet >/dev/null || die "build failed"
cli="$root/src/SchemaTool/bin/Release/net10.0/schematool"

work="$(mktemp -d /tmp/schematool-fleetbench-XXXXXX)"
chmod 755 "$work"
pg_pid_file="" maria_pid=""
cleanup() {
  [[ -n $pg_pid_file && -f $pg_pid_file ]] && runuser -u postgres -- "$pg_bin/pg_ctl" stop -m immediate -D "$work/pg/data" >/dev/null 2>&1 || true
  [[ -n $maria_pid ]] && kill -KILL "$maria_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
source "$root/scripts/lib/servers.sh"

rows=()
# measure LABEL DIR ARGS...: one run, wall seconds and peak MB of the whole process
measure() {
  local label=$1 dir=$2; shift 2
  (cd "$dir" && /usr/bin/time -o "$work/time" -f '%e %M' "$cli" "$@" >"$work/last.out" 2>"$work/last.err") || true
  local out; out=$(tail -1 "$work/time")
  local wall=${out% *} kb=${out#* }
  rows+=("| $label | $wall | $((kb / 1024)) | $(tail -1 "$work/last.out" | tr '|' '/') |")
  say "$label: ${wall} s, $((kb / 1024)) MB"
}

model='tables:
  accounts:
    columns:
      id:    { type: int, primary_key: true, auto_increment: true }
      email: { type: varchar(120), unique: true }'

fleet() {  # fleet NAME DIR CONFIG RESET : plan once, then apply/status --all per parallelism, reset between runs
  local name=$1 dir=$2 reset=$4
  mkdir -p "$dir/schema" && printf '%s\n' "$model" >"$dir/schema/model.yaml" && printf '%s\n' "$3" >"$dir/schematool.yaml"
  (cd "$dir" && "$cli" plan -m accounts >/dev/null)
  for p in $levels; do
    $reset
    measure "$name: apply --all --parallel $p" "$dir" apply --all --parallel "$p"
    measure "$name: status --all --parallel $p" "$dir" status --all --parallel "$p"
  done
  (cd "$dir" && "$cli" apply >/dev/null)
  measure "$name: status of one target" "$dir" status
}

if ((sqlite_n > 0)); then
  d="$work/sqlite"; mkdir -p "$d/tenants"
  sqlite_reset() { rm -f "$d"/tenants/*.db; for i in $(seq 1 "$sqlite_n"); do : >"$d/tenants/t$(printf %04d "$i").db"; done; : >"$d/ref.db"; }
  sqlite_reset
  fleet "SQLite x$sqlite_n" "$d" $'database: sqlite:ref.db\ntargets_glob: sqlite:tenants/*.db' sqlite_reset
fi
if ((pg_n > 0)); then
  pg_start
  for i in $(seq 1 "$pg_n"); do printf 'CREATE DATABASE tenant_%03d;\n' "$i"; done | psql -X -q -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres >/dev/null
  d="$work/postgres"; mkdir -p "$d"
  pg_reset() { (cd "$d" && "$cli" rollback --all base --parallel 8 >/dev/null 2>&1 || true); }
  fleet "PostgreSQL x$pg_n" "$d" "database: postgres://postgres@127.0.0.1:$pg_port/tenant_001
targets_pattern:
  server: postgres://postgres@127.0.0.1:$pg_port/postgres
  database_like: tenant\\_%" pg_reset
fi
if ((maria_n > 0)); then
  maria_start
  for i in $(seq 1 "$maria_n"); do printf 'CREATE DATABASE tenant_%03d;\n' "$i"; done | mariadb -h 127.0.0.1 -P "$maria_port" -u root
  d="$work/mariadb"; mkdir -p "$d"
  maria_reset() { (cd "$d" && "$cli" rollback --all base --parallel 8 >/dev/null 2>&1 || true); }
  fleet "MariaDB x$maria_n" "$d" "database: mysql://root@127.0.0.1:$maria_port/tenant_001
targets_pattern:
  server: mysql://root@127.0.0.1:$maria_port/
  database_like: tenant\\_%" maria_reset
fi

{
  echo
  echo "## $(date -u +%Y-%m-%dT%H:%MZ): \`bash scripts/bench-fleet.sh --sqlite $sqlite_n --postgres $pg_n --mariadb $maria_n --parallel \"$levels\"\`"
  echo
  echo "$(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB; load before: $(cut -d' ' -f1-3 /proc/loadavg). One run each (not a median)."
  echo
  echo "| command | wall s | peak MB | last line |"
  echo "| --- | ---: | ---: | --- |"
  printf '%s\n' "${rows[@]}"
} >>"$root/bench/FLEET.md"
say "appended to bench/FLEET.md"
