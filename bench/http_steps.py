"""The steps that load app servers over HTTP: pages against the ceiling, the two-server check,
the mixed soak, and the fresh dashboard at each size for the growth line."""

from __future__ import annotations

import json
import random
import re
import subprocess
import threading
import time
import uuid
from collections import Counter
from urllib.parse import urlencode

from bench.common import (
    ADMIN,
    PYTHON,
    QUICK,
    ROOT,
    WORK,
    Result,
    absolute_result,
    app_env,
    log,
    median,
    percentile,
    ratio_result,
)
from bench.load import measure
from bench.servers import Server, cookie_header, login, request, set_cookies

DEMO_PASSWORD = "demo12345"
CEILING = "/__bench__/ceiling"
LAYOUT = "/__bench__/layout"


def discover_pages(database_url: str) -> dict:
    out = WORK / "pages.json"
    subprocess.run(
        [PYTHON, "-m", "bench.steps.pages", str(out)], check=True, cwd=ROOT, env=app_env(database_url)
    )
    return json.loads(out.read_text())


# Pages against the ceiling ---------------------------------------------------------------


def drain(port: int, limit_s: float = 180) -> float:
    """Wait until the workers are idle again (a slow page leaves queued requests behind when the
    load generator stops): the ceiling must answer within 100 ms. Returns the seconds waited."""
    started = time.monotonic()
    while time.monotonic() - started < limit_s:
        begun = time.perf_counter()
        try:
            request(port, "GET", CEILING, timeout=limit_s)
        except OSError:
            pass
        if time.perf_counter() - begun < 0.1:
            break
        time.sleep(0.5)
    return time.monotonic() - started


def pages_benchmark(
    database_url: str, size: int, port: int = 8180, only: list[str] | None = None
) -> list[Result]:
    """Each page under load against the ceiling measured just before it; `only`: the pages whose
    names are one of these strings or, for a string naming no page, contain it (all when empty)."""
    info = discover_pages(database_url)
    session = f"sessionid={info['cookie']}"
    seconds = 5 if QUICK else 10
    group = f"HTTP (PostgreSQL, {size} units, gunicorn 2 workers)"
    results: list[Result] = [
        Result(f"page not measured: {m['name']}", None, "", group=group, note=m["reason"])
        for m in info["missing"]
    ]
    pages = list(info["pages"])
    if any(p["name"] == "dashboard" and p["path"].startswith("/bao-cao") for p in pages):
        pages.insert(
            1,
            {
                "name": "dashboard, fresh (?fresh=1: computed, not from the cache)",
                "path": "/bao-cao/?fresh=1",
                "kind": "signed_in",
                "note": "",
            },
        )
    # the floor of every signed-in page: the session, the user and the base layout, no work of its own
    pages.insert(
        0,
        {
            "name": "signed-in floor (empty page on the base layout)",
            "path": LAYOUT,
            "kind": "signed_in",
            "note": "bench/urls.py: what every signed-in page costs before its own work",
        },
    )
    if only:
        names = {p["name"].lower() for p in pages}
        pages = [
            p
            for p in pages
            if any(
                p["name"].lower() == word.lower()
                if word.lower() in names
                else word.lower() in p["name"].lower()
                for word in only
            )
        ]
    with Server(database_url, port, name="pages"):
        for page in pages:
            page["status"] = _settle(port, page, session)
        measure(port, CEILING, seconds=2)  # warm the workers
        for page in pages:
            name = page["name"]
            if page["status"] != 200:
                results.append(
                    Result(
                        f"{name} req/s",
                        None,
                        "req/s",
                        group=group,
                        note=f"{page['path']} answered {page['status']}: not measured",
                    )
                )
                continue
            cookie = session if page["kind"] == "signed_in" else ""
            measure(port, page["path"], cookie=cookie, seconds=1)  # warm this page's code paths
            drain(port)
            before = measure(port, CEILING, cookie=cookie, seconds=max(3, seconds // 2))
            loaded = measure(port, page["path"], cookie=cookie, seconds=seconds)
            drained = drain(port)
            # the machine is shared: the ceiling on both sides of the page, so a burst of other
            # work during one of them weighs half
            after = measure(port, CEILING, cookie=cookie, seconds=max(3, seconds // 2))
            ceiling = {
                "rps": (before["rps"] + after["rps"]) / 2,
                "p95_ms": (before["p95_ms"] + after["p95_ms"]) / 2,
            }
            floor = 0.8 if page["kind"] == "public" else 0.3
            detail = {
                "path": page["path"],
                "tool": loaded["tool"],
                "p50_ms": round(loaded["p50_ms"], 1),
                "p95_ms": round(loaded["p95_ms"], 1),
                "p99_ms": round(loaded["p99_ms"], 1),
                "errors": loaded["errors"],
                "requests": loaded["requests"],
                "ceiling_rps": round(ceiling["rps"], 1),
                "ceiling_p95_ms": round(ceiling["p95_ms"], 1),
                "ceiling_before_rps": round(before["rps"], 1),
                "ceiling_after_rps": round(after["rps"], 1),
            }
            note = page.get("note", "") + (f" {loaded['errors']} errors" if loaded["errors"] else "")
            if loaded["requests"] < 100:
                note += f" only {loaded['requests']} requests in {seconds} s (+{drained:.0f} s to drain the queue)"
            results.append(
                ratio_result(
                    f"{name} req/s",
                    loaded["rps"],
                    ceiling["rps"],
                    "req/s",
                    at_least=floor,
                    group=group,
                    note=note.strip(),
                    extra=detail,
                )
            )
            results.append(
                absolute_result(
                    f"{name} p95 latency", loaded["p95_ms"], "ms", below=300, group=group, extra=detail
                )
            )
            log(
                f"  {name}: {loaded['rps']:.1f} req/s (ceiling {ceiling['rps']:.0f}), p95 {loaded['p95_ms']:.0f} ms"
            )
    return results


def _settle(port: int, page: dict, session: str) -> int:
    """The page's status; a page that redirects within the site (the campaign page sends an
    officer to their unit's page of the campaign) is replaced by where it leads."""
    cookie = session if page["kind"] == "signed_in" else ""
    status, headers, _ = request(port, "GET", page["path"], headers={"Cookie": cookie} if cookie else {})
    location = headers.get("location", "")
    if status == 302 and location.startswith("/") and "dang-nhap" not in location:
        page["note"] = (page.get("note", "") + f" {page['path']} redirects here").strip()
        page["path"] = location
        status, _, _ = request(port, "GET", location, headers={"Cookie": cookie} if cookie else {})
    return status


def dashboard_fresh_ms(database_url: str, port: int = 8181, samples: int = 6) -> float | None:
    """Median time of the dashboard computed afresh (growth line), one request at a time."""
    info = discover_pages(database_url)
    cookie = {"Cookie": f"sessionid={info['cookie']}"}
    path = "/bao-cao/?fresh=1"
    with Server(database_url, port, name="growth", workers=1):
        status, _, _ = request(port, "GET", path, headers=cookie, timeout=120)
        if status != 200:
            return None
        times = []
        for _ in range(samples):
            started = time.perf_counter()
            request(port, "GET", path, headers=cookie, timeout=120)
            times.append(time.perf_counter() - started)
    return median(times) * 1000


# Two app servers -------------------------------------------------------------------------


def _multipart(fields: dict, files: dict) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = []
    for key, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
        )
    for key, (filename, content, content_type) in files.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"; filename="{filename}"\r\n'
            f"Content-Type: {content_type}\r\n\r\n".encode()
            + content
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def _token(body: bytes) -> str:
    found = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
    return found.group(1).decode() if found else ""


def two_servers(database_url: str, psql) -> list[Result]:
    """Two gunicorn processes on different ports, one database and cache, one media folder:
    a session made on A is valid on B, a file uploaded through A is read back through B, and
    the dashboard cached by A is served from the cache to B."""
    group = "two app servers (PostgreSQL, shared database, cache and media)"
    media = WORK / "media-shared"
    checks: dict[str, tuple[bool, str]] = {}
    with (
        Server(database_url, 8201, name="a", workers=1, media_root=media) as a,
        Server(database_url, 8202, name="b", workers=1, media_root=media) as b,
    ):
        cookies = login(a.port, ADMIN, DEMO_PASSWORD)
        header = {"Cookie": cookie_header(cookies)}
        status, headers, _ = request(b.port, "GET", "/to-chuc/doan-vien/", headers=header)
        checks["session made on A is valid on B"] = (
            status == 200,
            f"B answered {status} {headers.get('location', '')}".strip(),
        )
        document_id = psql(
            "SELECT d.id FROM documents_document d JOIN organisations_unit u ON u.id = d.issuer_unit_id "
            "WHERE u.code = 'LDLD-CB' AND d.status = 'issued' ORDER BY d.id LIMIT 1"
        )
        content = b"%PDF-1.4\n% thidua bench upload " + uuid.uuid4().hex.encode() + b"\n%%EOF\n"
        status, _, body = request(a.port, "GET", f"/van-ban/{document_id}/", headers=header)
        token = _token(body)
        form, content_type = _multipart(
            {"csrfmiddlewaretoken": token}, {"file": ("bench-upload.pdf", content, "application/pdf")}
        )
        status, _, _ = request(
            a.port,
            "POST",
            f"/van-ban/{document_id}/dinh-kem/",
            body=form,
            headers={**header, "Content-Type": content_type},
        )
        attachment_id = psql(f"SELECT MAX(id) FROM documents_attachment WHERE document_id = {document_id}")
        if attachment_id:
            status, _, body = request(b.port, "GET", f"/van-ban/dinh-kem/{attachment_id}/", headers=header)
            checks["file uploaded through A is read through B"] = (
                status == 200 and body == content,
                f"B answered {status}, {len(body)} bytes",
            )
        else:
            checks["file uploaded through A is read through B"] = (
                False,
                "the upload through A stored nothing",
            )
        request(a.port, "GET", "/bao-cao/?fresh=1", headers=header, timeout=120)
        rows = psql("SELECT COUNT(*) FROM thidua_cache")
        started = time.perf_counter()
        status, _, _ = request(b.port, "GET", "/bao-cao/", headers=header, timeout=120)
        cached_ms = (time.perf_counter() - started) * 1000
        started = time.perf_counter()
        request(b.port, "GET", "/bao-cao/?fresh=1", headers=header, timeout=120)
        fresh_ms = (time.perf_counter() - started) * 1000
        checks["dashboard cached by A is served to B from the cache"] = (
            status == 200 and int(rows or 0) > 0 and cached_ms < fresh_ms / 2,
            f"{rows} cache rows; B: {cached_ms:.0f} ms from the cache, {fresh_ms:.0f} ms fresh",
        )
        status, headers, _ = request(
            b.port,
            "POST",
            "/tai-khoan/dang-xuat/",
            headers={**header, "Content-Type": "application/x-www-form-urlencoded"},
            body=urlencode({"csrfmiddlewaretoken": cookies.get("csrftoken", "")}).encode(),
        )
        status, headers, _ = request(a.port, "GET", "/to-chuc/doan-vien/", headers=header)
        checks["logging out on B ends the session on A"] = (status == 302, f"A answered {status}")
    return [
        Result(name, 1.0 if ok else 0.0, "pass", 1.0, 1.0 if ok else 0.0, "passes", ok, group, note)
        for name, (ok, note) in checks.items()
    ]


# Mixed soak ------------------------------------------------------------------------------


def _weighted(rng: random.Random, choices: list[tuple[str, float]]) -> str:
    return rng.choices([path for path, _ in choices], [weight for _, weight in choices])[0]


class Soak:
    """Officers reading dashboards, member lists and the API and adding members through the
    form; the public reading the portal. Closed loop with think time, USERS threads in one
    process (the server's 2 workers are the bottleneck, not this client)."""

    def __init__(
        self, port: int, cookie: str, units: list[int], public_paths: list[str], officer_paths: list[str]
    ):
        self.port = port
        self.cookie = cookie
        self.units = units
        self.public = public_paths
        self.officer = officer_paths
        self.statuses: Counter = Counter()
        self.latencies: list[float] = []
        self.writes_ok: list[str] = []
        self.write_failures = 0
        self.lock = threading.Lock()

    def _get(self, path: str, cookie: str) -> tuple[int, bytes]:
        started = time.perf_counter()
        try:
            status, _, body = request(
                self.port, "GET", path, headers={"Cookie": cookie} if cookie else {}, timeout=60
            )
        except OSError:
            status, body = 599, b""
        with self.lock:
            self.statuses[status] += 1
            self.latencies.append(time.perf_counter() - started)
        return status, body

    def _add_member(self, rng: random.Random) -> None:
        unit = rng.choice(self.units)
        path = f"/to-chuc/don-vi/{unit}/doan-vien/them/"
        try:
            status, headers, body = request(
                self.port, "GET", path, headers={"Cookie": self.cookie}, timeout=60
            )
        except OSError:
            status, headers, body = 599, {}, b""
        with self.lock:
            self.statuses[status] += 1
        token = _token(body)
        csrf = set_cookies(headers).get("csrftoken", "")
        if status != 200 or not token:
            return
        code = f"SOAK-{uuid.uuid4().hex[:12]}"
        form = urlencode(
            {
                "csrfmiddlewaretoken": token,
                "code": code,
                "full_name": "Hoàng Thị Soak",
                "gender": "F",
                "birth_date": "1990-05-01",
                "ethnicity": "Tày",
                "position": "Giáo viên",
                "category": "public_employee",
                "joined_on": "2015-09-01",
                "status": "active",
            }
        ).encode()
        started = time.perf_counter()
        try:
            status, _, _ = request(
                self.port,
                "POST",
                f"/to-chuc/don-vi/{unit}/doan-vien/them/",
                body=form,
                headers={
                    "Cookie": f"{self.cookie}; csrftoken={csrf}",
                    "Content-Type": "application/x-www-form-urlencoded",
                },
                timeout=60,
            )
        except OSError:
            status = 599
        with self.lock:
            self.statuses[status] += 1
            self.latencies.append(time.perf_counter() - started)
            if status == 302:
                self.writes_ok.append(code)
            else:
                self.write_failures += 1

    def user(self, index: int, deadline: float) -> None:
        rng = random.Random(index)
        officer = index % 5 < 3  # 60% officers, 40% the public
        while time.time() < deadline:
            if officer:
                if rng.random() < 0.08:
                    self._add_member(rng)
                else:
                    self._get(_weighted(rng, self.officer), self.cookie)
            else:
                self._get(_weighted(rng, self.public), "")
            time.sleep(rng.uniform(0.2, 1.0))

    def run(self, users: int, seconds: float, server: Server) -> dict:
        deadline = time.time() + seconds
        threads = [threading.Thread(target=self.user, args=(i, deadline), daemon=True) for i in range(users)]
        for thread in threads:
            thread.start()
        samples = []
        started = time.time()
        while any(t.is_alive() for t in threads):
            samples.append((time.time() - started, server.rss_mb()))
            time.sleep(5)
        for thread in threads:
            thread.join()
        return {"samples": samples}


def soak(database_url: str, psql, seconds: int, users: int = 50) -> list[Result]:
    group = (
        f"soak: {users} users, {seconds // 60 if seconds >= 60 else seconds} {'min' if seconds >= 60 else 's'}, "
        "mixed reads and writes (PostgreSQL, 5000 units)"
    )
    info = discover_pages(database_url)
    cookie = f"sessionid={info['cookie']}"
    # What officers and the public open, and how often (a search is rarer than a list).
    weights = {
        "dashboard": 3,
        "campaign page": 2,
        "member list": 4,
        "document search": 1,
        "API member list": 2,
        "portal home": 4,
        "article page": 6,
    }
    officer_paths = [
        (p["path"], weights.get(p["name"], 1)) for p in info["pages"] if p["kind"] == "signed_in"
    ]
    officer_paths += [
        ("/to-chuc/doan-vien/?page=3", 2),
        ("/to-chuc/doan-vien/?q=hoang", 1),
        ("/api/v1/organisations/members?offset=500", 1),
    ]
    public_paths = [(p["path"], weights.get(p["name"], 1)) for p in info["pages"] if p["kind"] == "public"]
    if any(p["name"] == "portal home" for p in info["pages"]):
        public_paths.append(("/tin-tuc/", 2))
    public_paths = public_paths or [("/healthz", 1)]
    units = [
        int(x)
        for x in psql(
            "SELECT u.id FROM organisations_unit u JOIN organisations_unittype t ON t.id = u.unit_type_id "
            "WHERE t.may_have_members AND u.valid_to IS NULL ORDER BY u.id LIMIT 200"
        ).split()
    ]
    before = int(psql("SELECT COUNT(*) FROM organisations_member WHERE code LIKE 'SOAK-%'"))
    with Server(database_url, 8190, name="soak") as server:
        runner = Soak(server.port, cookie, units, public_paths, officer_paths)
        outcome = runner.run(users, seconds, server)
    after = int(psql("SELECT COUNT(*) FROM organisations_member WHERE code LIKE 'SOAK-%'"))
    stored = after - before
    errors_5xx = sum(n for status, n in runner.statuses.items() if status >= 500)
    total = sum(runner.statuses.values())
    workers_rss = _rss_growth(outcome["samples"])
    lat = runner.latencies
    detail = {
        "requests": total,
        "statuses": dict(runner.statuses),
        "rps": round(total / seconds, 1),
        "p50_ms": round(percentile(lat, 50) * 1000, 1),
        "p95_ms": round(percentile(lat, 95) * 1000, 1),
        "p99_ms": round(percentile(lat, 99) * 1000, 1),
    }
    results = [
        Result(
            "5xx answers",
            errors_5xx,
            "responses",
            0,
            None,
            "= 0",
            errors_5xx == 0,
            group,
            f"{total} requests, {detail['rps']} req/s, p95 {detail['p95_ms']} ms",
            detail,
        ),
        Result(
            "lost writes (members added through the form and answered 302, not in the database)",
            len(runner.writes_ok) - stored,
            "members",
            0,
            None,
            "= 0",
            len(runner.writes_ok) == stored,
            group,
            f"{len(runner.writes_ok)} accepted, {stored} stored, {runner.write_failures} refused",
            {"accepted": len(runner.writes_ok), "stored": stored, "refused": runner.write_failures},
        ),
        Result(
            "app server memory growth over the run (largest worker)",
            workers_rss["growth_mb"],
            "MB",
            workers_rss["start_mb"],
            workers_rss["ratio"],
            "ratio ≤ 1.1",
            workers_rss["ratio"] <= 1.1,
            group,
            workers_rss["note"],
            {"samples": workers_rss["series"]},
        ),
    ]
    return results


def _rss_growth(samples) -> dict:
    """Per worker: RSS at the end of the first fifth (after warm-up) against the last fifth."""
    series: dict[int, list[tuple[float, float]]] = {}
    for at, sizes in samples:
        for pid, mb in sizes.items():
            series.setdefault(pid, []).append((round(at, 1), round(mb, 1)))
    worst = {"growth_mb": 0.0, "start_mb": None, "ratio": 1.0, "note": "no samples"}
    for pid, points in series.items():
        if len(points) < 5:
            continue
        fifth = max(1, len(points) // 5)
        start = median([mb for _, mb in points[fifth : 2 * fifth]])
        end = median([mb for _, mb in points[-fifth:]])
        ratio = end / start if start else 1.0
        if worst["start_mb"] is None or ratio > worst["ratio"]:
            worst = {
                "growth_mb": round(end - start, 1),
                "start_mb": round(start, 1),
                "ratio": ratio,
                "note": f"pid {pid}: {start:.0f} MB after warm-up → {end:.0f} MB at the end",
            }
    worst["series"] = {str(pid): points for pid, points in series.items()}
    return worst


# Alone: the HTTP pages against the ceiling on one database --------------------------------


def main(argv: list[str]) -> int:
    """`python -m bench.http_steps [DATABASE_URL] [page name ...]`: only the HTTP pages against the
    ceiling (what `make bench` measures first), on thidua_bench_5000 by default, for iterating on the
    per-request cost of a page. Page names are matched as substrings ("portal", "article", "API")."""
    from bench.databases import url as database_url
    from bench.servers import collect_static

    target = argv[0] if argv and "://" in argv[0] else database_url("thidua_bench_5000")
    wanted = [name for name in argv if "://" not in name]
    collect_static()
    results = pages_benchmark(target, 5000, only=wanted)
    print("| page | req/s | ceiling | ratio | p50 ms | p95 ms | p99 ms |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for result in results:
        if result.name.endswith("req/s") and result.value is not None:
            extra = result.extra
            print(
                f"| {result.name[:-6]} | {result.value:.1f} | {extra['ceiling_rps']:.0f} | {result.ratio:.3f} | "
                f"{extra['p50_ms']} | {extra['p95_ms']} | {extra['p99_ms']} |"
            )
        elif result.value is None:
            print(f"| {result.name} | — | | | | | {result.note} |")
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv[1:]))
