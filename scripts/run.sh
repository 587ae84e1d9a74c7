#!/usr/bin/env bash
# `make run`: prepare the database, load the demo data once, then serve with a task worker beside.
set -euo pipefail
HOST=${1:-127.0.0.1}
PORT=${2:-8000}
PY=.venv/bin/python
# links in e-mails point at this server unless SITE_URL says otherwise
export SITE_URL=${SITE_URL:-http://$HOST:$PORT}

$PY manage.py migrate --noinput --verbosity 0
$PY manage.py createcachetable
$PY manage.py load_demo --if-empty

$PY manage.py db_worker --verbosity 0 &
WORKER=$!
trap 'kill $WORKER 2>/dev/null || true' EXIT INT TERM

echo
echo "thidua đang chạy tại http://$HOST:$PORT  (Ctrl+C để dừng)"
$PY manage.py runserver "$HOST:$PORT"
