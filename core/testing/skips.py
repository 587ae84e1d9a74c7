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


# A test that cannot touch the database (no `django_db` mark, no database fixture among the fixtures
# it uses) does the same on every engine: it runs once per CI run, on SQLite; on another engine it
# would only do the same work again (the plan reader's corpus, its scans and layouts, the text and
# chart helpers). Tests that reach the database through a fixture keep running on both.
DATABASE_FREE = "never touches the database: runs once per CI run, on SQLite"
DATABASE_FIXTURES = {
    "db",
    "transactional_db",
    "django_db_reset_sequences",
    "django_db_serialized_rollback",
    "live_server",
}


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    if current_engine() == "sqlite":
        return
    mark = pytest.mark.skip(reason=DATABASE_FREE)
    for item in items:
        if item.get_closest_marker("django_db") is None and not DATABASE_FIXTURES & set(
            getattr(item, "fixturenames", ())
        ):
            item.add_marker(mark)
