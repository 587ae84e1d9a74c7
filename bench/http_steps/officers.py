"""The headline's "officers served" (issue 20): how many simulated officers one app server (gunicorn,
production settings, 2 sync workers on the 2-core machine) sustains with p95 < 300 ms and no error.

Each simulated officer does what the soak's officers do (bench/http_steps/mixed.py): dashboards,
member lists, document search and the API, and about one action in twelve adds a member through
the form, with 0.2–1 s of think time between actions. The number of officers doubles from 10
until a run misses, then is bisected between the last that met and the first that missed
(`largest_sustained`, a pure function tested without a server).
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Callable

from bench.common import QUICK, Result, log, percentile
from bench.http_steps.mixed import Soak, soak_mix
from bench.servers import Server

__all__ = ["OfficerSoak", "P95_LIMIT_MS", "largest_sustained", "officers_served"]

P95_LIMIT_MS = 300
START = 10


def largest_sustained(
    meets: Callable[[int], bool],
    *,
    start: int = START,
    ceiling: int = 1280,
    resolution: float = 0.1,
    max_trials: int = 12,
) -> tuple[int, list[tuple[int, bool]]]:
    """The largest n for which `meets(n)` held, searching by doubling from `start` (up to `ceiling`),
    then bisecting between the last n that met and the first that missed until they are within
    `resolution` of each other (a share of the lower one, at least 1). When `start` itself misses,
    the search goes down between 0 and `start`. Returns (largest met, 0 if none; trials in order)."""
    trials: list[tuple[int, bool]] = []

    def attempt(n: int) -> bool:
        ok = meets(n)
        trials.append((n, ok))
        return ok

    met, missed = 0, None
    n = start
    while n <= ceiling and len(trials) < max_trials:
        if not attempt(n):
            missed = n
            break
        met = n
        n *= 2
    if missed is None:  # never missed within the ceiling (or out of trials): the last met is the answer
        return met, trials
    while len(trials) < max_trials and missed - met > max(1, math.floor(met * resolution)):
        middle = (met + missed) // 2
        if attempt(middle):
            met = middle
        else:
            missed = middle
    return met, trials


class OfficerSoak(Soak):
    """The soak with officers only (the soak's users are 60% officers, 40% the public)."""

    def user(self, index: int, deadline: float) -> None:
        rng = random.Random(index)
        while time.time() < deadline:
            if rng.random() < 0.08:
                self._add_member(rng)
            else:
                self._get(_pick(rng, self.officer), self.cookie)
            time.sleep(rng.uniform(0.2, 1.0))


def _pick(rng: random.Random, choices: list[tuple[str, float]]) -> str:
    return rng.choices([path for path, _ in choices], [weight for _, weight in choices])[0]


def trial_outcome(statuses: dict[int, int], latencies: list[float]) -> tuple[bool, float, int]:
    """Whether a run met the line: (met, p95 in ms, errors); an error is any answer ≥ 400 or a
    failed connection (599), a run with no answer misses."""
    errors = sum(n for status, n in statuses.items() if status >= 400)
    p95 = percentile(latencies, 95) * 1000 if latencies else math.inf
    return errors == 0 and p95 < P95_LIMIT_MS, p95, errors


def officers_served(
    databases: dict[int, tuple[str, Callable[[str], str]]], seconds: int | None = None
) -> list[Result]:
    """For each size: {units: (database URL of a copy that may be written, its psql)}."""
    seconds = seconds or (10 if QUICK else 20)
    return [_served_at(units, url, psql, seconds) for units, (url, psql) in databases.items()]


def _served_at(units: int, database_url: str, psql: Callable[[str], str], seconds: int) -> Result:
    cookie, unit_ids, _, officer_paths = soak_mix(database_url, psql)
    runs: list[dict] = []
    with Server(database_url, 8191, name=f"officers-{units}") as server:
        warm_up = OfficerSoak(server.port, cookie, unit_ids, [], officer_paths)
        for path, _ in officer_paths:  # each page once (the dashboard's first build fills the cache), untimed
            warm_up._get(path, cookie)

        def meets(n: int) -> bool:
            runner = OfficerSoak(server.port, cookie, unit_ids, [], officer_paths)
            runner.run(n, seconds, server)
            ok, p95, errors = trial_outcome(runner.statuses, runner.latencies)
            total = sum(runner.statuses.values())
            runs.append(
                {
                    "officers": n,
                    "met": ok,
                    "p95_ms": round(p95, 1),
                    "errors": errors,
                    "requests": total,
                    "rps": round(total / seconds, 1),
                }
            )
            log(
                f"  {units} units, {n} officers: p95 {p95:.0f} ms, {errors} errors, {total / seconds:.1f} req/s"
            )
            return ok

        best, _ = largest_sustained(meets, max_trials=6 if QUICK else 8)
    tried = ", ".join(
        f"{r['officers']}{'✓' if r['met'] else '✗'} (p95 {r['p95_ms']:.0f} ms, {r['errors']} errors)"
        for r in runs
    )
    return Result(
        f"officers served at {units:,} units",
        best,
        "officers",
        None,
        None,
        "",
        None,
        f"officers served (one app server: gunicorn, 2 workers, 2 shared cores; {seconds} s a run)",
        f"largest number of simulated officers with p95 < {P95_LIMIT_MS} ms and no error; runs: {tried}",
        {"runs": runs, "seconds": seconds, "units": units},
        kind="info",
    )
