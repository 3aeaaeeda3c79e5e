#!/usr/bin/env bash
# Installs what the tests need, when missing: PostgreSQL's server binaries (the store tests start a
# throwaway server), Debian's chromium (the web UI's end-to-end tests drive it) and the npm dependencies.
# Safe to run again: it skips what is already there.
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

have_chromium() {
  [[ -n "${CHROMIUM_PATH:-}" && -x "${CHROMIUM_PATH}" ]] || command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1
}

missing=()
if have_postgres_server; then echo "setup: PostgreSQL server binaries found"; else missing+=(postgresql); fi
if have_chromium; then echo "setup: chromium found"; else missing+=(chromium); fi

if (( ${#missing[@]} )); then
  if [[ "$(id -u)" -eq 0 ]]; then
    sudo=()
  elif command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
  else
    echo "setup: ${missing[*]} missing and this user cannot install them." >&2
    echo "setup: install Debian's packages (apt-get install -y ${missing[*]}) as root, then run this again." >&2
    exit 1
  fi
  echo "setup: installing ${missing[*]} (apt-get)"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  have_postgres_server || { echo "setup: postgresql installed but initdb/pg_ctl still not found" >&2; exit 1; }
  have_chromium || { echo "setup: chromium installed but not found on PATH" >&2; exit 1; }
fi

if [[ -f package-lock.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error
else
  npm install --no-audit --no-fund --loglevel=error
fi
echo "setup: done"
