#!/usr/bin/env bash
# How long writers wait while `apply` runs a revision on a big table: online forms (the default) against the plain
# forms (`plan --offline`), on PostgreSQL and MariaDB.
#
#   bash scripts/bench-online.sh [--rows 1000000] [--dialects postgres,mysql] [--interval-ms 5]
#                                [--forms plain,online,...] [--out bench/RESULTS.md] [--tmp /dev/shm] [--keep]
#
# For each dialect and form it makes a database with schematool (plan + apply of a model with `accounts` and
# `events`), loads --rows rows into `events`, updates the catalog's statistics, then plans the revision of issue
# #22: an index, a foreign key, a check and a NOT NULL column with a default on `events`. A writer
# (`schematool-bench writer`) inserts a row and updates one every --interval-ms on its own connection from one
# second before `apply` until one second after it (on MariaDB the online form adds the table's check by copying the
# table itself while writes go on: a new table, triggers, a copy in chunks, a rename; also `online-nocheck`: the
# revision without the check, and `online-columncheck`: the check written on its column, which MariaDB adds in place
# and then checks); its longest statement is the writer's longest stall. After the
# apply the script checks that the database is at head and, on PostgreSQL, that no index is invalid and every
# constraint is validated. Servers are throwaway ones on loopback (scripts/lib/servers.sh), data on tmpfs.
# The figures replace the section between the online markers of --out (below its notes marker, which bench.sh keeps).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rows=1000000
dialects=postgres,mysql
interval_ms=5
only_forms=""
out="$root/bench/RESULTS.md"
keep=0
tmp_root=/dev/shm
[[ -d $tmp_root && -w $tmp_root ]] || tmp_root=/tmp
command_line="bash scripts/bench-online.sh $*"

while (($#)); do
  case "$1" in
    --rows) rows=$2; shift 2 ;;
    --dialects) dialects=$2; shift 2 ;;
    --interval-ms) interval_ms=$2; shift 2 ;;
    --forms) only_forms=$2; shift 2 ;;
    --out) out=$(realpath -m "$2"); shift 2 ;;
    --tmp) tmp_root=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "bench-online: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

say() { printf 'bench-online: %s\n' "$*" >&2; }
die() { say "ERROR: $*"; exit 1; }

work="$(mktemp -d "$tmp_root/schematool-online-XXXXXX")"
chmod 755 "$work"
pg_pid_file=""
maria_pid=""
writer_pid=""
cleanup() {
  if [[ -n $writer_pid ]]; then kill "$writer_pid" 2>/dev/null || true; wait "$writer_pid" 2>/dev/null || true; fi
  if [[ -n $pg_pid_file && -f $pg_pid_file ]]; then
    runuser -u postgres -- "$pg_bin/pg_ctl" stop -m immediate -D "$work/pg/data" >/dev/null 2>&1 || true
  fi
  if [[ -n $maria_pid ]]; then kill -KILL "$maria_pid" 2>/dev/null || true; wait "$maria_pid" 2>/dev/null || true; fi
  if ((keep)); then say "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

source "$root/scripts/lib/servers.sh"   # free_port, pg_start, pg_sql, maria_start, maria_sql

say "building the CLI and the bench helper (Release)"
dotnet build "$root/src/SchemaTool/SchemaTool.csproj" -c Release -nologo -v quiet >/dev/null
dotnet build "$root/bench/SchemaTool.Bench/SchemaTool.Bench.csproj" -c Release -nologo -v quiet >/dev/null
cli="$root/src/SchemaTool/bin/Release/net10.0/schematool"
helper="$root/bench/SchemaTool.Bench/bin/Release/net10.0/schematool-bench"
[[ -x $cli && -x $helper ]] || die "build outputs not found ($cli, $helper)"

base_model() {
  cat <<'EOF'
tables:
  accounts:
    columns:
      id:   { type: int, primary_key: true }
      name: { type: varchar(40) }
  events:
    columns:
      id:         { type: bigint, primary_key: true, auto_increment: true }
      account_id: { type: int }
      amount:     { type: int }
      note:       { type: varchar(40), nullable: true }
EOF
}

# The revision of issue #22: an index, a foreign key, a check and a NOT NULL column with a default.
# changed_model nocheck: the same without the check, which the MariaDB server adds only by copying the table.
# changed_model columncheck: the check on its column (MariaDB's column-level CHECK).
changed_model() {
  if [[ ${1:-} == columncheck ]]; then base_model | sed 's/amount:     { type: int }/amount:     { type: int, check: "amount >= 0" }/'; else base_model; fi
  cat <<'EOF'
      status:     { type: varchar(10), default: new }
    indexes:
      ix_events_account: { columns: [account_id] }
    foreign_keys:
      fk_events_account: { columns: [account_id], references: { table: accounts, columns: [id] } }
EOF
  [[ ${1:-} == nocheck || ${1:-} == columncheck ]] || printf '    checks:\n      ck_events_amount: "amount >= 0"\n'
}

load_rows() {  # load_rows DIALECT DB
  if [[ $1 == postgres ]]; then
    pg_sql "INSERT INTO accounts SELECT g, 'account ' || g FROM generate_series(1, 1000) g" "$2"
    pg_sql "INSERT INTO events (account_id, amount, note) SELECT 1 + g % 1000, g % 997, 'row ' || g FROM generate_series(1, $rows) g" "$2"
    pg_sql "VACUUM ANALYZE" "$2"
  else
    maria_sql "INSERT INTO accounts SELECT seq, CONCAT('account ', seq) FROM seq_1_to_1000" "$2"
    maria_sql "INSERT INTO events (account_id, amount, note) SELECT 1 + seq % 1000, seq % 997, CONCAT('row ', seq) FROM seq_1_to_$rows" "$2"
    maria_sql "ANALYZE TABLE events, accounts" "$2" >/dev/null
  fi
}

checks_after() {  # checks_after DIALECT DB: what must hold after the online or plain revision
  if [[ $1 == postgres ]]; then
    psql -X -A -t -h 127.0.0.1 -p "$pg_port" -U postgres -d "$2" -c \
      "SELECT 'invalid_indexes=' || (SELECT count(*) FROM pg_index WHERE NOT indisvalid) || ' unvalidated_constraints=' || (SELECT count(*) FROM pg_constraint WHERE NOT convalidated)"
  else
    echo "constraints=$(mariadb -N -h 127.0.0.1 -P "$maria_port" -u root -D "$2" -e "SELECT count(*) FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'events' AND CONSTRAINT_TYPE IN ('FOREIGN KEY', 'CHECK')")"
  fi
}

results="$work/results.tsv"
: >"$results"

run_case() {  # run_case DIALECT FORM
  local dialect=$1 form=$2 db="online_${2//-/_}" url cs project="$work/$1-$2"
  if [[ $dialect == postgres ]]; then
    pg_sql "CREATE DATABASE $db"
    url="postgres://postgres@127.0.0.1:$pg_port/$db"
    cs="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=$db;Pooling=false;Application Name=bench-writer"
  else
    maria_sql "CREATE DATABASE $db"
    url="mysql://root@127.0.0.1:$maria_port/$db"
    cs="Server=127.0.0.1;Port=$maria_port;User ID=root;Database=$db;Pooling=false"
  fi
  mkdir -p "$project/schema" && cd "$project"
  printf 'database: %s\n' "$url" >schematool.yaml
  base_model >schema/tables.yaml
  "$cli" plan -m base >/dev/null && "$cli" apply >/dev/null
  say "$dialect $form: loading $rows rows"
  local t0; t0=$(date +%s.%N)
  load_rows "$dialect" "$db"
  say "$dialect $form: loaded in $(echo "$(date +%s.%N) - $t0" | bc | xargs printf '%.1f') s"
  changed_model "$(case $form in *-nocheck) echo nocheck ;; *-columncheck) echo columncheck ;; esac)" >schema/tables.yaml
  local offline=(); [[ $form == plain ]] && offline=(--offline)
  "$cli" plan -m change "${offline[@]}" >"$project/plan.out" 2>&1
  local flagged; flagged=$(grep -c 'blocks writes to' "$project/plan.out" || true)
  cp migrations/*_change.up.sql "$project/revision.up.sql"

  rm -f "$project/stop"
  "$helper" writer --dialect "$dialect" --connection "$cs" --stop "$project/stop" --interval-ms "$interval_ms" \
    --rows "$rows" --trace "$project/slow.txt" >"$project/writer.out" 2>"$project/writer.err" &
  writer_pid=$!
  sleep 1
  local a0 a1 status=ok
  a0=$(date +%s.%N)
  "$cli" apply >"$project/apply.out" 2>&1 || status="failed (exit $?)"
  a1=$(date +%s.%N)
  sleep 1
  touch "$project/stop"
  wait "$writer_pid" || die "writer failed: $(cat "$project/writer.err")"
  writer_pid=""
  local apply_s writer; apply_s=$(echo "$a1 - $a0" | bc | xargs printf '%.2f')
  writer=$(tail -1 "$project/writer.out")
  local at_head; at_head=$("$cli" status >/dev/null 2>&1 && echo yes || echo no)
  local after; after=$(checks_after "$dialect" "$db")
  say "$dialect $form: apply $apply_s s ($status); writer $writer; at head: $at_head; $after"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$dialect" "$form" "$apply_s" "$status" "$writer" "$at_head" "$after" "$flagged" >>"$results"
  { echo "$dialect $form"; grep -E '^ +\[[0-9]+/[0-9]+\]' "$project/apply.out" || true; } >>"$work/statements.txt"
  cd "$work"
  if [[ $dialect == postgres ]]; then pg_sql "DROP DATABASE $db"; else maria_sql "DROP DATABASE $db"; fi
}

IFS=, read -ra wanted <<<"$dialects"
for dialect in "${wanted[@]}"; do
  case "$dialect" in
    postgres) pg_start ;;
    mysql) maria_start ;;
    *) die "unknown dialect $dialect (postgres, mysql)" ;;
  esac
  forms=(plain online)
  [[ $dialect == mysql ]] && forms+=(online-nocheck online-columncheck)
  for form in "${forms[@]}"; do
    [[ -z $only_forms || ,$only_forms, == *,$form,* ]] && run_case "$dialect" "$form"
  done
  if [[ $dialect == postgres ]]; then
    runuser -u postgres -- "$pg_bin/pg_ctl" stop -m fast -D "$work/pg/data" >/dev/null; pg_pid_file=""
  else
    kill "$maria_pid"; wait "$maria_pid" 2>/dev/null || true; maria_pid=""
  fi
done

thousands() { sed ':a;s/\B[0-9]\{3\}\>/,&/;ta' <<<"$1"; }
field() { tr ' ' '\n' <<<"$1" | sed -n "s/^$2=//p"; }
section="$work/section.md"
{
  echo "<!-- online: begin (scripts/bench-online.sh rewrites this section) -->"
  echo "## Online schema changes: how long writers wait during apply"
  echo
  echo "\`$command_line\` at $(git -C "$root" rev-parse --short HEAD), $(date -u +%Y-%m-%dT%H:%MZ); $(nproc) cores, load before $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "\`events\` holds $(thousands "$rows") rows; the revision adds an index, a foreign key, a check and a NOT NULL column with a"
  echo "default to it. The writer inserts a row and updates one every $interval_ms ms on its own connection, from 1 s before"
  echo "\`apply\` until 1 s after it. One run each (not a median). MariaDB 10.11 adds a table CHECK only by copying the table"
  echo "(ALGORITHM=COPY, LOCK=SHARED): the plain form lets it; the online form copies the table itself while writes go on (a"
  echo "new table with the check, triggers carrying writes to it, the rows copied in chunks of 2,000, a RENAME TABLE swap)."
  echo "\`online-nocheck\` (MariaDB): the same revision without the check; \`online-columncheck\` (MariaDB): the check"
  echo "written on its column, which the online form adds in place and then checks."
  echo
  echo "| server | forms | apply s | writer's longest stall ms | p99 ms | writes over 100 ms | writes | writes failed | statements plan flagged | apply | after |"
  echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |"
  while IFS=$'\t' read -r dialect form apply_s status writer at_head after flagged; do
    server=PostgreSQL; [[ $dialect == mysql ]] && server=MariaDB
    echo "| $server | $form | $apply_s | $(field "$writer" max_ms) | $(field "$writer" p99_ms) | $(field "$writer" over_100ms) | $(field "$writer" statements) | $(field "$writer" failures) | $flagged | $status, at head: $at_head | $after |"
  done <"$results"
  echo
  echo "Each statement of the applies above, as \`apply\` printed it (milliseconds):"
  echo
  echo '```'
  cat "$work/statements.txt"
  echo '```'
  echo "<!-- online: end -->"
} >"$section"

if [[ ! -f $out ]]; then
  cp "$section" "$out"
elif grep -q '^<!-- online: begin' "$out"; then
  awk -v f="$section" '/^<!-- online: begin/ {while ((getline l < f) > 0) print l; skip=1; next} /^<!-- online: end -->/ {skip=0; next} !skip' "$out" >"$out.new"
  mv "$out.new" "$out"
else
  awk -v f="$section" '{print} /^<!-- notes:/ {print ""; while ((getline l < f) > 0) print l}' "$out" >"$out.new"
  mv "$out.new" "$out"
fi
cat "$section"
say "wrote the section to $out"
