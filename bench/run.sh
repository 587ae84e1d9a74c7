#!/usr/bin/env bash
# `make bench` (BENCH_QUICK=1 make bench for a short run): the benchmark suite on PostgreSQL
# (127.0.0.1:5432, trust auth, user postgres; BENCH_PG to change). Writes bench/results/.
# Never part of `make test` or CI.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python

# The bench's own tool: wrk loads the app servers with little CPU of its own. Without it the
# bench falls back to its Python load generator.
if ! command -v wrk >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  ($SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq wrk) >/dev/null 2>&1 \
    || echo "wrk could not be installed: using the Python load generator"
fi
PG=${BENCH_PG:-postgres://postgres@127.0.0.1:5432}
if ! psql "$PG/postgres" -XAtqc "SELECT 1" >/dev/null 2>&1; then
  echo "PostgreSQL is not reachable at $PG: the bench needs it (see bench/README.md)." >&2
  exit 1
fi
# Production settings serve static files through WhiteNoise's manifest: collect them first
# (again only when a static file is newer than the manifest).
MANIFEST=static_root/staticfiles.json
if [ ! -f "$MANIFEST" ] || [ -n "$(find . -path ./.venv -prune -o -path ./static_root -prune -o -path '*/static/*' -type f -newer "$MANIFEST" -print -quit)" ]; then
  THIDUA_ENV=production SECRET_KEY=bench-collectstatic DEBUG=false $PY manage.py collectstatic --noinput --verbosity 0
fi
exec $PY -m bench.suite
