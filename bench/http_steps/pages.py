"""Pages against the ceiling, and the fresh dashboard at each size for the growth line."""

from __future__ import annotations

import time

from bench.common import (
    QUICK,
    Result,
    absolute_result,
    log,
    median,
    ratio_result,
)
from bench.http_steps.common import CEILING, LAYOUT, discover_pages
from bench.load import measure
from bench.servers import Server, request

__all__ = ["dashboard_fresh_ms", "pages_benchmark"]


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
    # the campaign page's figures are cached like the dashboard's: the same page computed afresh
    # keeps the 150 ms of every signed-in page (its path gets the unit's page it redirects to)
    for index, page in enumerate(pages):
        if page["name"] == "campaign page":
            pages.insert(
                index + 1,
                {
                    "name": "campaign page, fresh (?fresh=1: computed, not from the cache)",
                    "path": f"{page['path']}?fresh=1",
                    "kind": "signed_in",
                    "note": "",
                },
            )
            break
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
            at_least, below = page_targets(page)
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
                    at_least=at_least,
                    group=group,
                    note=note.strip(),
                    extra=detail,
                )
            )
            results.append(
                absolute_result(
                    f"{name} p95 latency", loaded["p95_ms"], "ms", below=below, group=group, extra=detail
                )
            )
            log(
                f"  {name}: {loaded['rps']:.1f} req/s (ceiling {ceiling['rps']:.0f}), p95 {loaded['p95_ms']:.0f} ms"
            )
    return results


def page_targets(page: dict) -> tuple[float | None, float]:
    """Issue 20's targets: (the ratio to the ceiling, p95 in ms under 4 connections). Public pages
    ≥ 0.8 of the bare view; the signed-in floor ≥ 0.5 (a signed-in page's own work is its own, so
    other signed-in pages have no ratio target); every signed-in page p95 < 150 ms, except the
    dashboard computed afresh (< 300 ms, its own target; the campaign page computed afresh keeps
    the 150 ms)."""
    if page["kind"] == "public":
        return 0.8, 300
    if page["path"] == LAYOUT:
        return 0.5, 150
    if "fresh=1" in page["path"] and page["path"].startswith("/bao-cao/"):
        return None, 300
    return None, 150


def _settle(port: int, page: dict, session: str) -> int:
    """The page's status; a page that redirects within the site (the campaign page sends an
    officer to their unit's page of the campaign) is replaced by where it leads."""
    cookie = session if page["kind"] == "signed_in" else ""
    status, headers, _ = request(port, "GET", page["path"], headers={"Cookie": cookie} if cookie else {})
    location = headers.get("location", "")
    if status == 302 and location.startswith("/") and "dang-nhap" not in location:
        page["note"] = (page.get("note", "") + f" {page['path']} redirects here").strip()
        query = page["path"].partition("?")[2]  # ?fresh=1 is the page's, not the redirect's
        page["path"] = f"{location}?{query}" if query and "?" not in location else location
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
