#!/usr/bin/env bash
# The main job end to end on SQLite, as a user would run it: plan, apply, change the model, plan, apply,
# history, rollback to the first revision, rollback base. Works in a fresh temporary folder.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dotnet build "$root/src/SchemaTool/SchemaTool.csproj" -c Release -nologo -v quiet >/dev/null
schematool() { dotnet "$root/src/SchemaTool/bin/Release/net10.0/schematool.dll" "$@"; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$root/examples/quickstart/." "$work/"
cd "$work"
step() { printf '\n\033[1m$ schematool %s\033[0m\n' "$*"; schematool "$@"; }

step plan -m "initial migration"
step apply
step plan -m "nothing changed"
cp steps/2-posts.yaml schema/tables.yaml
step plan -m "posts and emails"
step apply
step plan -m "converged"
step history
first="$(grep -l '^-- parents: *$' migrations/*.up.sql | xargs -n1 basename | cut -c1-12)"
step rollback "$first"
step history
step rollback base
step status
