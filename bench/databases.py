"""The bench's databases, generated once and kept while nothing they depend on changes.

Each size lives in its own PostgreSQL database (thidua_bench_<size>), made from a migrated
template by `python -m bench.generate`; the database's COMMENT holds a fingerprint of what
made it (the generator, every app's migrations and demo loaders, the sizes). A run that finds
the same fingerprint reuses the data; otherwise it generates again. Steps that write (import,
two servers, soak) run on a throw-away copy (thidua_bench_<size>_run), so the kept data never
drifts.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import time
from pathlib import Path

from bench.common import PG_URL, PYTHON, ROOT, WORK, log

# units, members, documents (with their cascades), nominations, articles.
# 1,000, 5,000 and 20,000 units have one shape (100 members, 20 documents, 10 nominations and 4
# articles a unit): growth is fitted over them (bench/report.py).
SHAPE = {"members": 100, "documents": 20, "nominations": 10, "articles": 4}
SIZES = {
    units: {"units": units, **{name: units * per_unit for name, per_unit in SHAPE.items()}}
    for units in (1000, 5000, 20000)
}
# The scale point, of its own reduced shape: 20 members a unit instead of 100 and 4 documents a unit
# instead of 20, so that generating it stays within the bench's time budget.
SIZES[50000] = {
    "units": 50_000,
    "members": 1_000_000,
    "documents": 200_000,
    "nominations": 100_000,
    "articles": 40_000,
}
TEMPLATE = "thidua_bench_template"


def _hash_files(paths) -> str:
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def migrations_fingerprint() -> str:
    return _hash_files(ROOT.glob("*/migrations/*.py"))


def data_fingerprint(size: int) -> str:
    """What the data depends on that forces generating it again: the generator and the sizes.
    Other apps' new migrations do not (a kept database is migrated forward instead: the tree
    changes every hour while apps are built); BENCH_FRESH=1 regenerates everything."""
    files = [*ROOT.glob("bench/generate/*.py")]
    return (
        _hash_files(files)
        + "-"
        + hashlib.sha256(json.dumps(SIZES[size], sort_keys=True).encode()).hexdigest()[:8]
    )


def _fresh() -> bool:
    return os.environ.get("BENCH_FRESH", "") not in ("", "0")


def migrate_forward(database_url: str) -> None:
    _run(
        [PYTHON, "manage.py", "migrate", "--noinput", "--verbosity", "0"], database_url, WORK / "generate.log"
    )


def url(name: str) -> str:
    return f"{PG_URL}/{name}"


def psql(sql: str, database: str = "postgres") -> str:
    out = subprocess.run(["psql", url(database), "-XAtqc", sql], capture_output=True, text=True)
    if out.returncode:
        raise RuntimeError(f"psql {database}: {sql[:120]}: {out.stderr.strip()}")
    return out.stdout.strip()


def exists(name: str) -> bool:
    return psql(f"SELECT 1 FROM pg_database WHERE datname = '{name}'") == "1"


def comment(name: str) -> str:
    return psql(f"SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '{name}'")


def drop(name: str) -> None:
    psql(
        f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}' AND pid <> pg_backend_pid()"
    )
    psql(f'DROP DATABASE IF EXISTS "{name}"')


def _run(args: list[str], env_url: str, log_path: Path) -> None:
    env = dict(
        os.environ,
        DATABASE_URL=env_url,
        DEBUG="false",
        THIDUA_ENV="development",
        DJANGO_SETTINGS_MODULE="thidua.settings",
        PYTHONPATH=str(ROOT),
    )
    with open(log_path, "a") as handle:
        subprocess.run(args, check=True, env=env, cwd=ROOT, stdout=handle, stderr=subprocess.STDOUT)


def ensure_template() -> None:
    fingerprint = migrations_fingerprint()
    if exists(TEMPLATE) and comment(TEMPLATE) == fingerprint:
        return
    drop(TEMPLATE)
    psql(f'CREATE DATABASE "{TEMPLATE}"')
    log("migrating the template database")
    _run(
        [PYTHON, "manage.py", "migrate", "--noinput", "--verbosity", "0"],
        url(TEMPLATE),
        WORK / "generate.log",
    )
    _run([PYTHON, "manage.py", "createcachetable"], url(TEMPLATE), WORK / "generate.log")
    psql(f"COMMENT ON DATABASE \"{TEMPLATE}\" IS '{fingerprint}'")


def ensure_pg(size: int) -> dict:
    """The database of a size, generated if missing or stale. Returns the generator's report
    (timings and counts) with `reused` telling whether it was kept from an earlier run."""
    name = f"thidua_bench_{size}"
    fingerprint = data_fingerprint(size)
    report_path = WORK / f"generate_{name}.json"
    if not _fresh() and exists(name) and comment(name) == fingerprint and report_path.exists():
        migrate_forward(url(name))
        psql("ANALYZE", name)  # statistics for columns and indexes new migrations added
        report = json.loads(report_path.read_text())
        report["reused"] = True
        report["made_at"] = _made_at(report_path)
        return report
    ensure_template()
    drop(name)
    psql(f'CREATE DATABASE "{name}" TEMPLATE "{TEMPLATE}"')
    log(f"generating {name}: {SIZES[size]}")
    started = time.monotonic()
    _generate(url(name), size, report_path)
    report = json.loads(report_path.read_text())
    report["wall_seconds"] = round(time.monotonic() - started, 1)
    report["reused"] = False
    report_path.write_text(json.dumps(report))
    psql("VACUUM ANALYZE", name)
    psql(f"COMMENT ON DATABASE \"{name}\" IS '{fingerprint}'")
    return report


def ensure_sqlite(size: int) -> tuple[str, dict]:
    path = WORK / f"sqlite_{size}.db"
    stamp = WORK / f"sqlite_{size}.fingerprint"
    report_path = WORK / f"generate_sqlite_{size}.json"
    fingerprint = data_fingerprint(size)
    if (
        not _fresh()
        and path.exists()
        and stamp.exists()
        and stamp.read_text() == fingerprint
        and report_path.exists()
    ):
        migrate_forward(f"sqlite:///{path}")
        report = json.loads(report_path.read_text())
        report["reused"] = True
        report["made_at"] = _made_at(report_path)
        return f"sqlite:///{path}", report
    for leftover in WORK.glob(f"sqlite_{size}.db*"):
        leftover.unlink()
    log(f"generating SQLite {path.name}: {SIZES[size]}")
    started = time.monotonic()
    _generate(f"sqlite:///{path}", size, report_path)
    report = json.loads(report_path.read_text())
    report["wall_seconds"] = round(time.monotonic() - started, 1)
    report["reused"] = False
    report_path.write_text(json.dumps(report))
    stamp.write_text(fingerprint)
    return f"sqlite:///{path}", report


def _made_at(report_path: Path) -> str:
    """When the generator's report of kept data was written: the run its timings come from."""
    return time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(report_path.stat().st_mtime))


def _generate(database_url: str, size: int, report_path: Path) -> None:
    sizes = SIZES[size]
    _run(
        [
            PYTHON,
            "-m",
            "bench.generate",
            "--units",
            str(sizes["units"]),
            "--members",
            str(sizes["members"]),
            "--documents",
            str(sizes["documents"]),
            "--nominations",
            str(sizes["nominations"]),
            "--articles",
            str(sizes["articles"]),
            "--json",
            str(report_path),
        ],
        database_url,
        WORK / "generate.log",
    )


def working_copy(size: int) -> str:
    """A fresh copy of a size's database for steps that write; returns its URL."""
    source, name = f"thidua_bench_{size}", f"thidua_bench_{size}_run"
    drop(name)
    for attempt in range(10):
        # Copying needs the source to itself: autovacuum visits freshly loaded databases.
        psql(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{source}'")
        try:
            psql(f'CREATE DATABASE "{name}" TEMPLATE "{source}"')
            return url(name)
        except RuntimeError:
            if attempt == 9:
                raise
            time.sleep(3)
    return url(name)
