"""The scratch install: services, certificate, install.sh, the units, nginx; torn down at the end."""

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from deploy.check_install.common import (
    APP_PORT,
    APP_USER,
    CACHE_KEY_PREFIX,
    CERT,
    DB_NAME,
    DB_USER,
    HOST,
    HTTP_PORT,
    HTTPS_PORT,
    KEEP,
    KEY,
    LOG_DIR,
    NGINX_CONF,
    NGINX_PID,
    PREFIX,
    PSQL,
    REDIS_DB,
    REPO,
    UNIT_DIR,
    UNIT_FILES,
    VENV,
    check,
    log,
    processes,
    run,
)
from deploy.check_install.units import stop_unit, wait_for_port

__all__ = [
    "ensure_services",
    "install",
    "make_certificate",
    "show_logs",
    "start_nginx",
    "teardown",
    "verify_units",
]


def ensure_services() -> None:
    if run(["pg_isready", "-h", "127.0.0.1", "-p", "5432", "-q"], check=False).returncode != 0:
        version = sorted(os.listdir("/etc/postgresql"))[-1]
        run(["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start"])
    if run(["redis-cli", "-h", "127.0.0.1", "ping"], check=False, capture_output=True).returncode != 0:
        run(
            [
                "redis-server",
                "--daemonize",
                "yes",
                "--bind",
                "127.0.0.1",
                "-::1",
                "--port",
                "6379",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                "/var/lib/redis",
                "--logfile",
                "/var/log/redis/ci.log",
            ]
        )
    for _ in range(30):
        if run(["redis-cli", "-h", "127.0.0.1", "ping"], check=False, capture_output=True).returncode == 0:
            return
        time.sleep(1)


def make_certificate() -> None:
    CERT.parent.mkdir(parents=True)
    run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            f"/CN={HOST}",
            "-addext",
            f"subjectAltName=DNS:{HOST},IP:127.0.0.1",
            "-keyout",
            str(KEY),
            "-out",
            str(CERT),
        ],
        capture_output=True,
    )
    os.chmod(KEY, 0o600)


def install(first: bool) -> None:
    env = {
        **os.environ,
        "PREFIX": str(PREFIX),
        "SYSTEMCTL": "no",
        "SERVER_NAME": HOST,
        "APP_USER": APP_USER,
        "DB_NAME": DB_NAME,
        "DB_USER": DB_USER,
        "APP_PORT": str(APP_PORT),
        "HTTP_PORT": str(HTTP_PORT),
        "HTTPS_PORT": str(HTTPS_PORT),
        "WORKERS": "2",
        "TLS_CERT": str(CERT),
        "TLS_KEY": str(KEY),
        "CACHE_URL": f"redis://127.0.0.1:6379/{REDIS_DB}",
        "CACHE_KEY_PREFIX": CACHE_KEY_PREFIX,
        "PSQL": " ".join(PSQL[:-1]),
    }
    if not first:
        env["SKIP_APT"] = "1"
    log(f"deploy/install.sh ({'first install' if first else 'again: an upgrade'}) into {PREFIX}")
    result = subprocess.run(
        ["bash", str(REPO / "deploy/install.sh")], env=env, text=True, capture_output=True
    )
    for line in result.stdout.splitlines():
        if line.startswith("== "):
            log("  install.sh " + line)
    if result.returncode != 0:
        raise AssertionError(f"install.sh failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")


def verify_units() -> None:
    analyze = shutil.which("systemd-analyze")
    if not analyze:
        log("SKIP systemd-analyze verify: systemd-analyze is not installed on this machine")
        return

    def verify(directory: Path) -> list[str]:
        result = run(
            [analyze, "verify", "--man=no", *[str(directory / name) for name in UNIT_FILES]],
            check=False,
            capture_output=True,
        )
        # the units order themselves after PostgreSQL and Redis: on a machine without those
        # units installed, that is the only complaint allowed
        lines = [
            line
            for line in (result.stdout + result.stderr).splitlines()
            if line.strip()
            and not re.search(r"(postgresql|redis-server)\.service.*(not found|No such file)", line)
        ]
        return lines + ([f"exit status {result.returncode}"] if result.returncode and lines else [])

    problems = verify(UNIT_DIR)
    check("systemd-analyze verify finds nothing wrong in the units", not problems, "\n".join(problems))
    # and it would: the same units with a wrong option and a missing program are refused
    broken = PREFIX / "broken-units"
    shutil.copytree(UNIT_DIR, broken)
    worker = broken / "thidua-worker.service"
    worker.write_text(
        worker.read_text()
        .replace("Restart=always", "Restart=sometimes")
        .replace(str(VENV), "/nonexistent-venv")
    )
    check("systemd-analyze verify refuses a broken unit", len(verify(broken)) >= 2, verify(broken))


def start_nginx() -> None:
    temp = PREFIX / "run/nginx"
    temp.mkdir(parents=True)
    shutil.chown(temp, "www-data", "www-data")
    # Debian's /etc/nginx/nginx.conf in miniature: the http block includes sites-enabled/*
    NGINX_CONF.write_text(f"""user www-data;
worker_processes 1;
pid {NGINX_PID};
error_log {PREFIX}/var/log/nginx-error.log warn;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    access_log {PREFIX}/var/log/nginx-access.log;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    include {PREFIX}/etc/nginx/sites-enabled/*;
}}
""")
    result = run(["nginx", "-t", "-c", str(NGINX_CONF)], check=False, capture_output=True)
    check("nginx -t accepts the site", result.returncode == 0, result.stderr)
    run(["nginx", "-c", str(NGINX_CONF)])
    wait_for_port(HTTPS_PORT, 20)


def teardown() -> None:
    for process in processes.values():  # SIGTERM to every unit at once, then wait for each
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    for name in list(processes):
        stop_unit(name, timeout=30, signalled=True)
    log("stopped the units")
    if NGINX_PID.exists():
        run(["nginx", "-c", str(NGINX_CONF), "-s", "quit"], check=False, capture_output=True)
        for _ in range(50):
            if not NGINX_PID.exists():
                break
            time.sleep(0.1)
    if KEEP:
        log(f"THIDUA_TEST_KEEP=1: kept {PREFIX}, database {DB_NAME}, user {APP_USER}")
        return
    run([*PSQL, "-c", f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)'], check=False, capture_output=True)
    run([*PSQL, "-c", f'DROP ROLE IF EXISTS "{DB_USER}"'], check=False, capture_output=True)
    keys = run(
        ["redis-cli", "-n", REDIS_DB, "--scan", "--pattern", f"{CACHE_KEY_PREFIX}:*"],
        check=False,
        capture_output=True,
    ).stdout.split()
    for start in range(0, len(keys), 500):
        run(
            ["redis-cli", "-n", REDIS_DB, "DEL", *keys[start : start + 500]], check=False, capture_output=True
        )
    run(["userdel", APP_USER], check=False, capture_output=True)
    run(["groupdel", APP_USER], check=False, capture_output=True)
    shutil.rmtree(PREFIX, ignore_errors=True)
    log(
        f"torn down: processes, nginx, database {DB_NAME}, role, {len(keys)} Redis keys, user {APP_USER}, {PREFIX}"
    )


def show_logs() -> None:
    for path in [LOG_DIR / "web.log", LOG_DIR / "worker.log", PREFIX / "var/log/nginx-error.log"]:
        if path.exists():
            print(f"---- last lines of {path}", file=sys.stderr)
            print("\n".join(path.read_text(errors="replace").splitlines()[-25:]), file=sys.stderr)
