"""The figures cache's keys: a page's figures for one unit, in one language, are never shown for
another unit, another language, a moved unit or another page's parts."""

from types import SimpleNamespace

from django.utils import translation

from core.figures_cache import figures_key


def _unit(pk=7, path="0001.0007."):
    return SimpleNamespace(pk=pk, path=path)


def test_the_key_changes_with_the_language():
    with translation.override("vi"):
        vietnamese = figures_key("dashboard", _unit(), 2026, None)
    with translation.override("en"):
        english = figures_key("dashboard", _unit(), 2026, None)
    assert vietnamese != english


def test_the_key_changes_when_the_unit_moves_or_is_another():
    with translation.override("vi"):
        here = figures_key("campaign-overview", _unit(), 3)
        moved = figures_key("campaign-overview", _unit(path="0002.0007."), 3)
        other = figures_key("campaign-overview", _unit(pk=8, path="0001.0008."), 3)
    assert len({here, moved, other}) == 3


def test_the_key_changes_with_the_kind_and_every_part():
    with translation.override("vi"):
        keys = {
            figures_key("dashboard", _unit(), 2026, None),
            figures_key("dashboard", _unit(), 2025, None),
            figures_key("dashboard", _unit(), 2026, 3),
            figures_key("dashboard-html", _unit(), 2026, None, ""),
            figures_key("dashboard-html", _unit(), 2026, None, "cascade"),
            figures_key("campaign-overview", _unit(), 2026),
        }
    assert len(keys) == 6
