#!/usr/bin/env bash
# The production install, tested: deploy/install.sh into a scratch directory, its systemd units'
# commands started as systemd would, nginx with a self-signed certificate in front, PostgreSQL and
# Redis; then checks over HTTPS as a user would; then everything is torn down. Run as root, from
# .ci/run or alone:  bash deploy/test-install.sh   (ports: THIDUA_TEST_HTTPS_PORT=8443,
# THIDUA_TEST_HTTP_PORT=8480, THIDUA_TEST_APP_PORT=8109; THIDUA_TEST_KEEP=1 keeps the install).
set -euo pipefail
cd "$(dirname "$0")/.."
exec /usr/bin/python3 -u -m deploy.check_install "$@"
