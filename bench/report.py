"""What the bench's report says and how: the kind of each line, the growth fit, latest.md and the
tables of docs/scaling.md. Pure functions over Result records, tested in bench/tests/test_report.py.

Every line is one of five kinds, reported apart so that the headline cannot flatter:
- `ratio`: a value against a limit measured in the same run on the same machine (the bench's
  honest measure on a shared box);
- `absolute`: a value measured in this run against a fixed number (a p95 in ms, an exponent);
- `check`: a pass/fail check (a session valid on the other server, no 5xx, no lost write);
- `reused`: a value taken from an earlier run (the time it took to generate data kept since):
  shown with its target for reference, never counted as met;
- `info`: no target (or not measured).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from pathlib import Path

from bench.common import Result

KINDS = {
    "ratio": "Targets against a limit measured in this run",
    "absolute": "Targets measured in this run against a fixed value",
    "check": "Pass/fail checks",
    "reused": "Values reused from earlier runs (never counted as met)",
    "info": "Informational (no target)",
}
# The sizes growth is fitted over: one shape (the 5,000-unit data's members and documents per unit).
GROWTH_SIZES = (1000, 5000, 20000)
# A scale point of its own shape, reported beside the fit, not in it.
SCALE_POINT = 50000
GROWTH_LIMIT = 1.1


def kind_of(result: Result) -> str:
    """The kind of a line: set where it is made, else read from what it says."""
    if result.kind:
        return result.kind
    if result.extra.get("reused") or result.note.startswith("reused"):
        return "reused"
    if result.value is None:
        return "info"
    if result.unit == "pass" or result.target in ("passes", "= 0"):
        return "check"
    if result.target.startswith("ratio"):
        return "ratio"
    return "absolute" if result.target else "info"


def finalize(results: Iterable[Result]) -> list[Result]:
    """Every line with its kind; a reused value is never met, whatever it is."""
    out = []
    for result in results:
        result.kind = kind_of(result)
        if result.kind in ("reused", "info"):
            result.met = None
        out.append(result)
    return out


def tally(results: Iterable[Result]) -> dict[str, dict[str, int]]:
    """Per kind: lines, met, missed (and not measured: a line with a target and no value)."""
    counts = {kind: {"lines": 0, "met": 0, "missed": 0} for kind in KINDS}
    for result in results:
        row = counts[kind_of(result)]
        row["lines"] += 1
        if result.met is True:
            row["met"] += 1
        elif result.met is False:
            row["missed"] += 1
    return counts


FAILED_GROUP = "failed steps"


def headline(results: list[Result]) -> str:
    counts = tally(results)
    ratio, absolute, check = counts["ratio"], counts["absolute"], counts["check"]
    return (
        failed_line(results) + f"**Same-run ratio targets: {ratio['met']} of {ratio['lines']} met. "
        f"Targets against a fixed value: {absolute['met']} of {absolute['lines']} met. "
        f"Checks: {check['met']} of {check['lines']} passed.** "
        f"{counts['reused']['lines']} values reused from earlier runs (not counted); "
        f"{counts['info']['lines']} lines informational or not measured." + officers_line(results)
    )


def failed_line(results: list[Result]) -> str:
    """The headline's first words when a step failed: its lines are missing from the counts that
    follow, which would otherwise read as if every target had been measured."""
    failed = [r.name for r in results if r.group == FAILED_GROUP]
    if not failed:
        return ""
    return (
        f"**{len(failed)} step(s) failed ({', '.join(failed)}): their lines are missing from the "
        "counts below — not measured, not met.** "
    )


OFFICERS_GROUP = "officers served"


def officers_line(results: list[Result]) -> str:
    """The headline's " Officers served …" sentence (empty when the step did not run): the largest
    number of simulated officers one app server sustained at each size."""
    served = [r for r in results if r.group.startswith(OFFICERS_GROUP)]
    if not served:
        return ""
    parts = [
        f"{'not measured' if r.value is None else f'{r.value:,}'} at {r.extra.get('units', 0):,} units"
        for r in served
    ]
    return " **Officers served by one 2-core app server (p95 < 300 ms, no error): " + ", ".join(parts) + ".**"


# Growth ------------------------------------------------------------------------------------


def fit(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Least-squares line through (log rows, log time): (exponent k, intercept), time ∝ rows^k."""
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(max(t, 1e-6)) for _, t in points]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    k = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread
    return k, mean_y - k * mean_x


def segments(points: list[tuple[float, float]]) -> list[float]:
    """The exponent between each pair of neighbouring sizes."""
    return [
        math.log(max(t1, 1e-6) / max(t0, 1e-6)) / math.log(n1 / n0)
        for (n0, t0), (n1, t1) in zip(points, points[1:], strict=False)
    ]


ROWS_OF = {
    "members": "member",
    "obligations": "obligation",
    "documents": "document",
    "units": "unit",
    "participants": "participant",
}


def growth(
    per_size: dict[int, list[Result]],
    counts: dict[int, dict],
    sizes: Iterable[int] = GROWTH_SIZES,
    scale_point: int | None = SCALE_POINT,
) -> tuple[list[Result], list[dict]]:
    """For each benchmark measured at two or more of `sizes`: the exponent k fitted over them
    (target ≤ 1.1: time grows no faster than the rows it reads, 0.1 for noise) and each segment's;
    and at `scale_point` (data of its own shape) the time measured beside what the fit predicts."""
    sizes = [s for s in sizes if s in per_size]
    lines: dict[str, dict[int, tuple[float, float]]] = {}
    rows_kind: dict[str, str] = {}
    for size, results in per_size.items():
        for result in results:
            if result.value is None:
                continue
            name = result.name.replace(" p95 latency", "")
            kind = result.extra.get("rows") or ("documents" if "search" in name else "units")
            rows_kind[name] = kind
            rows = counts.get(size, {}).get(ROWS_OF[kind], 0)
            if rows > 0:
                lines.setdefault(name, {})[size] = (rows, result.value)
    out: list[Result] = []
    series: list[dict] = []
    for name, by_size in lines.items():
        points = [by_size[s] for s in sizes if s in by_size]
        if len(points) < 2 or any(b[0] <= a[0] for a, b in zip(points, points[1:], strict=False)):
            continue
        k, intercept = fit(points)
        steps = segments(points)
        rows = rows_kind[name]
        at = [s for s in sizes if s in by_size]
        measured = "; ".join(
            f"{s:,} units: {n:,} {rows}, {t:.1f} ms" for s, (n, t) in zip(at, points, strict=True)
        )
        parts = ", ".join(f"{a:,}→{b:,}: {step:.2f}" for a, b, step in zip(at, at[1:], steps, strict=False))
        out.append(
            Result(
                f"growth of “{name}” with the {rows}",
                round(k, 3),
                "exponent",
                GROWTH_LIMIT,
                None,
                f"fit ≤ {GROWTH_LIMIT}",
                k <= GROWTH_LIMIT,
                f"growth (time ∝ rows^k, fitted over {', '.join(f'{s:,}' for s in at)} units, one shape)",
                f"{measured}; segments {parts}",
                {"sizes": at, "points": points, "segments": [round(s, 3) for s in steps]},
                kind="absolute",
            )
        )
        entry: dict = {"name": name, "rows": rows, "sizes": at, "points": points, "k": round(k, 3)}
        if scale_point is not None and scale_point in by_size:
            n, t = by_size[scale_point]
            predicted = math.exp(intercept + k * math.log(n))
            out.append(
                Result(
                    f"“{name}” at {scale_point:,} units",
                    t,
                    "ms",
                    round(predicted, 1),
                    round(t / predicted, 3),
                    "",
                    None,
                    f"scale point: {scale_point:,} units, data of its own shape (not in the fit)",
                    f"{n:,} {rows}; the limit column is what the fit predicts for that many rows",
                    {"rows": n, "predicted_ms": round(predicted, 1)},
                    kind="info",
                )
            )
            entry["scale_point"] = [scale_point, n, t]
        series.append(entry)
    return out, series


# latest.md -------------------------------------------------------------------------------


def fmt(value, unit) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        text = f"{value:,.3f}" if abs(value) < 10 else f"{value:,.1f}"
    else:
        text = f"{value:,}"
    return f"{text} {unit}".strip()


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def table(results: list[Result]) -> list[str]:
    lines = [
        "| benchmark | value | limit | ratio | target | met | note |",
        "|---|---:|---:|---:|---|:-:|---|",
    ]
    for result in results:
        lines.append(
            "| {} | {} | {} | {} | {} | {} | {} |".format(
                _cell(result.name),
                fmt(result.value, result.unit),
                fmt(result.limit, result.unit),
                fmt(result.ratio, ""),
                _cell(result.target),
                {True: "✅", False: "❌", None: "—"}[result.met],
                _cell(result.note),
            )
        )
    return lines


def by_kind(results: list[Result]) -> dict[str, list[Result]]:
    grouped: dict[str, list[Result]] = {kind: [] for kind in KINDS}
    for result in results:
        grouped[kind_of(result)].append(result)
    return grouped


def markdown(results: list[Result], meta: dict) -> str:
    lines = [
        "# thidua benchmarks — latest run",
        "",
        f"Run {meta.get('finished', '?')} on {meta.get('machine', '?')}, {meta.get('minutes', 0):.1f} minutes"
        f"{' (BENCH_QUICK: short run)' if meta.get('quick') else ''}. Regenerate with `make bench`; "
        "see bench/README.md for what each line measures. Lines are grouped by kind: a ratio's limit is "
        "measured in the same run on the same machine; a reused value comes from an earlier run and is "
        "never counted as met.",
        "",
        headline(results),
    ]
    for kind, rows in by_kind(results).items():
        if not rows:
            continue
        lines += ["", f"## {KINDS[kind]}"]
        for group in dict.fromkeys(r.group for r in rows):  # groups in the order the run made them
            lines += ["", f"### {group or 'other'}", "", *table([r for r in rows if r.group == group])]
    lines += ["", "## data", ""]
    for name, info in meta.get("data", {}).items():
        lines.append(f"- **{name}**: {info}")
    lines += ["", "![growth](growth.svg)", ""]
    return "\n".join(lines)


# docs/scaling.md -------------------------------------------------------------------------

BEGIN = "<!-- bench:begin {} -->"
END = "<!-- bench:end {} -->"


def scaling_tables(results: list[Result], run: str) -> dict[str, str]:
    """The generated tables of docs/scaling.md, by marker name."""
    stamp = f"_Generated from bench/results/latest.json (run {run}) by `python -m bench.scaling_docs`; edit the reasoning around it, not this table._"
    grouped = by_kind(results)
    measured = [
        r
        for kind in ("ratio", "absolute", "check")
        for r in grouped[kind]
        if not r.group.startswith("growth")
    ]
    rows = ["| measure | group | value | against | target | met |", "|---|---|---:|---:|---|:-:|"]
    for r in measured:
        rows.append(
            f"| {_cell(r.name)} | {_cell(r.group)} | {fmt(r.value, r.unit)} | {fmt(r.limit, r.unit)} | "
            f"{_cell(r.target)} | {({True: '✅', False: '❌', None: '—'})[r.met]} |"
        )
    growth_rows = ["| benchmark | k (fit) | segments and points | met |", "|---|---:|---|:-:|"]
    for r in results:
        if r.group.startswith("growth"):
            growth_rows.append(
                f"| {_cell(r.name)} | {fmt(r.value, '')} | {_cell(r.note)} | {({True: '✅', False: '❌', None: '—'})[r.met]} |"
            )
        elif r.group.startswith("scale point"):
            growth_rows.append(
                f"| {_cell(r.name)} | | {fmt(r.value, r.unit)} measured, {fmt(r.limit, r.unit)} predicted by the fit "
                f"({_cell(r.note.split(';')[0])}) | — |"
            )
    reused = ["| value | from an earlier run | target (not counted) |", "|---|---:|---|"]
    for r in grouped["reused"]:
        reused.append(f"| {_cell(r.name)} | {fmt(r.value, r.unit)} | {_cell(r.target)} |")
    if not grouped["reused"]:
        reused = ["None: every value of this run was measured in it."]
    storage = ["| table | bytes per row | note |", "|---|---:|---|"]
    for r in results:
        if r.group.startswith("storage"):
            storage.append(f"| {_cell(r.name)} | {fmt(r.value, r.unit)} | {_cell(r.note)} |")
    officers = ["| units | officers served | runs (officers: met ✓ or missed ✗) |", "|---:|---:|---|"]
    for r in results:
        if r.group.startswith(OFFICERS_GROUP):
            officers.append(
                f"| {r.extra.get('units', 0):,} | {fmt(r.value, '')} | {_cell(r.note.split('runs: ')[-1])} |"
            )
    return {
        "measured": "\n".join([stamp, "", *rows]),
        "growth": "\n".join([stamp, "", *growth_rows]),
        "reused": "\n".join([stamp, "", *reused]),
        "storage": "\n".join([stamp, "", *storage]),
        "officers": "\n".join([stamp, "", *officers]),
    }


def replace_marked(text: str, tables: dict[str, str]) -> str:
    """`text` with what lies between each `<!-- bench:begin NAME -->` and its end marker replaced
    by the table NAME; a marker pair missing from the text is an error (the doc and the generator
    must agree)."""
    for name, body in tables.items():
        pattern = re.compile(re.escape(BEGIN.format(name)) + r".*?" + re.escape(END.format(name)), re.DOTALL)
        if not pattern.search(text):
            raise ValueError(f"docs/scaling.md has no {BEGIN.format(name)} … {END.format(name)}")
        text = pattern.sub(
            lambda _m, name=name, body=body: f"{BEGIN.format(name)}\n{body}\n{END.format(name)}", text
        )
    return text


def load(path: Path) -> tuple[list[Result], dict]:
    """latest.json: {"run": meta, "results": [...]} (or the former bare list of results)."""
    import json

    data = json.loads(path.read_text())
    meta, rows = ({}, data) if isinstance(data, list) else (data.get("run", {}), data["results"])
    return finalize(Result(**row) for row in rows), meta
