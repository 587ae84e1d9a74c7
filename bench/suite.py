"""`make bench`: every benchmark, written to bench/results/latest.json and latest.md (and
growth.svg), and the generated tables of docs/scaling.md. Lines are reported by kind (same-run
ratio targets, fixed targets, checks, values reused from earlier runs: bench/report.py).
BENCH_QUICK=1: a short run (sizes 1,000 and 5,000 only, a 1-minute soak, 20,000 import rows,
200 certificates, officers served at 5,000 units only with 10-second runs). See bench/README.md."""

from __future__ import annotations

import json
import math
import os
import platform
import subprocess
import sys
import time
import traceback

from bench import databases, report, scaling_docs
from bench.common import PYTHON, QUICK, RESULTS, ROOT, WORK, Result, app_env, log

# Growth is fitted over 1,000, 5,000 and 20,000 units (one shape); 50,000 units (its own, reduced
# shape) is a scale point reported beside the fit (bench/report.py).
SIZES = [1000, 5000] if QUICK else [1000, 5000, 20000, 50000]
MAIN = 5000
SCALE_POINT = 50000


def step_json(module: str, database_url: str, *args, env_extra=None) -> list[Result]:
    out = WORK / f"{module.rsplit('.', 1)[-1]}-{abs(hash((database_url, args))) % 10**6}.json"
    env = app_env(database_url, **(env_extra or {}))
    subprocess.run([PYTHON, "-m", module, str(out), *map(str, args)], check=True, cwd=ROOT, env=env)
    return [Result(**row) for row in json.loads(out.read_text())]


def child(args: list[str], env: dict) -> tuple[dict, float, float]:
    """Run a process; returns its JSON line, wall seconds and peak RSS in MB (its own, via wait4)."""
    started = time.monotonic()
    process = subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    out = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise RuntimeError(f"{args} exited {process.returncode}")
    line = [line for line in out.splitlines() if line.startswith("{")][-1]
    return json.loads(line), time.monotonic() - started, usage.ru_maxrss / 1024


def member_import(database_url: str) -> list[Result]:
    from bench.common import ratio_result

    rows = 20_000 if QUICK else 100_000
    group = f"Excel import of {rows:,} members (PostgreSQL, 5000 units)"
    path = WORK / f"import-{rows}.xlsx"
    env = app_env(database_url)
    maker = ROOT / "bench" / "steps" / "member_import.py"
    if not path.exists() or path.stat().st_mtime < maker.stat().st_mtime:  # made by an older maker
        child([PYTHON, "-m", "bench.steps.member_import", "make", str(path), str(rows)], env)
    base = [PYTHON, "-m", "bench.steps.member_import"]
    # The floor (issue 20): the bare openpyxl read plus a bulk_create of the same rows, run just
    # before and just after the import; the bare read alone is kept for the memory line's note.
    read, _, read_rss = child([*base, "read", str(path)], env)
    floor1, _, _ = child([*base, "baseline", str(path)], env)
    app, _, app_rss = child([*base, "app", str(path)], env)
    floor2, _, _ = child([*base, "baseline", str(path)], env)
    floor = (floor1["seconds"] + floor2["seconds"]) / 2
    results = [
        ratio_result(
            "check_member_file + apply_member_import",
            app["seconds"],
            floor,
            "s",
            at_most=1.5,
            group=group,
            note=f"check {app['check_seconds']:.1f} s, apply {app['apply_seconds']:.1f} s; "
            f"{app['imported']} imported, {app['errors']} rows refused; floor: read "
            f"{(floor1['read_seconds'] + floor2['read_seconds']) / 2:.1f} s + bulk_create "
            f"{(floor1['insert_seconds'] + floor2['insert_seconds']) / 2:.1f} s (bare read alone "
            f"{read['seconds']:.1f} s)",
            extra={**app, "floor_runs": [floor1, floor2], "read_s": read["seconds"]},
        ),
        Result(
            "peak memory of the import process",
            round(app_rss, 1),
            "MB",
            300,
            app_rss / 300,
            "< 300 MB",
            app_rss < 300,
            group,
            f"the bare openpyxl read peaks at {read_rss:.0f} MB",
            {"read_peak_mb": round(read_rss, 1)},
        ),
    ]
    if not results[0].met or not results[1].met:
        profile_path = RESULTS / "import-profile.txt"
        try:
            child([*base, "profile", str(path), str(profile_path)], env)
            results[0].note += f"; profile in bench/results/{profile_path.name}"
        except Exception as exc:  # noqa: BLE001
            results[0].note += f"; profiling failed: {exc}"
    return results


def write_svg(series: list[dict], path) -> None:
    """Time against rows, log-log, one line per benchmark, with the slope-1 guide: hand-written
    SVG (no plotting library in the project)."""
    width, height, left, bottom, top, right = 900, 520, 70, 60, 30, 330
    xs = [p[0] for s in series for p in s["points"] if p[0] > 0]
    ys = [p[1] for s in series for p in s["points"] if p[1] > 0]
    if not xs or not ys:
        return
    x0, x1 = math.log10(min(xs)) - 0.1, math.log10(max(xs)) + 0.1
    y0, y1 = math.log10(min(ys)) - 0.2, math.log10(max(ys)) + 0.2

    def px(x):
        return left + (math.log10(x) - x0) / (x1 - x0) * (width - left - right)

    def py(y):
        return height - bottom - (math.log10(y) - y0) / (y1 - y0) * (height - bottom - top)

    colours = [
        "#1f77b4",
        "#d62728",
        "#2ca02c",
        "#9467bd",
        "#ff7f0e",
        "#8c564b",
        "#e377c2",
        "#17becf",
        "#7f7f7f",
    ]
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" '
        f'font-size="12"><rect width="100%" height="100%" fill="white"/>',
        f'<text x="{left}" y="18" font-size="14">Time against rows read (log-log); dashed: time ∝ rows</text>',
    ]
    for exponent in range(math.floor(x0), math.ceil(x1) + 1):
        if x0 <= exponent <= x1:
            x = px(10**exponent)
            parts.append(
                f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{height - bottom}" stroke="#eee"/>'
                f'<text x="{x:.1f}" y="{height - bottom + 16}" text-anchor="middle">10^{exponent}</text>'
            )
    for exponent in range(math.floor(y0), math.ceil(y1) + 1):
        if y0 <= exponent <= y1:
            y = py(10**exponent)
            parts.append(
                f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="#eee"/>'
                f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{10**exponent:g} ms</text>'
            )
    parts.append(
        f'<text x="{(left + width - right) / 2}" y="{height - 20}" text-anchor="middle">rows read '
        f"(members, obligations, documents or units)</text>"
    )
    for index, line in enumerate(series):
        colour = colours[index % len(colours)]
        points = [(px(n), py(t)) for n, t in line["points"] if n > 0 and t > 0]
        if len(points) < 2:
            continue
        (n0, t0) = line["points"][0]
        (n1, _) = line["points"][-1]
        parts.append(
            f'<line x1="{px(n0):.1f}" y1="{py(t0):.1f}" x2="{px(n1):.1f}" y2="{py(t0 * n1 / n0):.1f}" '
            f'stroke="{colour}" stroke-dasharray="4 4" opacity="0.5"/>'
        )
        parts.append(
            f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="'
            + " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
            + '"/>'
        )
        for x, y in points:
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}"/>')
        label = line["name"] if len(line["name"]) < 48 else line["name"][:46] + "…"
        ly = top + 16 + index * 18
        parts.append(
            f'<rect x="{width - right + 12}" y="{ly - 9}" width="10" height="10" fill="{colour}"/>'
            f'<text x="{width - right + 28}" y="{ly}">{_escape(label)}</text>'
        )
    parts.append("</svg>")
    path.write_text("\n".join(parts))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def main() -> int:
    WORK.mkdir(parents=True, exist_ok=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    results: list[Result] = []
    meta: dict = {"data": {}}

    def attempt(name, function, *args):
        log(name)
        try:
            produced = function(*args)
            results.extend(produced)
            return produced
        except Exception as exc:  # noqa: BLE001 - one failing step must not lose the others' numbers
            traceback.print_exc()
            results.append(
                Result(name, None, "", group=report.FAILED_GROUP, note=f"{exc.__class__.__name__}: {exc}")
            )
            return []

    # Data ------------------------------------------------------------------------------
    reports = {}
    for size in SIZES:
        log(f"data: {size} units")
        reports[size] = databases.ensure_pg(size)
        meta["data"][f"PostgreSQL {size} units"] = _describe(reports[size])
        results.append(_generation_result(reports[size], size, "PostgreSQL"))
    if not QUICK:
        _, sqlite_report = databases.ensure_sqlite(MAIN)
        meta["data"][f"SQLite {MAIN} units"] = _describe(sqlite_report)
        results.append(_generation_result(sqlite_report, MAIN, "SQLite"))
    work_url = databases.working_copy(MAIN)

    def psql(sql: str) -> str:
        return databases.psql(sql, f"thidua_bench_{MAIN}_run")

    # Benchmarks at the main size ---------------------------------------------------------
    from bench import http_steps

    attempt("HTTP pages against the ceiling", http_steps.pages_benchmark, work_url, MAIN)
    per_size: dict[int, list[Result]] = {}
    for size in SIZES:
        produced = attempt(
            f"roll-ups and search, {size} units",
            step_json,
            "bench.steps.rollups",
            databases.url(f"thidua_bench_{size}"),
            size,
        )
        per_size[size] = [r for r in produced if r.value is not None]
        if size != MAIN:  # only the main size's lines go to the table; the others feed the growth line
            for r in produced:
                results.remove(r)
        fresh = None
        try:
            fresh = http_steps.dashboard_fresh_ms(databases.url(f"thidua_bench_{size}"))
        except Exception:  # noqa: BLE001
            traceback.print_exc()
        if fresh is not None:
            per_size[size].append(
                Result(
                    "dashboard page computed afresh (HTTP, one at a time)",
                    fresh,
                    "ms",
                    extra={"rows": "units"},
                )
            )
    if not QUICK:
        attempt(
            "roll-ups and search on SQLite",
            step_json,
            "bench.steps.rollups",
            databases.ensure_sqlite(MAIN)[0],
            MAIN,
        )
    attempt("storage", step_json, "bench.steps.storage", databases.url(f"thidua_bench_{MAIN}"), MAIN)
    attempt("Excel import", member_import, work_url)
    attempt("document output", step_json, "bench.steps.rendering", work_url, 200 if QUICK else 1000)
    certificates = [r for r in results if "certificates" in r.name and r.value is not None]
    if not QUICK and not certificates:  # the awards demo (the certificates' decision) failed on PostgreSQL
        attempt(
            "document output on SQLite",
            step_json,
            "bench.steps.rendering",
            databases.ensure_sqlite(MAIN)[0],
            1000,
        )
    attempt("two app servers", http_steps.two_servers, work_url, psql)
    attempt("soak", http_steps.soak, work_url, psql, 60 if QUICK else 300)
    # The headline's officers served, at the main size and (full run) at the 50,000-unit scale point,
    # each on a copy that may be written (officers add members).
    officer_databases = {MAIN: (work_url, psql)}
    if SCALE_POINT in SIZES:
        officer_databases[SCALE_POINT] = (
            databases.working_copy(SCALE_POINT),
            lambda sql: databases.psql(sql, f"thidua_bench_{SCALE_POINT}_run"),
        )
    attempt("officers served", http_steps.officers_served, officer_databases)
    if SCALE_POINT in SIZES:
        databases.drop(f"thidua_bench_{SCALE_POINT}_run")
    counts = {size: reports[size].get("counts", {}) for size in SIZES}
    grown, series = report.growth(per_size, counts)
    results.extend(grown)
    write_svg(series, RESULTS / "growth.svg")
    meta["finished"] = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    meta["minutes"] = (time.monotonic() - started) / 60
    meta["quick"] = QUICK
    meta["machine"] = (
        f"{os.cpu_count()} cores, {platform.python_implementation()} {platform.python_version()}, "
        f"load average {os.getloadavg()[0]:.1f} at the end"
    )
    databases.drop(f"thidua_bench_{MAIN}_run")
    results = report.finalize(results)
    with open(RESULTS / "latest.json", "w") as handle:
        json.dump(
            {"run": meta, "results": [r.as_dict() for r in results]}, handle, ensure_ascii=False, indent=1
        )
    (RESULTS / "growth.json").write_text(json.dumps(series, indent=1))
    (RESULTS / "latest.md").write_text(report.markdown(results, meta))
    scaling_docs.update()
    counts_by_kind = report.tally(results)
    log(
        f"done in {meta['minutes']:.1f} min: "
        + ", ".join(f"{kind} {c['met']}/{c['lines']}" for kind, c in counts_by_kind.items() if c["lines"])
        + "; bench/results/latest.md, docs/scaling.md"
    )
    return 0


def _describe(report: dict) -> str:
    counts = ", ".join(f"{v:,} {k}s" for k, v in report.get("counts", {}).items())
    skipped = "; ".join(f"{s['name']} skipped ({s['reason'][:90]})" for s in report.get("skipped", []))
    made = (
        "reused from an earlier run"
        if report.get("reused")
        else f"generated in {report.get('seconds', 0):.0f} s"
    )
    return f"{counts} — {made}" + (f"; {skipped}" if skipped else "")


def _generation_result(report: dict, size: int, vendor: str) -> Result:
    """The time `python -m bench.generate` took; when the data was kept from an earlier run, that
    run's time, reported as reused (never met)."""
    steps = {s["name"]: s["seconds"] for s in report.get("steps", [])}
    reused = bool(report.get("reused"))
    seconds = report.get("seconds")
    return Result(
        f"generate {size:,} units ({vendor})",
        seconds,
        "s",
        600,
        None,
        "< 600 s",
        None if reused else (seconds is not None and seconds < 600),
        "data at scale (python -m bench.generate)",
        (
            f"reused: measured when the data was made ({report.get('made_at', 'date unknown')}); "
            if reused
            else ""
        )
        + ", ".join(f"{k} {v:.0f} s" for k, v in steps.items() if v >= 1),
        {"counts": report.get("counts", {}), "skipped": report.get("skipped", []), "reused": reused},
        kind="reused" if reused else "absolute",
    )


if __name__ == "__main__":
    sys.exit(main())
