#!/usr/bin/env bash
# Installs schematool the way a user does (dotnet pack, then dotnet tool install from that package) and runs
# the installed `schematool` through the quickstart in an empty folder: init, the tutorial's roles/users
# model, plan, apply, history, check, rollback. Prints one clear last line; exits non-zero on any failure.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tmp="$(mktemp -d)"
step="setup"
finish() {
  local status=$?
  rm -rf "$tmp"
  if [ "$status" -eq 0 ]; then echo "pack-and-install: OK (packed, installed, and ran the quickstart with the installed tool)"
  else echo "pack-and-install: FAILED at step '$step' (exit $status)" >&2; fi
}
trap finish EXIT
run() { step="$*"; printf '\n$ %s\n' "$*"; "$@"; }

run dotnet pack "$root/src/SchemaTool" -c Release -o "$tmp/packages" -nologo -v quiet
# A private package cache, so that a package of the same version from an earlier run is never reused.
run env NUGET_PACKAGES="$tmp/nuget" dotnet tool install --tool-path "$tmp/tools" SchemaTool \
  --add-source "$tmp/packages" --ignore-failed-sources
schematool="$tmp/tools/schematool"

mkdir "$tmp/project" && cd "$tmp/project"
export NO_COLOR=1
run "$schematool" --version
run "$schematool" init
cat > schema/tables.yaml <<'YAML'
# The Flask-Migrate tutorial's model.
tables:
  roles:
    columns:
      id:   { type: int, primary_key: true, auto_increment: true }
      name: { type: varchar(64), unique: true }
  users:
    columns:
      id:       { type: int, primary_key: true, auto_increment: true }
      username: { type: varchar(64), unique: true, index: true }
      role_id:  { type: int, nullable: true, references: roles.id }
YAML
run "$schematool" plan -m "initial migration"
run "$schematool" apply
run "$schematool" history
run "$schematool" check
step="a second plan finds nothing"
"$schematool" plan -m "nothing" | tee "$tmp/second-plan.txt"
grep -q "no changes" "$tmp/second-plan.txt"
run "$schematool" rollback base
step="check after rollback exits 1"
if "$schematool" check; then echo "check passed on a rolled-back database" >&2; exit 1; fi
run "$schematool" status
