"""The run's settings (ports, names, the scratch PREFIX), its log and its list of passed checks."""

import os
import subprocess
import tempfile
import time
from pathlib import Path

__all__ = [
    "APP_DIR",
    "APP_PORT",
    "APP_USER",
    "CACHE_KEY_PREFIX",
    "CERT",
    "DB_NAME",
    "DB_USER",
    "ENV_FILE",
    "HOST",
    "HTTPS_PORT",
    "HTTP_PORT",
    "KEEP",
    "KEY",
    "LOG_DIR",
    "NGINX_CONF",
    "NGINX_PID",
    "ORIGIN",
    "PASSWORD",
    "PREFIX",
    "PSQL",
    "REDIS_DB",
    "REPO",
    "RUN",
    "START",
    "UNIT_DIR",
    "UNIT_FILES",
    "VENV",
    "check",
    "log",
    "passed",
    "processes",
    "run",
]

START = time.monotonic()
REPO = Path(__file__).resolve().parents[2]
HTTPS_PORT = int(os.environ.get("THIDUA_TEST_HTTPS_PORT", "8443"))
HTTP_PORT = int(os.environ.get("THIDUA_TEST_HTTP_PORT", "8480"))
APP_PORT = int(os.environ.get("THIDUA_TEST_APP_PORT", "8109"))
REDIS_DB = os.environ.get("THIDUA_TEST_REDIS_DB", "9")
KEEP = os.environ.get("THIDUA_TEST_KEEP") == "1"
RUN = f"t{os.getpid()}"
DB_NAME = DB_USER = f"thidua_deploy_{RUN}"
APP_USER = f"thidua_{RUN}"
CACHE_KEY_PREFIX = f"thidua-deploytest-{RUN}"
PSQL = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-v", "ON_ERROR_STOP=1", "-qtA"]
HOST = "localhost"
ORIGIN = f"https://{HOST}:{HTTPS_PORT}"
PASSWORD = "demo12345"  # the demo's password (accounts/demo.py)
UNIT_FILES = ["thidua-web.service", "thidua-worker.service", "thidua-backup.service", "thidua-backup.timer"]

PREFIX = Path(tempfile.mkdtemp(prefix="thidua-deploy-test-"))
APP_DIR = PREFIX / "opt/thidua/app"
VENV = PREFIX / "opt/thidua/venv"
ENV_FILE = PREFIX / "etc/thidua/thidua.env"
UNIT_DIR = PREFIX / "etc/systemd/system"
LOG_DIR = PREFIX / "var/log/thidua"
CERT = PREFIX / "tls/cert.pem"
KEY = PREFIX / "tls/key.pem"
NGINX_CONF = PREFIX / "nginx.conf"
NGINX_PID = PREFIX / "run/nginx.pid"

processes: dict[str, subprocess.Popen] = {}
passed: list[str] = []


def log(message: str) -> None:
    print(f"[{time.monotonic() - START:6.1f}s] {message}", flush=True)


def check(name: str, condition: bool, detail: object = "") -> None:
    if not condition:
        raise AssertionError(f"{name}: {detail}")
    passed.append(name)
    log(f"ok - {name}")


def run(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    kwargs.setdefault("check", True)
    kwargs.setdefault("text", True)
    return subprocess.run(command, **kwargs)
