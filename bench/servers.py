"""Production-like app servers for the HTTP steps: gunicorn, 2 workers, THIDUA_ENV=production,
DEBUG off, the bench URLconf (the app plus the ceiling view), static files by WhiteNoise."""

from __future__ import annotations

import http.client
import os
import signal
import subprocess
import time
from pathlib import Path

from bench.common import ROOT, WORK, app_env, log


def collect_static() -> None:
    """Production settings serve static files through WhiteNoise's manifest: a static file added
    since the last collectstatic makes every page that links it answer 500. Collect again when
    any static file is newer than the manifest."""
    manifest = ROOT / "static_root" / "staticfiles.json"
    if manifest.exists():
        stamp = manifest.stat().st_mtime
        newer = any(
            path.stat().st_mtime > stamp
            for path in ROOT.glob("*/static/**/*")
            if path.is_file() and ".venv" not in path.parts
        )
        if not newer:
            return
    env = app_env("sqlite:///unused.db")
    subprocess.run(
        [
            str(ROOT / ".venv" / "bin" / "python"),
            "manage.py",
            "collectstatic",
            "--noinput",
            "--verbosity",
            "0",
        ],
        cwd=ROOT,
        env=env,
        check=True,
    )


class Server:
    def __init__(
        self,
        database_url: str,
        port: int,
        *,
        workers: int = 2,
        media_root: Path | None = None,
        name: str = "app",
        threads: int = 1,
    ):
        self.database_url = database_url
        self.port = port
        self.workers = workers
        self.threads = threads
        self.media_root = media_root or (WORK / "media")
        self.name = name
        self.process: subprocess.Popen | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Server:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def start(self) -> None:
        collect_static()
        self.media_root.mkdir(parents=True, exist_ok=True)
        env = app_env(self.database_url, MEDIA_ROOT=self.media_root)
        log_file = open(WORK / f"gunicorn-{self.name}-{self.port}.log", "a")
        command = [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "thidua.wsgi:application",
            "--workers",
            str(self.workers),
            "--bind",
            f"127.0.0.1:{self.port}",
            "--timeout",
            "120",
            "--graceful-timeout",
            "5",
            "--keep-alive",
            "5",
        ]
        if self.threads > 1:
            command += ["--threads", str(self.threads)]
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.process.returncode}: see {log_file.name}")
            try:
                status, _, _ = request(self.port, "GET", "/healthz")
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError("gunicorn did not answer /healthz within 60 s")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.process = None

    def pids(self) -> list[int]:
        """The master and its workers."""
        if not self.process:
            return []
        master = self.process.pid
        children = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            if ppid == master:
                children.append(int(entry.name))
        return [master, *sorted(children)]

    def rss_mb(self) -> dict[int, float]:
        sizes = {}
        for pid in self.pids():
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        sizes[pid] = int(line.split()[1]) / 1024
            except OSError:
                continue
        return sizes


def request(
    port: int,
    method: str,
    path: str,
    *,
    headers: dict | None = None,
    body: bytes | None = None,
    timeout: float = 30,
) -> tuple[int, dict, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        data = response.read()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, data
    finally:
        connection.close()


def set_cookies(headers: dict) -> dict[str, str]:
    """Cookies set by a response (http.client joins several Set-Cookie headers with ', ')."""
    cookies = {}
    raw = headers.get("set-cookie", "")
    for part in raw.split(", "):
        first = part.split(";", 1)[0]
        if "=" in first and not first.strip().lower().startswith(("expires", "max-age", "path")):
            key, value = first.split("=", 1)
            cookies[key.strip()] = value.strip()
    return cookies


def login(port: int, username: str, password: str) -> dict[str, str]:
    """Log in through the login form like a browser (CSRF cookie and token); returns the cookies."""
    import re

    status, headers, body = request(port, "GET", "/tai-khoan/dang-nhap/")
    if status != 200:
        raise RuntimeError(f"login page answered {status}")
    cookies = set_cookies(headers)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
    from urllib.parse import urlencode

    form = urlencode({"username": username, "password": password, "csrfmiddlewaretoken": token}).encode()
    status, headers, body = request(
        port,
        "POST",
        "/tai-khoan/dang-nhap/",
        body=form,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()),
        },
    )
    if status != 302:
        raise RuntimeError(f"login answered {status}, not a redirect")
    cookies.update(set_cookies(headers))
    if "sessionid" not in cookies:
        raise RuntimeError("login set no session cookie")
    return cookies


def cookie_header(cookies: dict[str, str]) -> str:
    return "; ".join(f"{k}={v}" for k, v in cookies.items())


def log_tail(server: Server, lines: int = 20) -> str:
    path = WORK / f"gunicorn-{server.name}-{server.port}.log"
    try:
        return "\n".join(path.read_text().splitlines()[-lines:])
    except OSError:
        return ""


__all__ = ["Server", "cookie_header", "log", "log_tail", "login", "request", "set_cookies"]
