"""What every bench step shares: paths, the environment of the app servers, timing helpers
and the result record (one per benchmark: a value, its limit measured in the same run, the
ratio between them and the target that ratio must meet)."""

from __future__ import annotations

import hashlib
import json
import os
import statistics
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
RESULTS = BENCH / "results"
WORK = Path(os.environ.get("BENCH_WORK", "/tmp/thidua-bench"))
PYTHON = str(ROOT / ".venv" / "bin" / "python")
QUICK = os.environ.get("BENCH_QUICK", "") not in ("", "0")
PG_URL = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
SECRET_KEY = "bench-only-secret-key-" + "k" * 40
# Who the signed-in pages are loaded as: an officer over the whole province (the widest scope
# but the administrator's, and no superuser shortcuts).
OFFICER = "canbo.tinh"
ADMIN = "admin"


@dataclass
class Result:
    """One benchmark. `ratio` = value / limit; `met` compares it (or the value itself, for
    absolute targets such as a p95 in ms) with `target`; `kind` says which of the report's
    sections it belongs to (bench/report.py)."""

    name: str
    value: float | None
    unit: str
    limit: float | None = None
    ratio: float | None = None
    target: str = ""
    met: bool | None = None
    group: str = ""
    note: str = ""
    extra: dict = field(default_factory=dict)
    # ratio, absolute, check, reused or info (bench/report.py); empty: read from the target
    kind: str = ""

    def as_dict(self) -> dict:
        data = asdict(self)
        for key in ("value", "limit", "ratio"):
            if isinstance(data[key], float):
                data[key] = round(data[key], 4)
        return data


def ratio_result(
    name, value, limit, unit, *, at_most=None, at_least=None, group="", note="", extra=None
) -> Result:
    ratio = value / limit if value is not None and limit else None
    if at_most is not None:
        target, met = f"ratio ≤ {at_most}", ratio is not None and ratio <= at_most
    elif at_least is not None:
        target, met = f"ratio ≥ {at_least}", ratio is not None and ratio >= at_least
    else:
        target, met = "", None
    return Result(name, value, unit, limit, ratio, target, met, group, note, extra or {})


def absolute_result(name, value, unit, *, below=None, group="", note="", extra=None, limit=None) -> Result:
    met = None if below is None else (value is not None and value < below)
    target = f"< {below} {unit}" if below is not None else ""
    ratio = value / below if value is not None and below else None
    return Result(
        name, value, unit, limit if limit is not None else below, ratio, target, met, group, note, extra or {}
    )


def write_results(path: str | os.PathLike, results: list[Result]) -> None:
    with open(path, "w") as handle:
        json.dump([r.as_dict() for r in results], handle, ensure_ascii=False, indent=1)


def app_env(database_url: str, **extra) -> dict:
    """The environment of a production-like app server (and of steps that must agree with it
    on the secret key, e.g. to make a session cookie)."""
    env = dict(os.environ)
    env.update(
        {
            "THIDUA_ENV": "production",
            "DEBUG": "false",
            "SECRET_KEY": SECRET_KEY,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "DATABASE_URL": database_url,
            "ROOT_URLCONF": "bench.urls",
            "LOG_LEVEL": "WARNING",
            "DJANGO_SETTINGS_MODULE": "thidua.settings",
            "PYTHONPATH": str(ROOT),
            # production's cache and sessions: Redis; one key prefix per database, so a page cached
            # for one bench database is never served for another
            "CACHE_URL": os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/0"),
            "CACHE_KEY_PREFIX": "bench-" + hashlib.sha1(database_url.encode()).hexdigest()[:12],
        }
    )
    env.update({k: str(v) for k, v in extra.items()})
    return env


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def timed(function, *args, **kwargs) -> tuple[float, object]:
    started = time.perf_counter()
    value = function(*args, **kwargs)
    return time.perf_counter() - started, value


def alternate(first, second, rounds: int) -> tuple[list[float], list[float]]:
    """Time two callables alternately (first, second, first, ...) so drift on a noisy machine
    hits both alike. Returns both lists of seconds."""
    a, b = [], []
    for _ in range(rounds):
        a.append(timed(first)[0])
        b.append(timed(second)[0])
    return a, b


def median(values: list[float]) -> float:
    return statistics.median(values)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)
