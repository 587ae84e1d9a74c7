"""The bench's report (bench/report.py): what it counts as met, how growth is fitted and what it
writes into docs/scaling.md. Pure functions: no database, no server."""

import pytest

from bench import report
from bench.common import Result, absolute_result, ratio_result


def _generation(seconds, reused):
    return Result(
        "generate 5,000 units (PostgreSQL)",
        seconds,
        "s",
        600,
        None,
        "< 600 s",
        seconds < 600,
        "data at scale",
        "reused: measured when the data was made" if reused else "",
        {"reused": reused},
    )


def test_a_value_reused_from_an_earlier_run_is_never_met():
    """An issue's words: “a reused value is never met”: 116 s to generate, kept from an earlier
    run, is listed with its target but counted neither met nor missed."""
    results = report.finalize([_generation(116.0, reused=True), _generation(90.0, reused=False)])
    assert [(r.kind, r.met) for r in results] == [("reused", None), ("absolute", True)]
    counts = report.tally(results)
    assert counts["reused"] == {"lines": 1, "met": 0, "missed": 0}
    assert counts["absolute"] == {"lines": 1, "met": 1, "missed": 0}


def test_the_headline_counts_ratio_targets_fixed_targets_and_checks_apart():
    results = report.finalize(
        [
            ratio_result("dashboard req/s", 90, 1900, "req/s", at_least=0.3, group="HTTP"),
            ratio_result("member roll-up", 120, 100, "ms", at_most=1.5, group="roll-ups"),
            absolute_result("dashboard p95 latency", 52.0, "ms", below=300, group="HTTP"),
            Result("session valid on B", 1.0, "pass", 1.0, 1.0, "passes", True, "two servers"),
            Result("5xx answers", 3, "responses", 0, None, "= 0", False, "soak"),
            _generation(928.0, reused=True),
            Result("dashboard built uncached", 633.0, "ms", group="roll-ups"),
        ]
    )
    assert [r.kind for r in results] == ["ratio", "ratio", "absolute", "check", "check", "reused", "info"]
    line = report.headline(results)
    assert "Same-run ratio targets: 1 of 2 met" in line
    assert "Targets against a fixed value: 1 of 1 met" in line
    assert "Checks: 1 of 2 passed" in line
    assert "1 values reused from earlier runs (not counted)" in line
    page = report.markdown(results, {"finished": "2026-12-05 22:00 UTC", "machine": "2 cores"})
    sections = [line for line in page.splitlines() if line.startswith("## ")]
    assert sections[:5] == [f"## {title}" for title in report.KINDS.values()]
    reused_part = page.split("## Values reused")[1].split("## Informational")[0]
    assert "generate 5,000 units" in reused_part and "✅" not in reused_part and "❌" not in reused_part


def _timed(name, ms, rows="members"):
    return Result(name, ms, "ms", extra={"rows": rows})


COUNTS = {
    1000: {"member": 100_000},
    5000: {"member": 500_000},
    20000: {"member": 2_000_000},
    50000: {"member": 1_000_000},
}


def test_growth_is_fitted_over_the_three_sizes_of_one_shape_and_each_segment_reported():
    """Linear from 1,000 to 5,000 units, then time ×16 for ×4 rows (k = 2) to 20,000: the fit
    over the three sizes misses (k > 1.1) and the note says which segment grew."""
    per_size = {
        1000: [_timed("member roll-up", 10.0)],
        5000: [_timed("member roll-up", 50.0)],
        20000: [_timed("member roll-up", 800.0)],
        50000: [_timed("member roll-up", 300.0)],
    }
    results, series = report.growth(per_size, COUNTS)
    fitted = next(r for r in results if r.name.startswith("growth"))
    assert fitted.extra["sizes"] == [1000, 5000, 20000]  # the 50,000-unit data is not in the fit
    assert fitted.extra["segments"] == pytest.approx([1.0, 2.0], abs=1e-3)
    assert fitted.value > report.GROWTH_LIMIT and fitted.met is False
    assert "1,000→5,000: 1.00, 5,000→20,000: 2.00" in fitted.note
    scale = next(r for r in results if r.name.endswith("at 50,000 units"))
    assert scale.kind == "info" and scale.met is None and scale.value == 300.0
    assert scale.extra["rows"] == 1_000_000 and scale.extra["predicted_ms"] > 0
    assert series[0]["points"] == [(100_000, 10.0), (500_000, 50.0), (2_000_000, 800.0)]


def test_growth_no_faster_than_the_rows_is_met():
    per_size = {
        1000: [_timed("member roll-up", 10.0)],
        5000: [_timed("member roll-up", 40.0)],
        20000: [_timed("member roll-up", 150.0)],
    }
    (fitted,), _ = report.growth(per_size, COUNTS)
    assert 0.8 < fitted.value < 1.0 and fitted.met is True


def test_the_scaling_doc_tables_are_replaced_between_their_markers_only():
    results = report.finalize(
        [
            ratio_result("dashboard req/s", 90.0, 1900.0, "req/s", at_least=0.3, group="HTTP"),
            _generation(116.0, reused=True),
            Result("bytes per row: organisations_member", 413.0, "B", group="storage (PostgreSQL)"),
        ]
    )
    tables = report.scaling_tables(results, "2026-12-05 22:00 UTC")
    doc = "\n".join(
        [
            "# Scaling",
            "Hand-written reasoning stays.",
            *(f"<!-- bench:begin {name} -->\nold table\n<!-- bench:end {name} -->" for name in tables),
            "More reasoning.",
        ]
    )
    updated = report.replace_marked(doc, tables)
    assert "old table" not in updated
    assert "Hand-written reasoning stays." in updated and updated.endswith("More reasoning.")
    assert "| dashboard req/s | HTTP | 90.0 req/s | 1,900.0 req/s | ratio ≥ 0.3 | ❌ |" in updated
    assert "| generate 5,000 units (PostgreSQL) | 116.0 s | < 600 s |" in updated
    assert "run 2026-12-05 22:00 UTC" in updated
    with pytest.raises(ValueError, match="bench:begin measured"):
        report.replace_marked("# Scaling without markers", tables)


def test_the_growth_chart_draws_each_fitted_line(tmp_path):
    from bench.suite import write_svg

    per_size = {
        1000: [_timed("member roll-up", 10.0)],
        5000: [_timed("member roll-up", 40.0)],
        20000: [_timed("member roll-up", 150.0)],
    }
    _, series = report.growth(per_size, COUNTS)
    write_svg(series, tmp_path / "growth.svg")
    svg = (tmp_path / "growth.svg").read_text()
    assert svg.count("<circle") == 3 and "member roll-up" in svg


def test_a_run_without_reused_values_says_so_instead_of_an_empty_table():
    results = report.finalize([_generation(116.0, reused=False)])
    reused = report.scaling_tables(results, "2026-12-06 09:46 UTC")["reused"]
    assert "None: every value of this run was measured in it." in reused and "| value |" not in reused


def test_a_failed_step_opens_the_headline_so_the_counts_do_not_read_as_complete():
    """A step that failed (the Excel import of 7/12/2026) left its ratio target out of "14 of 15
    met": the headline now says first that a step failed and its lines are not counted."""
    results = report.finalize(
        [
            ratio_result("member roll-up", 120, 100, "ms", at_most=1.5, group="roll-ups"),
            Result("Excel import", None, "", group=report.FAILED_GROUP, note="RuntimeError: exited 1"),
        ]
    )
    line = report.headline(results)
    assert line.startswith("**1 step(s) failed (Excel import): their lines are missing from the counts")
    assert "Same-run ratio targets: 1 of 1 met" in line
    assert report.headline(results[:1]).startswith("**Same-run ratio targets")
