#!/usr/bin/env bash
# Installs what the tests need, when missing: PostgreSQL's server binaries (the store tests start a
# throwaway server) and the npm dependencies. Safe to run again: it skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

have_postgres_server() {
  local dir
  dir="$(pg_config --bindir 2>/dev/null || true)"
  if [[ -n "$dir" && -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then return 0; fi
  for dir in /usr/lib/postgresql/*/bin; do
    if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then return 0; fi
  done
  return 1
}

if have_postgres_server; then
  echo "setup: PostgreSQL server binaries found"
else
  if [[ "$(id -u)" -eq 0 ]]; then
    sudo=()
  elif command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
  else
    echo "setup: PostgreSQL server binaries are missing and this user cannot install them." >&2
    echo "setup: install Debian's 'postgresql' package (apt-get install -y postgresql) as root, then run this again." >&2
    exit 1
  fi
  echo "setup: installing postgresql (apt-get)"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  have_postgres_server || { echo "setup: postgresql installed but initdb/pg_ctl still not found" >&2; exit 1; }
fi

if [[ -f package-lock.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error
else
  npm install --no-audit --no-fund --loglevel=error
fi
echo "setup: done"
