"""The mixed soak: simulated users on a weighted mix of pages, and the workers' memory over time."""

from __future__ import annotations

import random
import threading
import time
import uuid
from collections import Counter
from urllib.parse import urlencode

from bench.common import (
    Result,
    median,
    percentile,
)
from bench.http_steps.common import discover_pages
from bench.http_steps.scale_out import _token
from bench.servers import Server, request, set_cookies

__all__ = ["Soak", "soak", "soak_mix"]


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


def soak_mix(
    database_url: str, psql
) -> tuple[str, list[int], list[tuple[str, float]], list[tuple[str, float]]]:
    """What the soak's users open and how often: the officer's cookie, the units they add members
    to, the public's and the officers' weighted paths (the officers-served step reuses it)."""
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
    return cookie, units, public_paths, officer_paths


def soak(database_url: str, psql, seconds: int, users: int = 50) -> list[Result]:
    group = (
        f"soak: {users} users, {seconds // 60 if seconds >= 60 else seconds} {'min' if seconds >= 60 else 's'}, "
        "mixed reads and writes (PostgreSQL, 5000 units)"
    )
    cookie, units, public_paths, officer_paths = soak_mix(database_url, psql)
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
