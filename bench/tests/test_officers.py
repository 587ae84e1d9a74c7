"""The "officers served" step's search and report (bench/http_steps/officers.py, bench/report.py):
pure functions, no database, no server."""

from bench import report
from bench.common import Result
from bench.http_steps.officers import largest_sustained, trial_outcome


def _server_holding(capacity: int):
    """A fake server that meets the line up to `capacity` officers, recording what was asked."""
    asked: list[int] = []

    def meets(n: int) -> bool:
        asked.append(n)
        return n <= capacity

    return meets, asked


def test_it_doubles_then_bisects_to_the_largest_number_that_met():
    meets, asked = _server_holding(57)
    best, trials = largest_sustained(meets)
    # 10, 20, 40 met and 80 missed; then bisected between 40 and 80 until the last that met (55)
    # and the first that missed (60) are within a tenth of 55
    assert asked[:4] == [10, 20, 40, 80]
    assert asked[4:] == [60, 50, 55]
    assert best == 55
    assert trials[-1] == (55, True)
    assert all(ok == (n <= 57) for n, ok in trials)


def test_it_stops_within_a_tenth_of_the_answer_at_large_numbers():
    meets, _ = _server_holding(700)
    best, trials = largest_sustained(meets)
    assert 700 - 70 <= best <= 700
    assert len(trials) <= 12


def test_when_ten_officers_already_miss_it_searches_below_ten():
    meets, asked = _server_holding(3)
    best, _ = largest_sustained(meets)
    assert asked[0] == 10 and best == 3


def test_no_officer_served_is_zero_not_a_guess():
    meets, _ = _server_holding(0)
    assert largest_sustained(meets)[0] == 0


def test_a_server_that_never_misses_reports_the_ceiling_it_was_tried_at():
    meets, asked = _server_holding(10_000)
    best, _ = largest_sustained(meets, ceiling=320)
    assert asked == [10, 20, 40, 80, 160, 320] and best == 320


def test_the_trial_budget_bounds_the_run():
    meets, asked = _server_holding(57)
    best, _ = largest_sustained(meets, max_trials=5)
    assert len(asked) == 5 and best == 40  # 10, 20, 40 met, 80 missed, 60 missed


def test_a_run_meets_only_with_p95_under_300_ms_and_no_error():
    fast = [0.05] * 99 + [0.2]
    assert trial_outcome({200: 100}, fast)[0] is True
    assert trial_outcome({200: 99, 302: 1}, fast)[0] is True
    assert trial_outcome({200: 99, 500: 1}, fast) == (False, 50.0, 1)
    assert trial_outcome({200: 99, 599: 1}, fast)[0] is False  # a failed connection
    assert trial_outcome({200: 99, 403: 1}, fast)[0] is False
    slow = [0.05] * 90 + [0.31] * 10
    assert trial_outcome({200: 100}, slow)[0] is False
    assert trial_outcome({}, [])[0] is False


def _served(units, value):
    return Result(
        f"officers served at {units:,} units",
        value,
        "officers",
        group="officers served (one app server)",
        note="largest number …; runs: 10✓ (p95 80 ms, 0 errors), 20✗ (p95 420 ms, 0 errors)",
        extra={"units": units},
        kind="info",
    )


def test_the_headline_names_the_officers_served_at_each_size():
    results = report.finalize([_served(5000, 120), _served(50000, 45)])
    line = report.headline(results)
    assert (
        "Officers served by one 2-core app server (p95 < 300 ms, no error): 120 at 5,000 units, 45 at 50,000 units."
        in line
    )
    table = report.scaling_tables(results, "2026-12-06 04:00 UTC")["officers"]
    assert "| 5,000 | 120 | 10✓ (p95 80 ms, 0 errors), 20✗ (p95 420 ms, 0 errors) |" in table
    assert "| 50,000 | 45 |" in table


def test_the_headline_says_nothing_of_officers_when_the_step_did_not_run():
    assert "Officers" not in report.headline(report.finalize([]))
