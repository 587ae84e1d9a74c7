"""A test that skips for a reason nobody allowed fails the run (core/testing/skips.py)."""

import pytest
from django.conf import settings

pytest_plugins = ["pytester"]

INNER_CONFTEST = 'pytest_plugins = ["core.testing.skips"]\n'


def run_inner(pytester, monkeypatch, test_source: str):
    """A separate pytest run (pytest-django cannot set up twice in one process), with the same
    settings and database engine as this run."""
    pytester.makeconftest(INNER_CONFTEST)
    pytester.makepyfile(test_source)
    monkeypatch.setenv("PYTHONPATH", str(settings.BASE_DIR))
    return pytester.runpytest_subprocess("-p", "no:cacheprovider", "-p", "no:django", "-p", "no:xdist")


def test_a_skip_whose_reason_is_not_allowed_fails_the_run(pytester, monkeypatch):
    result = run_inner(
        pytester,
        monkeypatch,
        """
import pytest

def test_silent():
    pytest.skip("documents has no types yet")
""",
    )
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(["*skips not allowed*", "*test_silent: documents has no types yet*"])


def test_a_postgresql_only_skip_is_allowed_on_sqlite_and_fails_on_postgresql(pytester, monkeypatch):
    from core.testing.skips import current_engine

    result = run_inner(
        pytester,
        monkeypatch,
        """
import pytest

def test_needs_postgresql():
    pytest.skip("needs PostgreSQL")
""",
    )
    expected = pytest.ExitCode.OK if current_engine() == "sqlite" else pytest.ExitCode.TESTS_FAILED
    assert result.ret == expected


def test_the_allowed_list_names_only_known_engines():
    from core.testing.skips import ALLOWED_FILE

    for line in ALLOWED_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            engine, bar, reason = line.partition("|")
            assert bar and reason.strip(), line
            assert engine.strip() in {"sqlite", "postgresql", "*"}, line


def test_this_run_has_the_guard(request):
    """The root conftest registers it (a second `pytest_plugins` assignment once replaced the first)."""
    assert request.config.pluginmanager.has_plugin("core.testing.skips")
