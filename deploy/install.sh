#!/usr/bin/env bash
# thidua: install, or upgrade, a production server on Debian 12 with systemd. Run it as root from
# a checkout of the version to install; running it again upgrades (or repairs) the installation:
#
#   sudo SERVER_NAME=thiduacb.congdoan.vn bash deploy/install.sh
#
# Steps (each safe to repeat): Debian packages; the system user; the PostgreSQL role and
# database; Redis; the code under APP_DIR and a virtualenv from requirements.lock; the
# environment file (written once, never overwritten); migrate, createcachetable, collectstatic,
# compilemessages; the systemd units, nginx site and logrotate file; then the services are
# enabled and (re)started. Queued tasks wait in the database: restarting the worker loses none.
#
# Settings (environment variables; the defaults are a normal server):
#   SERVER_NAME      the site's host name                      (default: hostname -f)
#   PREFIX           root under which every path is made       (default: empty, i.e. /)
#   APP_USER         system user the services run as           (default: thidua)
#   DB_NAME, DB_USER PostgreSQL database and role              (default: thidua, thidua)
#   APP_PORT         gunicorn's port on 127.0.0.1              (default: 8000)
#   HTTP_PORT, HTTPS_PORT  nginx's ports                       (default: 80, 443)
#   WORKERS          gunicorn worker processes                 (default: 2 × cores + 1, at most 9)
#   TLS_CERT, TLS_KEY  certificate and key for nginx           (default: Debian's snakeoil pair,
#                    a self-signed placeholder: replace it, see docs/install.md)
#   CACHE_URL, CACHE_KEY_PREFIX  Redis for cache and sessions  (default: redis://127.0.0.1:6379/0, thidua)
#   MAX_UPLOAD_MB    upload limit; nginx allows MAX_UPLOAD_MB + 5 (default: 20)
#   ORGANISATION_NAME  shown in headers and documents          (default: the settings' default)
#   SYSTEMCTL=no     do not call systemctl (no systemd: a container, or deploy/test-install.sh)
#   SKIP_APT=1       do not install Debian packages
#   PSQL             how to run psql as PostgreSQL's superuser (default: runuser -u postgres -- psql)
#   PYTHON           the Python 3.11 the virtualenv is made from (default: /usr/bin/python3)
set -euo pipefail

SOURCE_DIR=$(cd "$(dirname "$0")/.." && pwd)
if [ "${1:-}" = "-h" ] || [ "${1:-}" = "--help" ]; then
  sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
  exit 0
fi
[ "$(id -u)" -eq 0 ] || { echo "Chạy với quyền root (sudo) / run as root" >&2; exit 1; }

PREFIX=${PREFIX:-}
SERVER_NAME=${SERVER_NAME:-$(hostname -f 2>/dev/null || hostname)}
APP_USER=${APP_USER:-thidua}
APP_GROUP=${APP_GROUP:-$APP_USER}
DB_NAME=${DB_NAME:-thidua}
DB_USER=${DB_USER:-thidua}
APP_PORT=${APP_PORT:-8000}
HTTP_PORT=${HTTP_PORT:-80}
HTTPS_PORT=${HTTPS_PORT:-443}
CORES=$(nproc 2>/dev/null || echo 1)
WORKERS=${WORKERS:-$(( 2 * CORES + 1 > 9 ? 9 : 2 * CORES + 1 ))}
TLS_CERT=${TLS_CERT:-/etc/ssl/certs/ssl-cert-snakeoil.pem}
TLS_KEY=${TLS_KEY:-/etc/ssl/private/ssl-cert-snakeoil.key}
CACHE_URL=${CACHE_URL:-redis://127.0.0.1:6379/0}
CACHE_KEY_PREFIX=${CACHE_KEY_PREFIX:-thidua}
MAX_UPLOAD_MB=${MAX_UPLOAD_MB:-20}
REQUEST_MAX_MB=$(( MAX_UPLOAD_MB + 1 ))
CLIENT_MAX_BODY_MB=$(( MAX_UPLOAD_MB + 5 ))
ORGANISATION_NAME=${ORGANISATION_NAME:-Liên đoàn Lao động tỉnh Cao Bằng}
SYSTEMCTL=${SYSTEMCTL:-yes}
SKIP_APT=${SKIP_APT:-}
PSQL=${PSQL:-runuser -u postgres -- psql}
PYTHON=${PYTHON:-/usr/bin/python3}

APP_DIR=$PREFIX/opt/thidua/app
VENV=$PREFIX/opt/thidua/venv
CONF_DIR=$PREFIX/etc/thidua
ENV_FILE=$CONF_DIR/thidua.env
STATE_DIR=$PREFIX/var/lib/thidua
LOG_DIR=$PREFIX/var/log/thidua
BACKUP_DIR=$PREFIX/var/backups/thidua
ERRORS_DIR=$PREFIX/usr/share/thidua/errors
ACME_ROOT=$PREFIX/var/www/html            # certbot --webroot (docs/install.md)
UNIT_DIR=$PREFIX/etc/systemd/system
NGINX_DIR=$PREFIX/etc/nginx
LOGROTATE_DIR=$PREFIX/etc/logrotate.d
if [ "$HTTPS_PORT" = 443 ]; then HTTPS_PORT_SUFFIX=""; else HTTPS_PORT_SUFFIX=":$HTTPS_PORT"; fi

START_SECONDS=$SECONDS
step() { printf "\n== [%3ds] %s\n" "$(( SECONDS - START_SECONDS ))" "$*"; }

# --- 1. Debian packages -------------------------------------------------------------------
PACKAGES=(python3 python3-venv python3-dev build-essential libpq5 postgresql redis-server nginx
          ssl-cert logrotate rsync gettext libpango-1.0-0 libpangoft2-1.0-0 fonts-liberation
          fonts-dejavu-core poppler-utils curl ca-certificates softhsm2)  # softhsm2: signing (docs/signing.md)
if [ -z "$SKIP_APT" ]; then
  step "Debian packages"
  missing=()
  for package in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}"
    policy_added=""
    if [ "$SYSTEMCTL" = no ] && [ ! -e /usr/sbin/policy-rc.d ]; then
      # no systemd: keep the packages' scripts from starting their own daemons (nginx on port 80...)
      printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d
      policy_added=1
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
    [ -z "$policy_added" ] || rm -f /usr/sbin/policy-rc.d
  else
    echo "all present"
  fi
fi

# --- 2. system user and directories --------------------------------------------------------
step "system user $APP_USER and directories"
getent group "$APP_GROUP" >/dev/null || groupadd --system "$APP_GROUP"
if ! id -u "$APP_USER" >/dev/null 2>&1; then
  useradd --system --gid "$APP_GROUP" --home-dir "$STATE_DIR" --no-create-home \
          --shell /usr/sbin/nologin --comment "thidua application" "$APP_USER"
fi
install -d -m 0755 "$PREFIX/opt/thidua" "$APP_DIR" "$ERRORS_DIR" "$UNIT_DIR" "$NGINX_DIR/sites-available" \
                   "$NGINX_DIR/sites-enabled" "$LOGROTATE_DIR" "$PREFIX/usr/local/bin" "$ACME_ROOT"
install -d -m 0750 -o root -g "$APP_GROUP" "$CONF_DIR"
install -d -m 0750 -o "$APP_USER" -g "$APP_GROUP" "$STATE_DIR" "$STATE_DIR/media" "$LOG_DIR" "$BACKUP_DIR"
install -d -m 0755 -o "$APP_USER" -g "$APP_GROUP" "$STATE_DIR/static"
# SIGNING_DIR: the token files and PKCS#12 keys, read by the app and the worker only
install -d -m 0700 -o "$APP_USER" -g "$APP_GROUP" "$STATE_DIR/signing"

# --- 3. the code and its virtualenv ---------------------------------------------------------
step "code in $APP_DIR"
# owned by root, read-only for the services: a compromised app cannot rewrite itself
rsync -a --delete --chown=root:root --chmod=Du=rwx,Dgo=rx,Fu=rw,Fgo=r \
  --exclude=.git --exclude=.venv --exclude=/media --exclude=/static_root --exclude='db.sqlite3*' \
  --exclude=test-artifacts --exclude=__pycache__ --exclude='.pytest_cache' --exclude='*.mo' \
  "$SOURCE_DIR/" "$APP_DIR/"

step "virtualenv $VENV from requirements.lock"
lock_sum=$(sha256sum "$APP_DIR/requirements.lock" | cut -d' ' -f1)
if [ "$(cat "$VENV/.lock.sha256" 2>/dev/null)" != "$lock_sum" ]; then
  [ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
  if command -v uv >/dev/null 2>&1; then
    uv pip install --quiet --python "$VENV/bin/python" -r "$APP_DIR/requirements.lock"
  else
    "$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$APP_DIR/requirements.lock"
  fi
  echo "$lock_sum" > "$VENV/.lock.sha256"
else
  echo "up to date"
fi

# --- 4. render the templates ----------------------------------------------------------------
sed_escape() { printf '%s' "$1" | sed -e 's/[\\|&]/\\&/g'; }
render() {  # render TEMPLATE DEST MODE
  local args=() name
  for name in APP_DIR VENV ENV_FILE STATE_DIR LOG_DIR BACKUP_DIR ERRORS_DIR ACME_ROOT APP_PORT HTTP_PORT HTTPS_PORT \
              HTTPS_PORT_SUFFIX SERVER_NAME TLS_CERT TLS_KEY WORKERS CACHE_URL CACHE_KEY_PREFIX \
              MAX_UPLOAD_MB REQUEST_MAX_MB CLIENT_MAX_BODY_MB DB_NAME DB_USER ORGANISATION_NAME; do
    args+=(-e "s|@$name@|$(sed_escape "${!name}")|g")
  done
  args+=(-e "s|@USER@|$(sed_escape "$APP_USER")|g" -e "s|@GROUP@|$(sed_escape "$APP_GROUP")|g")
  local tmp
  tmp=$(mktemp)
  sed "${args[@]}" "$1" > "$tmp"
  if grep -qE '@[A-Z][A-Z_]*@' "$tmp"; then
    echo "unrendered placeholder in $1: $(grep -oE '@[A-Z][A-Z_]*@' "$tmp" | sort -u | tr '\n' ' ')" >&2
    rm -f "$tmp"; exit 1
  fi
  install -m "$3" "$tmp" "$2"
  rm -f "$tmp"
}

# --- 5. PostgreSQL role and database, Redis ---------------------------------------------------
step "PostgreSQL database $DB_NAME, role $DB_USER"
if [ "$SYSTEMCTL" = yes ]; then systemctl enable --now postgresql redis-server >/dev/null; fi
new_password=$("$PYTHON" -c "import secrets; print(secrets.token_urlsafe(24))")
if ! $PSQL -qtAc "SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER'" | grep -q 1; then
  $PSQL -q -c "CREATE ROLE \"$DB_USER\" LOGIN PASSWORD '$new_password'"
  DB_PASSWORD=$new_password
elif [ -f "$ENV_FILE" ]; then
  DB_PASSWORD=$(sed -n "s|^DATABASE_URL=postgres://[^:]*:\([^@]*\)@.*|\1|p" "$ENV_FILE")
else
  # the role exists but the environment file was lost: give the role a new password
  $PSQL -q -c "ALTER ROLE \"$DB_USER\" PASSWORD '$new_password'"
  DB_PASSWORD=$new_password
fi
if ! $PSQL -qtAc "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'" | grep -q 1; then
  $PSQL -q -c "CREATE DATABASE \"$DB_NAME\" OWNER \"$DB_USER\" ENCODING 'UTF8' TEMPLATE template0"
fi
redis_host_port=${CACHE_URL#redis://}; redis_host_port=${redis_host_port%%/*}
if command -v redis-cli >/dev/null && ! redis-cli -h "${redis_host_port%%:*}" -p "${redis_host_port##*:}" ping >/dev/null 2>&1; then
  echo "WARNING: Redis does not answer at $redis_host_port (CACHE_URL=$CACHE_URL)" >&2
fi

# --- 6. the environment file (written once) ---------------------------------------------------
step "environment file $ENV_FILE"
if [ ! -f "$ENV_FILE" ]; then
  SECRET_KEY=$("$PYTHON" -c "import secrets; print(secrets.token_urlsafe(50))")
  sed -e "s|@SECRET_KEY@|$SECRET_KEY|g" -e "s|@DB_PASSWORD@|$(sed_escape "$DB_PASSWORD")|g" \
    "$APP_DIR/deploy/thidua.env.template" > "$CONF_DIR/.thidua.env.partial"
  render "$CONF_DIR/.thidua.env.partial" "$ENV_FILE" 0640
  rm -f "$CONF_DIR/.thidua.env.partial"
  chgrp "$APP_GROUP" "$ENV_FILE"
  echo "written (edit it for e-mail and the organisation's name)"
else
  for name in $(grep -oE '^[A-Z_]+=' "$APP_DIR/deploy/thidua.env.template" | tr -d =); do
    grep -qE "^$name=" "$ENV_FILE" || echo "NOTE: $ENV_FILE has no $name (see deploy/thidua.env.template)"
  done
  echo "kept"
fi

# --- 7. database schema, static files, translations -------------------------------------------
as_app() {  # run a manage.py command as the system user, with the environment file
  local env_args=()
  while IFS= read -r line; do
    [[ "$line" =~ ^[A-Z_][A-Z0-9_]*= ]] || continue
    local value=${line#*=}
    value=${value#\"}; value=${value%\"}
    env_args+=("${line%%=*}=$value")
  done < "$ENV_FILE"
  ( cd "$APP_DIR" && setpriv --reuid "$APP_USER" --regid "$APP_GROUP" --init-groups \
      env -i PATH=/usr/bin:/bin HOME="$STATE_DIR" LANG=C.UTF-8 "${env_args[@]}" \
      "$VENV/bin/python" manage.py "$@" )
}
step "compilemessages"
( cd "$APP_DIR" && "$VENV/bin/python" manage.py compilemessages --ignore=.venv --verbosity 0 \
  && "$VENV/bin/python" -m compileall -q -x '/(bench|node_modules)/' . )
step "migrate, createcachetable"
as_app migrate --noinput --verbosity 1
as_app createcachetable
step "collectstatic"
# collectstatic compresses every file (gzip and brotli: a minute or two): skipped when neither
# the app's static files nor the locked packages changed since the last run
static_sum=$( { echo "$lock_sum"; cd "$APP_DIR" && find . -path '*/static/*' -type f -printf '%P %s %T@\n' | sort; } \
             | sha256sum | cut -d' ' -f1)
if [ -f "$STATE_DIR/static/staticfiles.json" ] && [ "$(cat "$STATE_DIR/static/.collected.sha256" 2>/dev/null)" = "$static_sum" ]; then
  echo "static files unchanged"
else
  as_app collectstatic --noinput --clear --verbosity 0
  echo "$static_sum" > "$STATE_DIR/static/.collected.sha256"
fi
step "check --deploy"
as_app check --deploy --fail-level WARNING

# an upgrade keeps the upload limit the environment file says, and nginx's stays above it
if grep -qE '^MAX_UPLOAD_MB=[0-9]+$' "$ENV_FILE"; then
  MAX_UPLOAD_MB=$(sed -n 's/^MAX_UPLOAD_MB=//p' "$ENV_FILE")
  REQUEST_MAX_MB=$(sed -n 's/^REQUEST_MAX_MB=\([0-9]*\)$/\1/p' "$ENV_FILE")
  REQUEST_MAX_MB=${REQUEST_MAX_MB:-$(( MAX_UPLOAD_MB + 1 ))}
  CLIENT_MAX_BODY_MB=$(( REQUEST_MAX_MB + 4 ))
fi

# --- 8. systemd units, nginx site, logrotate --------------------------------------------------
step "systemd units, nginx site, logrotate"
for unit in thidua-web.service thidua-worker.service thidua-backup.service thidua-backup.timer; do
  render "$APP_DIR/deploy/systemd/$unit" "$UNIT_DIR/$unit" 0644
done
render "$APP_DIR/deploy/nginx/thidua.conf" "$NGINX_DIR/sites-available/thidua" 0644
ln -sfn ../sites-available/thidua "$NGINX_DIR/sites-enabled/thidua"
for page in "$APP_DIR"/deploy/nginx/errors/*.html; do
  render "$page" "$ERRORS_DIR/$(basename "$page")" 0644
done
render "$APP_DIR/deploy/logrotate/thidua" "$LOGROTATE_DIR/thidua" 0644
# `sudo thidua-manage <command>`: manage.py as the system user, with the environment file
render "$APP_DIR/deploy/thidua-manage" "$PREFIX/usr/local/bin/thidua-manage" 0755

# --- 9. services ---------------------------------------------------------------------------------
if [ "$SYSTEMCTL" = yes ]; then
  step "services"
  [ -z "$PREFIX" ] && rm -f /etc/nginx/sites-enabled/default
  systemctl daemon-reload
  systemctl enable thidua-web.service thidua-worker.service thidua-backup.timer >/dev/null
  # the web app: a restart takes a second or two (nginx answers its Vietnamese 502 page meanwhile);
  # the worker: SIGTERM lets it finish its current task, queued tasks stay in the database
  systemctl restart thidua-web.service thidua-worker.service
  systemctl start thidua-backup.timer
  nginx -t -q && systemctl reload-or-restart nginx
  systemctl --no-pager --lines=0 status thidua-web.service thidua-worker.service | grep -E "●|Active:"
else
  step "services: SYSTEMCTL=no, not started (units in $UNIT_DIR)"
fi

cat <<EOF

thidua đã được cài đặt / thidua is installed:  https://$SERVER_NAME$HTTPS_PORT_SUFFIX/
  environment file: $ENV_FILE
  logs:             $LOG_DIR
  backups:          $BACKUP_DIR (nightly, thidua-backup.timer)
First install? Create the first administrator and load your units: docs/install.md.
EOF
