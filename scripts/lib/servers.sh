# Throwaway PostgreSQL and MariaDB servers on loopback for the benchmark scripts, started as the tests start them.
# The caller defines say, die and $work (a folder for the servers' data), and stops them in its EXIT trap:
# PostgreSQL with pg_ctl (its data is $work/pg/data), MariaDB by $maria_pid.

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# ---------------------------------------------------------------- servers, started as the tests start them
pg_bin=$(pg_config --bindir 2>/dev/null || true)
[[ -n $pg_bin && -x $pg_bin/initdb ]] || pg_bin=/usr/lib/postgresql/15/bin
pg_port=""
pg_start() {
  [[ -x $pg_bin/initdb ]] || die "PostgreSQL server binaries not found (install postgresql-15, see .ci/install-deps.sh)"
  mkdir -p "$work/pg" && chown postgres: "$work/pg"
  runuser -u postgres -- "$pg_bin/initdb" -D "$work/pg/data" -U postgres --auth=trust -E UTF8 --locale=C --no-sync --no-instructions >/dev/null
  cat >>"$work/pg/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$work/pg'
max_connections = 50
fsync = off
full_page_writes = off
synchronous_commit = off
# One transaction that creates, alters or dumps 10,000 tables takes a lock on each (pg_dump too).
max_locks_per_transaction = 1024
log_line_prefix = '%m [%p] %a '
EOF
  pg_port=$(free_port)
  runuser -u postgres -- "$pg_bin/pg_ctl" start -w -t 120 -D "$work/pg/data" -l "$work/pg/server.log" -o "-p $pg_port" >/dev/null
  pg_pid_file="$work/pg/data/postmaster.pid"
  say "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on port $pg_port"
}
pg_sql() { psql -X -q -h 127.0.0.1 -p "$pg_port" -U postgres -d "${2:-postgres}" -v ON_ERROR_STOP=1 -c "$1" >/dev/null; }

maria_port=""
# Its temporary files (information_schema's #sql-temptable-*) beside its data, not in /tmp, which other
# processes clean up: a removed one fails the catalog query that made it.
maria_start() {
  local installdb mariadbd
  installdb=$(command -v mariadb-install-db || echo /usr/bin/mariadb-install-db)
  mariadbd=$(command -v mariadbd || echo /usr/sbin/mariadbd)
  [[ -x $mariadbd ]] || die "mariadbd not found (install mariadb-server, see .ci/install-deps.sh)"
  local innodb=(--innodb-buffer-pool-size=128M --innodb-log-file-size=16M --innodb-flush-log-at-trx-commit=2
                --innodb-doublewrite=0 --innodb-use-native-aio=0 --innodb-flush-method=fsync)
  mkdir -p "$work/maria/tmp" && chown -R mysql: "$work/maria"
  "$installdb" --no-defaults --datadir="$work/maria/data" --auth-root-authentication-method=normal --skip-test-db \
    --skip-name-resolve --user=mysql "${innodb[@]}" >"$work/maria/install.log" 2>&1 || die "mariadb-install-db failed: $(tail -5 "$work/maria/install.log")"
  maria_port=$(free_port)
  "$mariadbd" --no-defaults --datadir="$work/maria/data" --port="$maria_port" --bind-address=127.0.0.1 \
    --socket="$work/maria/mysqld.sock" --pid-file="$work/maria/mysqld.pid" --log-error="$work/maria/error.log" \
    --tmpdir="$work/maria/tmp" \
    --skip-name-resolve --skip-log-bin --max-connections=100 --character-set-server=utf8mb4 \
    --collation-server=utf8mb4_general_ci --user=mysql "${innodb[@]}" >"$work/maria/console.log" 2>&1 &
  maria_pid=$!
  for _ in $(seq 120); do
    mariadb -h 127.0.0.1 -P "$maria_port" -u root -e 'SELECT 1' >/dev/null 2>&1 && break
    kill -0 "$maria_pid" 2>/dev/null || die "mariadbd exited: $(tail -5 "$work/maria/error.log")"
    sleep 0.5
  done
  say "MariaDB $("$mariadbd" --version | awk '{print $3}') on port $maria_port"
}
maria_sql() { mariadb -h 127.0.0.1 -P "$maria_port" -u root ${2:+-D "$2"} -e "$1"; }

