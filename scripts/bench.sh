#!/usr/bin/env bash
# The cost of one catalog read, side by side with pg_dump, mariadb-dump and Alembic.
#
#   bash scripts/bench.sh [--sizes 100,1000,10000] [--dialects sqlite,postgres,mysql] [--runs 5]
#                         [--runs-large 3] [--seed 42] [--out bench/RESULTS.md] [--no-alembic] [--keep]
#                         [--tmp /dev/shm] [--alembic-runs 3] [--alembic-max-tables 1000]
# (Alembic reflects table by table, ~50 s at 1,000 tables here: larger sizes only when asked, and then once.)
#
# For each dialect and size it generates a synthetic model (deterministic from --seed), starts throwaway
# PostgreSQL / MariaDB servers in a temp folder (as the tests do: initdb + pg_ctl as user postgres,
# mariadbd --no-defaults, free loopback ports), creates the schema with schematool itself (plan + apply), and
# times whole processes of the Release CLI as the tool package installs it (median of --runs; --runs-large for 10,000 tables and more) with
# their peak memory (/usr/bin/time): plan with nothing changed, plan after 10% of the tables changed, apply of
# that revision, inspect (when the CLI has it), status; and pg_dump --schema-only, mariadb-dump --no-data and
# Alembic autogenerate on the same databases. Statements: SCHEMATOOL_STATS=1 for schematool, the server's
# statement log (log_statement=all / general_log, on only for one extra counting run) for the others.
# Writes the tables to --out (bench/RESULTS.md) and the raw rows beside it (bench/results.tsv).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sizes=100,1000,10000
dialects=sqlite,postgres,mysql
runs=5
runs_large=3
alembic_runs=3
alembic_max_tables=1000
seed=42
out="$root/bench/RESULTS.md"
alembic=1
keep=0
# Data on tmpfs: the servers' fsyncs would otherwise dominate DDL (MariaDB took 0.2 s per CREATE TABLE on
# this machine's disk); the catalog reads measured here are then CPU and protocol cost only.
tmp_root=/dev/shm
[[ -d $tmp_root && -w $tmp_root ]] || tmp_root=/tmp
command_line="bash scripts/bench.sh $*"

while (($#)); do
  case "$1" in
    --sizes) sizes=$2; shift 2 ;;
    --dialects) dialects=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --runs-large) runs_large=$2; shift 2 ;;
    --alembic-runs) alembic_runs=$2; shift 2 ;;
    --alembic-max-tables) alembic_max_tables=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --out) out=$(realpath -m "$2"); shift 2 ;;
    --no-alembic) alembic=0; shift ;;
    --keep) keep=1; shift ;;
    --tmp) tmp_root=$2; shift 2 ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "bench: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

say() { printf 'bench: %s\n' "$*" >&2; }
die() { say "ERROR: $*"; exit 1; }

# GNU time gives the peak resident set size of the measured process.
if [[ ! -x /usr/bin/time ]]; then
  say "installing Debian's time package for /usr/bin/time"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q time >/dev/null || die "could not install time"
fi

# The CLI as `dotnet tool install` gives it: on linux-x64 the RID-specific package, published ReadyToRun
# (src/SchemaTool/SchemaTool.csproj); elsewhere the portable build.
cli_dir="$root/artifacts/bench-cli"
if [[ $(uname -s)-$(uname -m) == Linux-x86_64 ]]; then
  say "publishing the CLI as the linux-x64 tool package has it (Release, ReadyToRun) and building the bench helper"
  dotnet publish "$root/src/SchemaTool/SchemaTool.csproj" -c Release -r linux-x64 --self-contained false -o "$cli_dir" \
    -nologo -v quiet >/dev/null || die "publish of the CLI failed"
else
  say "building the CLI (Release, portable) and the bench helper"
  dotnet build "$root/src/SchemaTool/SchemaTool.csproj" -c Release -o "$cli_dir" -nologo -v quiet >/dev/null || die "build of the CLI failed"
fi
dotnet build "$root/bench/SchemaTool.Bench/SchemaTool.Bench.csproj" -c Release -nologo -v quiet >/dev/null || die "build of the bench helper failed"
cli="$cli_dir/schematool"          # the apphost, as a global tool's shim runs it
dll="$cli_dir/schematool.dll"
helper="$root/bench/SchemaTool.Bench/bin/Release/net10.0/schematool-bench"

work="$(mktemp -d "$tmp_root/schematool-bench-XXXXXX")"
chmod 755 "$work"
tsv="$work/results.tsv"
: >"$tsv"
pg_pid_file=""
maria_pid=""
cleanup() {
  if [[ -n $pg_pid_file && -f $pg_pid_file ]]; then
    runuser -u postgres -- "$pg_bin/pg_ctl" stop -m immediate -D "$work/pg/data" >/dev/null 2>&1 || true
  fi
  if [[ -n $maria_pid ]]; then kill -KILL "$maria_pid" 2>/dev/null || true; wait "$maria_pid" 2>/dev/null || true; fi
  if ((keep)); then say "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

source "$root/scripts/lib/servers.sh"   # free_port, pg_start, pg_sql, maria_start, maria_sql

# ---------------------------------------------------------------- measuring
median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) print "-"; else if (NR%2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}'; }
min_of() { sort -n | head -1; }
max_of() { sort -n | tail -1; }

# measure WHAT RUNS CMD... : runs CMD RUNS times in the current folder, each as a whole process, and adds a
# row to the results: median/min/max wall ms, median peak RSS (MB), statements and first-connect ms (from
# SCHEMATOOL_STATS, for schematool). $after_each, when set, is run (untimed) after each run but the last.
after_each=""
measure() {
  local what=$1 n=$2; shift 2
  local times=() rss=() cpu=() stmts="-" connect=() r t0 t1 line
  for ((r = 0; r < n; r++)); do
    t0=$(date +%s%N)
    if ! SCHEMATOOL_STATS=1 SCHEMATOOL_STATS_T0=$t0 /usr/bin/time -q -f '%M %U %S' -o "$work/time.out" "$@" >"$work/out.txt" 2>"$work/err.txt"; then
      say "$dialect/$tables: $what failed: $(grep -v schematool-stats "$work/err.txt" | head -3 | tr '\n' ' ')"
      printf '%s\t%s\t%s\tfailed\t-\t-\t-\t-\t-\t-\t-\n' "$dialect" "$tables" "$what" >>"$tsv"
      return 1
    fi
    t1=$(date +%s%N)
    times+=($(((t1 - t0) / 1000000)))
    rss+=($(tail -1 "$work/time.out" | awk '{print $1}'))
    cpu+=($(tail -1 "$work/time.out" | awk '{printf "%d", ($2 + $3) * 1000}'))
    line=$(grep '^schematool-stats:' "$work/err.txt" || true)
    if [[ -n $line ]]; then
      stmts=$(sed -E 's/.*statements=([0-9]+).*/\1/' <<<"$line")
      connect+=($(sed -E 's/.*first_connect_ms=([0-9-]+).*/\1/' <<<"$line"))
    fi
    if ((r < n - 1)) && [[ -n $after_each ]]; then eval "$after_each"; fi
  done
  local med mn mx mem con cpu_med
  med=$(printf '%s\n' "${times[@]}" | median)
  mn=$(printf '%s\n' "${times[@]}" | min_of)
  mx=$(printf '%s\n' "${times[@]}" | max_of)
  mem=$(printf '%s\n' "${rss[@]}" | median)
  cpu_med=$(printf '%s\n' "${cpu[@]}" | median)
  con=$( ((${#connect[@]})) && printf '%s\n' "${connect[@]}" | { grep -v -- - || true; } | median || echo -)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$dialect" "$tables" "$what" "$n" "$med" "$mn" "$mx" \
    "$(awk -v k="$mem" 'BEGIN {printf "%.0f", k/1024}')" "$stmts" "${con:--}" "$cpu_med" >>"$tsv"
  say "$dialect/$tables: $what: median ${med} ms (${mn}-${mx}), CPU ${cpu_med} ms, $(awk -v k="$mem" 'BEGIN {printf "%.0f", k/1024}') MB, statements ${stmts}"
}

# count_statements WHAT CMD... : one extra run of CMD with the server's statement log on; sets the
# statements column of WHAT's row (for the tools that cannot count their own).
count_statements() {
  local what=$1; shift
  local log mark count=""
  case $dialect in
    postgres)
      log="$work/pg/server.log"
      pg_sql "ALTER SYSTEM SET log_statement = 'all'"; pg_sql "SELECT pg_reload_conf()"; sleep 0.5
      mark=$(wc -l <"$log")
      "$@" >/dev/null 2>&1 || true
      sleep 0.5
      count=$(tail -n +"$((mark + 1))" "$log" | grep -cE 'LOG:  (statement|execute [^:]*):' || true)
      pg_sql "ALTER SYSTEM RESET log_statement"; pg_sql "SELECT pg_reload_conf()" ;;
    mysql)
      log="$work/maria/general.log"
      maria_sql "SET GLOBAL general_log_file = '$log'; SET GLOBAL general_log = 1"
      mark=$(wc -l <"$log")
      "$@" >/dev/null 2>&1 || true
      count=$(tail -n +"$((mark + 1))" "$log" | grep -E $'\t(Query|Execute)\t|[0-9] (Query|Execute)\t' | grep -vc 'general_log' || true)
      maria_sql "SET GLOBAL general_log = 0" ;;
    *) return 0 ;;
  esac
  awk -F'\t' -v OFS='\t' -v d="$dialect" -v t="$tables" -v w="$what" -v c="$count" \
    '$1==d && $2==t && $3==w {$9=c} {print}' "$tsv" >"$tsv.new" && mv "$tsv.new" "$tsv"
}

revision_files() { ls migrations/*.sql 2>/dev/null | sort; }
new_revision_files() { comm -13 <(printf '%s\n' "${before_files[@]}") <(revision_files); }

alembic_ready=0
if ((alembic)); then
  if dpkg-query -W -f='${Status}' python3-alembic 2>/dev/null | grep -q 'install ok installed'; then
    alembic_ready=1
  else
    say "python3-alembic is not installed: Alembic autogenerate is skipped (apt-get install python3-alembic python3-psycopg2 python3-pymysql to include it)"
  fi
fi
alembic_setup() {  # alembic_setup URL : an Alembic environment in ./alembic-env over the generated SQLAlchemy models
  mkdir -p alembic-env/versions
  "$helper" alembic --tables "$tables" --seed "$seed" --out alembic-env/models.py
  cat >alembic-env/alembic.ini <<EOF
[alembic]
script_location = %(here)s
sqlalchemy.url = $1
EOF
  cat >alembic-env/env.py <<'EOF'
import os, sys
sys.path.insert(0, os.path.dirname(__file__))
from alembic import context
from sqlalchemy import create_engine
from models import metadata

def include(obj, name, type_, reflected, compare_to):
    return not (type_ == "table" and name.startswith("schematool_"))

engine = create_engine(context.config.get_main_option("sqlalchemy.url"))
with engine.connect() as connection:
    context.configure(connection=connection, target_metadata=metadata, compare_type=True, include_object=include)
    with context.begin_transaction():
        context.run_migrations()
EOF
  cat >alembic-env/script.py.mako <<'EOF'
"""${message}"""
revision = ${repr(up_revision)}
down_revision = ${repr(down_revision)}
from alembic import op
import sqlalchemy as sa
def upgrade():
    ${upgrades if upgrades else "pass"}
def downgrade():
    ${downgrades if downgrades else "pass"}
EOF
}

# ---------------------------------------------------------------- the machine
describe_machine() {
  echo "- CPU: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
  echo "- memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) total, $(awk '/MemAvailable/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) available"
  echo "- OS: $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
  echo "- .NET: SDK $(dotnet --version), runtime $(dotnet --list-runtimes | awk '/NETCore.App/ {v=$2} END {print v}')"
  echo "- databases and projects in $tmp_root ($(df --output=fstype "$tmp_root" | tail -1))"
  echo "- PostgreSQL $("$pg_bin/postgres" --version 2>/dev/null | awk '{print $3}'), pg_dump $(pg_dump --version | awk '{print $3}'); MariaDB $(mariadbd --version 2>/dev/null | awk '{print $3}')"
}

machine="$work/machine.md"
{ describe_machine; echo "- load at start: $(uptime | sed 's/.*load average: //') (1, 5, 15 min)"; } >"$machine"
started_at=$(date -u '+%Y-%m-%d %H:%M UTC')

IFS=, read -r -a size_list <<<"$sizes"
IFS=, read -r -a dialect_list <<<"$dialects"

# ---------------------------------------------------------------- start-up
dialect=cli tables=0
measure "schematool --version (apphost)" $((runs * 2)) "$cli" --version
measure "dotnet schematool.dll --version" $((runs * 2)) dotnet "$dll" --version

for dialect in "${dialect_list[@]}"; do
  case $dialect in
    postgres) [[ -n $pg_port ]] || pg_start ;;
    mysql) [[ -n $maria_port ]] || maria_start ;;
    sqlite) ;;
    *) die "unknown dialect $dialect (sqlite, postgres, mysql)" ;;
  esac
  for tables in "${size_list[@]}"; do
    n=$runs
    ((tables >= 10000)) && n=$runs_large
    project="$work/$dialect-$tables"
    mkdir -p "$project/migrations"
    cd "$project"
    db="bench_$tables"
    case $dialect in
      sqlite) url="sqlite:app.db"; sa_url="sqlite:///$project/app.db" ;;
      postgres) pg_sql "CREATE DATABASE $db"; url="postgres://postgres@127.0.0.1:$pg_port/$db"; sa_url="postgresql+psycopg2://postgres@127.0.0.1:$pg_port/$db" ;;
      mysql) maria_sql "CREATE DATABASE $db"; url="mysql://root@127.0.0.1:$maria_port/$db"; sa_url="mysql+pymysql://root@127.0.0.1:$maria_port/$db" ;;
    esac
    printf 'database: %s\nschema: schema\nmigrations: migrations\n' "$url" >schematool.yaml
    "$helper" generate --tables "$tables" --seed "$seed" --out schema
    say "$dialect/$tables: model of $tables tables generated ($(du -sh schema | cut -f1) of YAML)"

    # Create the schema with schematool itself; while this build has no such dialect, with plain DDL.
    native=1
    if ! measure "setup: plan, create all" 1 "$cli" plan -m "create all"; then
      if grep -q "unknown dialect" "$work/err.txt"; then
        native=0
        sed -i "/^$dialect\t$tables\tsetup: plan, create all\t/d" "$tsv"
        say "$dialect/$tables: this schematool build has no $dialect dialect: creating the schema with plain DDL, measuring only the baselines"
        "$helper" ddl --tables "$tables" --seed "$seed" --dialect "$dialect" >create.sql
        case $dialect in
          postgres) measure "setup: psql, create all (no schematool dialect yet)" 1 psql -X -q -h 127.0.0.1 -p "$pg_port" -U postgres -d "$db" -v ON_ERROR_STOP=1 -f create.sql ;;
          mysql) measure "setup: mariadb, create all (no schematool dialect yet)" 1 sh -c "mariadb -h 127.0.0.1 -P $maria_port -u root -D $db < create.sql" ;;
        esac
      else
        continue
      fi
    else
      measure "setup: apply, create all" 1 "$cli" apply || continue
    fi

    if ((native)); then
      measure "plan, nothing changed" "$n" "$cli" plan -m "nothing changed" || true
      measure "status" "$n" "$cli" status || true
      if "$cli" inspect --help >/dev/null 2>&1; then
        measure "inspect" "$n" "$cli" inspect -o "$work/inspect.yaml" || true
      else
        printf '%s\t%s\t%s\tnot in this build\t-\t-\t-\t-\t-\t-\t-\n' "$dialect" "$tables" "inspect" >>"$tsv"
      fi
    fi

    case $dialect in
      postgres)
        measure "pg_dump --schema-only" "$n" pg_dump --schema-only -h 127.0.0.1 -p "$pg_port" -U postgres -d "$db" -f "$work/dump.sql" &&
          count_statements "pg_dump --schema-only" pg_dump --schema-only -h 127.0.0.1 -p "$pg_port" -U postgres -d "$db" -f "$work/dump.sql" ;;
      mysql)
        measure "mariadb-dump --no-data" "$n" mariadb-dump --no-data -h 127.0.0.1 -P "$maria_port" -u root --result-file="$work/dump.sql" "$db" &&
          count_statements "mariadb-dump --no-data" mariadb-dump --no-data -h 127.0.0.1 -P "$maria_port" -u root --result-file="$work/dump.sql" "$db" ;;
      sqlite)
        if command -v sqlite3 >/dev/null; then measure "sqlite3 .schema" "$n" sqlite3 app.db .schema || true; fi ;;
    esac

    if ((alembic_ready)) && ((tables > alembic_max_tables)); then
      printf '%s\t%s\t%s\tskipped (> --alembic-max-tables)\t-\t-\t-\t-\t-\t-\t-\n' "$dialect" "$tables" "alembic revision --autogenerate" >>"$tsv"
    elif ((alembic_ready)); then
      alembic_setup "$sa_url"
      after_each='rm -f alembic-env/versions/*.py'
      an=$((n < alembic_runs ? n : alembic_runs))
      ((tables >= 10000)) && an=1
      # The counting run starts from an empty versions folder too: with the last timed run's revision there,
      # Alembic stops early ("Target database is not up to date").
      if measure "alembic revision --autogenerate" "$an" timeout 1200 /usr/bin/python3 -m alembic -c alembic-env/alembic.ini revision --autogenerate -m bench; then
        rm -f alembic-env/versions/*.py
        count_statements "alembic revision --autogenerate" /usr/bin/python3 -m alembic -c alembic-env/alembic.ini revision --autogenerate -m bench
      fi
      after_each=""
      rm -f alembic-env/versions/*.py
      # Alembic leaves its alembic_version table behind; a later plan would then plan to drop it.
      /usr/bin/python3 -c 'import sys; from sqlalchemy import create_engine, text
with create_engine(sys.argv[1]).begin() as c: c.execute(text("DROP TABLE IF EXISTS alembic_version"))' "$sa_url"
    fi

    if ((native)); then
      count_statements "plan, nothing changed" "$cli" plan -m "nothing changed"
      "$helper" generate --tables "$tables" --seed "$seed" --changed 10 --out schema
      mapfile -t before_files < <(revision_files)
      after_each='new_revision_files | xargs -r rm -f'
      measure "plan, 10% changed" "$n" "$cli" plan -m "ten percent changed" || true
      after_each='"$cli" rollback -1 >/dev/null'
      [[ -n $(new_revision_files) ]] && measure "apply, 10% changed" "$n" "$cli" apply || true
      after_each=""
    fi
    cd "$work"
    if [[ $dialect == postgres ]]; then pg_sql "DROP DATABASE IF EXISTS $db" || true; fi
    if [[ $dialect == mysql ]]; then maria_sql "DROP DATABASE IF EXISTS $db" || true; fi
    rm -rf "$project"
  done
done

# ---------------------------------------------------------------- the in-process breakdown, and the report
say "in-process profile of the plan pipeline (YAML, diff, SQL)"
"$helper" profile --tables "$sizes" --seed "$seed" --runs 3 >"$work/profile.md"
{ cat "$machine"; echo "- load at end: $(uptime | sed 's/.*load average: //') (1, 5, 15 min)"; } >"$machine.new" && mv "$machine.new" "$machine"
mkdir -p "$(dirname "$out")"
cp "$tsv" "$(dirname "$out")/results.tsv"
"$helper" report --results "$tsv" --machine "$machine" --profile "$work/profile.md" --command "$command_line" \
  --started "$started_at" --out "$out"
say "wrote $out"
