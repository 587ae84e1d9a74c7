"""A skipped test is a failure unless its reason is allowed for the database engine in use.

A test that skips silently hides the very hole it was written to catch (a fault test once skipped
because an earlier transactional test had emptied its data). The allowed reasons live in
`core/testing/allowed_skips.txt`, one `<engine> | <reason>` per line; any other skip fails the run
with a list of what skipped and why.
"""

from pathlib import Path

import pytest

ALLOWED_FILE = Path(__file__).with_name("allowed_skips.txt")


def allowed_reasons(engine: str) -> set[str]:
    reasons = set()
    for raw in ALLOWED_FILE.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        line_engine, _, reason = (part.strip() for part in line.partition("|"))
        if line_engine in (engine, "*"):
            reasons.add(reason)
    return reasons


def current_engine() -> str:
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"]
    return "postgresql" if "postgresql" in engine else "sqlite" if "sqlite" in engine else engine


def skip_reason(report) -> str:
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        reason = longrepr[2]
    else:
        reason = str(longrepr)
    return reason.removeprefix("Skipped: ").strip()


class SkipGuard:
    def __init__(self):
        self.unexpected: list[tuple[str, str]] = []
        self._allowed: set[str] | None = None

    def allowed(self) -> set[str]:
        if self._allowed is None:
            self._allowed = allowed_reasons(current_engine())
        return self._allowed

    @pytest.hookimpl(trylast=True)
    def pytest_runtest_logreport(self, report):
        if report.skipped and not hasattr(report, "wasxfail"):
            reason = skip_reason(report)
            if reason not in self.allowed():
                self.unexpected.append((report.nodeid, reason))

    def pytest_sessionfinish(self, session):
        if self.unexpected and session.exitstatus in (0, pytest.ExitCode.NO_TESTS_COLLECTED):
            session.exitstatus = pytest.ExitCode.TESTS_FAILED

    def pytest_terminal_summary(self, terminalreporter):
        if not self.unexpected:
            return
        terminalreporter.section("skips not allowed", red=True)
        terminalreporter.write_line(
            f"{len(self.unexpected)} test(s) skipped for a reason not in {ALLOWED_FILE.name} "
            f"for engine {current_engine()}:",
            red=True,
        )
        for nodeid, reason in self.unexpected:
            terminalreporter.write_line(f"  {nodeid}: {reason}")


def pytest_configure(config):
    # Under xdist the controller sees every worker's reports; a worker must not judge alone.
    if not hasattr(config, "workerinput"):
        config.pluginmanager.register(SkipGuard(), "thidua-skip-guard")


# What reads files and never the database (the plan reader's corpus, its scans and layouts) runs once
# per CI run, on SQLite: on PostgreSQL it would only read the same files again.
FILES_ONLY = "reads files, not the database: runs once per CI run, on SQLite"


def files_only():
    """The mark of a module whose tests never touch the database (see FILES_ONLY)."""
    import pytest
    from django.db import connection

    return pytest.mark.skipif(connection.vendor != "sqlite", reason=FILES_ONLY)
