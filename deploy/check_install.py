#!/usr/bin/env python3
"""Install thidua from scratch with deploy/install.sh and check it over HTTPS, as a user would.

Run as root by deploy/test-install.sh (from .ci/run, or alone). The machine needs no systemd:
the install goes into a scratch directory (PREFIX) with its own ports, database, system user and
Redis key prefix; each systemd unit's ExecStart is started here as systemd would (the same
command line, User/Group, EnvironmentFile, WorkingDirectory and log file), Debian's nginx with
a self-signed certificate in front. Everything is torn down at the end, pass or fail.

Environment: THIDUA_TEST_HTTPS_PORT (8443), THIDUA_TEST_HTTP_PORT (8480), THIDUA_TEST_APP_PORT
(8109), THIDUA_TEST_REDIS_DB (9), THIDUA_TEST_KEEP=1 keeps the scratch install for a look.
Standard library only: it runs before the app's virtualenv exists.
"""

import grp
import http.client
import json
import os
import pwd
import re
import shlex
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.parse
import uuid
from pathlib import Path

START = time.monotonic()
REPO = Path(__file__).resolve().parent.parent
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


# --- systemd units, started as systemd would -------------------------------------------------


def read_unit(name: str) -> dict[str, list[str]]:
    """The [Service] (or [Timer]) keys of a rendered unit: key -> values in order."""
    keys: dict[str, list[str]] = {}
    for line in (UNIT_DIR / name).read_text().splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ";", "[")):
            continue
        key, _, value = line.partition("=")
        keys.setdefault(key.strip(), []).append(value.strip())
    return keys


def systemd_unescape(value: str) -> str:
    """What systemd does to an ExecStart before splitting it: %% -> %, $$ -> $ (no other
    specifier or variable is used in our units, which is checked)."""
    if re.search(r"%[^%]", value.replace("%%", "")) or re.search(r"\$[^$]", value.replace("$$", "")):
        raise AssertionError(f"unexpected specifier or variable in {value!r}")
    return value.replace("%%", "%").replace("$$", "$")


def read_environment_file(path: Path) -> dict[str, str]:
    env = {}
    for line in path.read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key, _, value = line.partition("=")
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        env[key.strip()] = value
    return env


def unit_command(name: str) -> tuple[list[str], dict, dict]:
    unit = read_unit(name)
    (exec_start,) = unit["ExecStart"]
    argv = shlex.split(systemd_unescape(exec_start))
    user = pwd.getpwnam(unit["User"][0])
    group = grp.getgrnam(unit["Group"][0])
    env = {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "HOME": user.pw_dir,
        "USER": user.pw_name,
        "LOGNAME": user.pw_name,
    }
    for env_file in unit.get("EnvironmentFile", []):
        env.update(read_environment_file(Path(env_file.lstrip("-"))))
    output = unit.get("StandardOutput", [""])[0]
    popen = dict(
        cwd=unit["WorkingDirectory"][0],
        env=env,
        start_new_session=True,
        user=user.pw_uid,
        group=group.gr_gid,
        extra_groups=[],
        umask=0o022,
    )
    return argv, popen, {"output": output.removeprefix("append:")}


def start_unit(name: str) -> subprocess.Popen:
    argv, popen, extra = unit_command(name)
    out = open(extra["output"], "ab") if extra["output"] else subprocess.DEVNULL
    process = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT, **popen)
    processes[name] = process
    log(f"started {name} (pid {process.pid}): {' '.join(argv)[:140]}")
    return process


def stop_unit(name: str, timeout: float = 60, signalled: bool = False) -> None:
    """KillMode=mixed: SIGTERM to the main process, then SIGKILL to the group after the timeout."""
    process = processes.pop(name, None)
    if process is None or process.poll() is not None:
        return
    if not signalled:
        process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def wait_for_port(port: int, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"nothing listens on port {port} after {seconds} s")


def as_app(*args: str, check_rc: bool = True) -> subprocess.CompletedProcess:
    """manage.py as the system user, with the environment file, as the units run it."""
    _argv, popen, _extra = unit_command("thidua-web.service")
    return run(
        [str(VENV / "bin/python"), "manage.py", *args],
        capture_output=True,
        check=check_rc,
        cwd=popen["cwd"],
        env=popen["env"],
        user=popen["user"],
        group=popen["group"],
        extra_groups=[],
    )


# --- a small browser: TLS checked against our certificate, cookies, CSRF, forms ---------------


class Response:
    def __init__(self, status, headers, body, url):
        self.status, self.headers, self.body, self.url = status, headers, body, url

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")

    def header(self, name: str) -> str:
        return self.headers.get(name) or ""


class Browser:
    def __init__(self, source: str = "127.0.0.1"):
        self.source = source
        self.cookies: dict[str, str] = {}
        self.cookie_attributes: dict[str, str] = {}
        self.csrf = ""
        self.tls = ssl.create_default_context(cafile=str(CERT))

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict | None = None,
        https: bool = True,
    ) -> Response:
        if https:
            connection = http.client.HTTPSConnection(
                "127.0.0.1", HTTPS_PORT, context=self.tls, timeout=180, source_address=(self.source, 0)
            )
            host = f"{HOST}:{HTTPS_PORT}"
        else:
            connection = http.client.HTTPConnection(
                "127.0.0.1", HTTP_PORT, timeout=60, source_address=(self.source, 0)
            )
            host = f"{HOST}:{HTTP_PORT}"
        all_headers = {
            "Host": host,
            "User-Agent": "thidua-deploy-test",
            "Accept-Language": "vi",
            "Accept": "text/html,*/*",
        }
        if self.cookies:
            all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        all_headers.update(headers or {})
        try:
            connection.request(method, path, body=body, headers=all_headers)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server answered (413) before the whole body was sent: read its answer
        response = connection.getresponse()
        data = response.read()
        connection.close()
        for raw in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = raw.partition("=")
            value = rest.split(";", 1)[0]
            self.cookie_attributes[name] = raw
            if name == "csrftoken":
                self.csrf = ""  # rotated (at login): the next form carries the new token
            if value in ("", '""') or "max-age=0" in raw.lower():
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        result = Response(response.status, response.headers, data, path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', result.text)
        if token:
            self.csrf = token.group(1)
        return result

    def get(self, path: str, follow: bool = True) -> Response:
        response = self.request("GET", path)
        for _ in range(5):
            if not follow or response.status not in (301, 302, 303):
                break
            location = urllib.parse.urlsplit(response.header("Location"))
            check_location = location.netloc in ("", f"{HOST}:{HTTPS_PORT}")
            if not check_location:
                raise AssertionError(f"redirect off the site: {response.header('Location')}")
            response = self.request("GET", location.path + (f"?{location.query}" if location.query else ""))
        return response

    def post(
        self, path: str, fields: dict, files: dict | None = None, referer: str | None = None
    ) -> Response:
        if not self.csrf:
            self.get(referer or path)  # as a browser: the form's page first, with its token
        fields = {"csrfmiddlewaretoken": self.csrf, **fields}
        headers = {"Referer": ORIGIN + (referer or path), "Origin": ORIGIN}
        if files:
            boundary = uuid.uuid4().hex
            parts = []
            for name, value in fields.items():
                parts.append(
                    f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
                )
            for name, (filename, content, content_type) in files.items():
                parts.append(
                    f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                    f"Content-Type: {content_type}\r\n\r\n".encode()
                    + content
                    + b"\r\n"
                )
            body = b"".join(parts) + f"--{boundary}--\r\n".encode()
            headers["Content-Type"] = f"multipart/form-data; boundary={boundary}"
        else:
            body = urllib.parse.urlencode(fields).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        return self.request("POST", path, body=body, headers=headers)

    def log_in(self, username: str, password: str = PASSWORD) -> Response:
        self.get("/tai-khoan/dang-nhap/")
        return self.post("/tai-khoan/dang-nhap/", {"username": username, "password": password})


def logged_in(response: Response) -> bool:
    """A successful login redirects away from the login page (a refused one shows the form again
    or answers 4xx)."""
    return response.status in (302, 303) and "/dang-nhap/" not in response.header("Location")


def app_answered(response: Response) -> bool:
    """Django answered (nginx never adds the app's Content-Security-Policy)."""
    return "frame-ancestors 'none'" in response.header("Content-Security-Policy")


# --- the steps ---------------------------------------------------------------------------------


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


def make_workbook(unit_code: str, code: str, name: str) -> bytes:
    script = (
        "import io, sys; from openpyxl import Workbook; wb = Workbook(); s = wb.active; "
        "s.append(['Mã đoàn viên', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Mã đơn vị']); "
        f"s.append([{code!r}, {name!r}, 'Nữ', '01/02/1990', {unit_code!r}]); "
        "b = io.BytesIO(); wb.save(b); sys.stdout.buffer.write(b.getvalue())"
    )
    return subprocess.run([str(VENV / "bin/python"), "-c", script], capture_output=True, check=True).stdout


def check_redirect_and_headers() -> None:
    browser = Browser()
    plain = browser.request("GET", "/tai-khoan/dang-nhap/?next=/", https=False)
    check(
        "plain HTTP redirects to HTTPS",
        plain.status == 301 and plain.header("Location") == f"{ORIGIN}/tai-khoan/dang-nhap/?next=/",
        (plain.status, plain.headers),
    )
    page = browser.get("/tai-khoan/dang-nhap/")
    check(
        "the login page answers over HTTPS",
        page.status == 200 and 'name="password"' in page.text,
        page.status,
    )
    hsts = page.header("Strict-Transport-Security")
    max_age = int(re.search(r"max-age=(\d+)", hsts).group(1)) if "max-age" in hsts else 0
    check(
        "HSTS for at least a year, subdomains included",
        max_age >= 31536000 and "includeSubDomains" in hsts,
        hsts,
    )
    check(
        "security headers",
        page.header("X-Content-Type-Options") == "nosniff"
        and page.header("X-Frame-Options") == "DENY"
        and "default-src 'self'" in page.header("Content-Security-Policy")
        and page.header("Referrer-Policy") == "same-origin",
        dict(page.headers),
    )
    check(
        "nginx does not tell its version",
        re.fullmatch(r"nginx", page.header("Server") or "nginx") is not None,
        page.header("Server"),
    )
    csrf = browser.cookie_attributes.get("csrftoken", "")
    check("the CSRF cookie is Secure", "; secure" in csrf.lower(), csrf)


def check_static(pages: list[Response], browser: Browser) -> None:
    manifest = json.loads((PREFIX / "var/lib/thidua/static/staticfiles.json").read_text())["paths"]
    urls = set()
    for page in pages:
        urls.update(re.findall(r'(?:href|src)="(/static/[^"?#]+)', page.text))
    check("pages link their static files", len(urls) >= 3, urls)
    for url in sorted(urls):
        response = browser.request("GET", url, headers={"Accept-Encoding": "gzip, br"})
        check(
            f"{url} is served with a hashed name and a long cache",
            response.status == 200
            and re.search(r"\.[0-9a-f]{12}\.\w+$", url) is not None
            and "max-age=315360000" in response.header("Cache-Control"),
            (response.status, dict(response.headers)),
        )
    css = next(url for url in urls if url.endswith(".css"))
    compressed = browser.request("GET", css, headers={"Accept-Encoding": "gzip, br"})
    check(
        "static files are sent compressed",
        compressed.header("Content-Encoding") in ("br", "gzip"),
        dict(compressed.headers),
    )
    # every {% static %} of every template is in the manifest (pages not opened here included)
    missing = []
    for template in APP_DIR.glob("*/templates/**/*.html"):
        for name in re.findall(r"""{%\s*static\s+["']([^"']+)["']""", template.read_text()):
            if name not in manifest:
                missing.append(f"{template.relative_to(APP_DIR)}: {name}")
    check("every static file the templates name is in the manifest", not missing, missing)
    # ... and a name missing from it fails loudly instead of being served unhashed
    probe = as_app(
        "shell",
        "-c",
        "from django.templatetags.static import static; static('core/thidua-no-such-file.css')",
        check_rc=False,
    )
    check(
        "a static file missing from the manifest is an error, not a silent link",
        probe.returncode != 0 and "Missing staticfiles manifest entry" in probe.stderr,
        probe.stderr[-500:],
    )


def check_roles() -> list[Response]:
    pages = []
    for username in ["admin", "canbo.hoaan", "canbo.cdcs", "hoidong1", "bientap", "xem"]:
        browser = Browser()
        response = browser.log_in(username)
        check(
            f"{username} logs in (with the CSRF token, as a browser)",
            logged_in(response),
            (response.status, response.header("Location"), response.text[:300]),
        )
        session = browser.cookie_attributes.get("sessionid", "")
        check(
            f"{username}'s session cookie is Secure and HttpOnly",
            "; secure" in session.lower() and "; httponly" in session.lower(),
            session,
        )
        home = browser.get(response.header("Location"))
        check(f"{username}'s first page", home.status == 200, home.status)
        pages.append(home)
        nav = re.search(r'<nav class="sidebar".*?</nav>', home.text, re.S)
        links = sorted(set(re.findall(r'href="(/[^"]*)"', nav.group(0)))) if nav else []
        check(f"{username} has a navigation menu", len(links) >= 3, links)
        for link in links:
            page = browser.get(link)
            check(f"{username} opens {link}", page.status == 200, (page.status, page.text[:300]))
            pages.append(page)
        logout = browser.post("/tai-khoan/dang-xuat/", {})
        check(
            f"{username} logs out",
            logout.status in (302, 303) and "sessionid" not in browser.cookies,
            (logout.status, browser.cookies),
        )
    return pages


def check_upload_download(admin: Browser) -> None:
    registry = admin.get("/van-ban/")
    ids = list(dict.fromkeys(re.findall(r'href="/van-ban/(\d+)/"', registry.text)))
    check("the registry lists documents", ids, registry.text[:300])
    marker = uuid.uuid4().hex.encode()
    content = b"%PDF-1.4\n% thidua deploy test " + marker + b"\n%%EOF\n"
    for document_id in ids[:10]:
        detail = admin.get(f"/van-ban/{document_id}/")
        if f"/van-ban/{document_id}/dinh-kem/" not in detail.text:
            continue
        admin.post(
            f"/van-ban/{document_id}/dinh-kem/",
            {},
            files={"file": ("kiem-thu.pdf", content, "application/pdf")},
            referer=f"/van-ban/{document_id}/",
        )
        detail = admin.get(f"/van-ban/{document_id}/")
        links = re.findall(r'href="(/van-ban/dinh-kem/\d+/)"', detail.text)
        downloads = [admin.get(link) for link in links]
        ours = [d for d in downloads if d.body == content]
        check("a file uploaded through nginx downloads byte for byte", ours, [d.status for d in downloads])
        stranger = Browser().get(links[-1], follow=False)
        check(
            "... and not without a login",
            stranger.status in (302, 403, 404) and marker not in stranger.body,
            stranger.status,
        )
        return
    raise AssertionError("no document the administrator may attach a file to")


def check_media_goes_to_the_app(admin: Browser) -> None:
    media = PREFIX / "var/lib/thidua/media"
    secret = media / "khong-cong-khai" / "bi-mat.txt"
    secret.parent.mkdir(parents=True, exist_ok=True)
    secret.write_bytes(b"noi dung bi mat " + RUN.encode())
    shutil.chown(secret.parent, APP_USER, APP_USER)
    shutil.chown(secret, APP_USER, APP_USER)
    for path in ["/media/khong-cong-khai/bi-mat.txt", f"/media/{uuid.uuid4().hex}/anything.pdf", "/media/"]:
        response = Browser().get(path, follow=False)
        check(
            f"{path} is answered by the app, not from disk by nginx",
            app_answered(response) and response.status != 200 and RUN.encode() not in response.body,
            (response.status, dict(response.headers)),
        )
    signed_in = admin.get(f"/media/{uuid.uuid4().hex}/anything.pdf", follow=False)
    check("a signed-in /media/ request is answered by the app too", app_answered(signed_in), signed_in.status)


def officer_unit() -> tuple[str, str]:
    """The id and code of the grassroots union whose officer is canbo.cdcs (test set-up, not a check)."""
    out = as_app(
        "shell",
        "-c",
        "from accounts.models import User; u = User.objects.get(username='canbo.cdcs'); "
        "print(u.home_unit_id, u.home_unit.code)",
    ).stdout.split()
    return out[-2], out[-1]


def check_import_through_the_worker(officer: Browser) -> None:
    unit_id, unit_code = officer_unit()
    name = f"Hoàng Thị Triển Khai {RUN}"
    workbook = make_workbook(unit_code, f"DT-{RUN}", name)

    upload = officer.post(
        f"/to-chuc/don-vi/{unit_id}/nhap-doan-vien/",
        {},
        files={
            "file": (
                "doan-vien.xlsx",
                workbook,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
        },
    )
    check_url = upload.header("Location")
    check(
        "the upload goes to its batch's page, checked by the worker",
        upload.status == 302 and check_url,
        (upload.status, re.findall(r'class="error[^"]*"[^>]*>([^<]+)', upload.text)[:5]),
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        checked = officer.get(check_url)
        if 'hx-trigger="every 2s"' not in checked.text:
            break
        time.sleep(1)
    confirm = re.search(r'action="(/to-chuc/nhap-doan-vien/\d+/xac-nhan/)"', checked.text)
    check("the member file is checked by the worker and offered for import", confirm, checked.text[:800])

    log("the worker is stopped: the import waits in the database queue")
    stop_unit("thidua-worker.service")
    queued = officer.post(confirm.group(1), {}, referer=f"/to-chuc/don-vi/{unit_id}/nhap-doan-vien/")
    status_url = queued.header("Location")
    waiting = officer.get(status_url)
    time.sleep(3)
    waiting = officer.get(status_url)
    check(
        "with no worker running, the import stays queued",
        'hx-trigger="every 2s"' in waiting.text,
        waiting.text[:500],
    )
    start_unit("thidua-worker.service")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        status = officer.get(status_url)
        if 'hx-trigger="every 2s"' not in status.text:
            break
        time.sleep(1)
    check(
        "the restarted worker runs the queued import",
        "/to-chuc/doan-vien/?unit=" in status.text,
        status.text[:800],
    )
    members = officer.get(f"/to-chuc/doan-vien/?q={urllib.parse.quote(name)}")
    check("the imported member is listed", name in members.text, members.status)


def check_body_limits(officer: Browser) -> None:
    env = read_environment_file(ENV_FILE)
    request_max = int(env.get("REQUEST_MAX_MB") or int(env["MAX_UPLOAD_MB"]) + 1)
    nginx_max = int(
        re.search(
            r"client_max_body_size (\d+)m", (PREFIX / "etc/nginx/sites-available/thidua").read_text()
        ).group(1)
    )
    check("nginx accepts more than the app", nginx_max > request_max, (nginx_max, request_max))
    unit_id, _code = officer_unit()
    path = f"/to-chuc/don-vi/{unit_id}/nhap-doan-vien/"
    big = officer.post(
        path,
        {},
        files={"file": ("lon.xlsx", b"PK\x03\x04" + b"\0" * ((request_max + 1) << 20), "application/zip")},
    )
    check(
        "a body over the app's limit gets the app's Vietnamese 413",
        big.status == 413
        and app_answered(big)
        and "Tệp quá lớn" in big.text
        and f"{env['MAX_UPLOAD_MB']} MB" in big.text,
        (big.status, big.text[:300]),
    )
    huge = officer.post(
        path, {}, files={"file": ("rat-lon.xlsx", b"\0" * ((nginx_max + 1) << 20), "application/zip")}
    )
    check(
        "a body over nginx's limit gets nginx's Vietnamese 413 page",
        huge.status == 413 and "Tệp quá lớn" in huge.text and not app_answered(huge),
        (huge.status, huge.text[:300]),
    )


def check_throttle_sees_the_client() -> None:
    """Failures from one client address throttle that address, as nginx passes it on in
    X-Forwarded-For, not every client behind the proxy (gunicorn only ever sees 127.0.0.1)."""
    limit = int(read_environment_file(ENV_FILE).get("LOGIN_IP_FAILURE_LIMIT", "20"))
    attacker = Browser(source="127.0.0.2")
    for n in range(limit + 2):
        attacker.log_in(f"khong-co-{n}-{RUN}", "sai-mat-khau")
    spoofed = Browser(source="127.0.0.2")
    spoofed.get("/tai-khoan/dang-nhap/")
    response = spoofed.request(
        "POST",
        "/tai-khoan/dang-nhap/",
        body=urllib.parse.urlencode(
            {"csrfmiddlewaretoken": spoofed.csrf, "username": "xem", "password": PASSWORD}
        ).encode(),
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": ORIGIN + "/",
            "Origin": ORIGIN,
            "X-Forwarded-For": "203.0.113.50",
            "X-Real-IP": "203.0.113.50",
        },
    )
    check(
        "after too many failures, the address is throttled, even with a forged X-Forwarded-For",
        not logged_in(response),
        (response.status, response.header("Location")),
    )
    other = Browser(source="127.0.0.3").log_in("xem")
    check(
        "another client address behind the same proxy still logs in",
        logged_in(other),
        (other.status, other.header("Location")),
    )


def check_backup_unit() -> None:
    argv, popen, extra = unit_command("thidua-backup.service")
    with open(extra["output"], "ab") as out:
        result = subprocess.run(
            argv,
            stdout=out,
            stderr=subprocess.STDOUT,
            **{k: v for k, v in popen.items() if k != "start_new_session"},
        )
    archives = list((PREFIX / "var/backups/thidua").glob("thidua-*.tar.gz"))
    check(
        "the backup unit writes an archive",
        result.returncode == 0 and len(archives) == 1,
        (result.returncode, archives, (LOG_DIR / "backup.log").read_text()[-500:]),
    )
    timer = read_unit("thidua-backup.timer")
    check("the backup timer runs nightly", timer.get("OnCalendar") == ["*-*-* 02:15:00"], timer)


def check_logrotate() -> None:
    if not shutil.which("logrotate"):
        log("SKIP logrotate -d: logrotate is not installed")
        return
    state = PREFIX / "run/logrotate.state"
    result = run(
        ["logrotate", "-d", "-s", str(state), str(PREFIX / "etc/logrotate.d/thidua")],
        check=False,
        capture_output=True,
    )
    output = result.stdout + result.stderr
    check(
        "logrotate accepts the configuration and finds the logs",
        result.returncode == 0 and "error" not in output.lower() and "web.log" in output,
        output[-800:],
    )


def check_deploy_checks() -> None:
    result = as_app("check", "--deploy", "--fail-level", "WARNING", check_rc=False)
    check(
        "manage.py check --deploy is clean",
        result.returncode == 0 and "no issues" in result.stdout,
        result.stdout + result.stderr,
    )


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


def main() -> int:
    if os.geteuid() != 0:
        print(
            "deploy/test-install.sh runs as root (it creates a system user and starts nginx)", file=sys.stderr
        )
        return 2
    os.chmod(PREFIX, 0o755)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        ensure_services()
        make_certificate()
        install(first=True)
        verify_units()
        check_deploy_checks()
        # a demo province to log into (a real one starts with create_first_admin: docs/install.md)
        log("load_demo (a small province: units, users, documents) through sudo thidua-manage")
        demo = run(
            [
                str(PREFIX / "usr/local/bin/thidua-manage"),
                "load_demo",
                "--units",
                "8",
                "--members",
                "60",
                "--only",
                "organisations.demo",
                "accounts.demo",
                "documents.demo",
            ],
            capture_output=True,
            check=False,
        )
        check("thidua-manage load_demo", demo.returncode == 0, demo.stdout[-500:] + demo.stderr[-1500:])
        whoami = run(
            [
                str(PREFIX / "usr/local/bin/thidua-manage"),
                "shell",
                "-c",
                "import os; from django.conf import settings; print(os.getuid(), settings.MEDIA_ROOT)",
            ],
            capture_output=True,
        ).stdout.split()
        check(
            "thidua-manage runs manage.py as the system user, with the environment file",
            whoami[-2:] == [str(pwd.getpwnam(APP_USER).pw_uid), str(PREFIX / "var/lib/thidua/media")],
            whoami,
        )
        start_unit("thidua-web.service")
        start_unit("thidua-worker.service")
        wait_for_port(APP_PORT)
        start_nginx()
        check_redirect_and_headers()
        pages = check_roles()
        check_static(pages, Browser())
        admin = Browser()
        check("admin logs in again", logged_in(admin.log_in("admin")))
        check_upload_download(admin)
        check_media_goes_to_the_app(admin)
        officer = Browser()
        check("an officer logs in", logged_in(officer.log_in("canbo.cdcs")))
        check_import_through_the_worker(officer)
        check_body_limits(officer)
        check_throttle_sees_the_client()
        check_backup_unit()
        check_logrotate()
        # the same command again is an upgrade: nothing lost, the restarted app serves the same data
        install(first=False)
        stop_unit("thidua-web.service")
        start_unit("thidua-web.service")
        wait_for_port(APP_PORT)
        again = Browser()
        check(
            "after the upgrade and a restart, the officer logs in again",
            logged_in(again.log_in("canbo.cdcs")),
        )
        members = again.get(f"/to-chuc/doan-vien/?q={urllib.parse.quote('Triển Khai')}")
        check("... and the imported member is still there", f"Hoàng Thị Triển Khai {RUN}" in members.text)
    except BaseException as error:
        print(f"\nFAILED: {error}", file=sys.stderr)
        show_logs()
        teardown()
        log(f"deploy test FAILED after {len(passed)} checks, in {time.monotonic() - START:.0f} s")
        return 1
    teardown()
    log(f"deploy test passed: {len(passed)} checks in {time.monotonic() - START:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
