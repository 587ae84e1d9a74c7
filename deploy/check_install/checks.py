"""The checks over HTTPS and on the machine, as a user and an operator would see them."""

import json
import re
import shutil
import subprocess
import time
import urllib.parse
import uuid

from deploy.check_install.browser import Browser, Response, app_answered, logged_in
from deploy.check_install.common import (
    APP_DIR,
    APP_USER,
    ENV_FILE,
    LOG_DIR,
    ORIGIN,
    PASSWORD,
    PREFIX,
    RUN,
    VENV,
    check,
    log,
    run,
)
from deploy.check_install.units import (
    as_app,
    read_environment_file,
    read_unit,
    start_unit,
    stop_unit,
    unit_command,
)

__all__ = [
    "check_backup_unit",
    "check_body_limits",
    "check_deploy_checks",
    "check_import_through_the_worker",
    "check_logrotate",
    "check_media_goes_to_the_app",
    "check_redirect_and_headers",
    "check_roles",
    "check_static",
    "check_throttle_sees_the_client",
    "check_upload_download",
]


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
