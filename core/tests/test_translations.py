"""Every user-facing string has a Vietnamese translation: the catalogues are regenerated from
the code in a scratch copy and must have no untranslated or fuzzy entry."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = ["core", "accounts", "organisations", "documents", "campaigns", "awards", "publishing", "reports"]


def _statistics(po: Path) -> tuple[int, int, int]:
    result = subprocess.run(
        ["msgfmt", "--statistics", "-o", os.devnull, str(po)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "LC_ALL": "C"},
    )
    text = result.stderr
    numbers = {kind: int(n) for n, kind in re.findall(r"(\d+) (translated|fuzzy|untranslated)", text)}
    return numbers.get("translated", 0), numbers.get("fuzzy", 0), numbers.get("untranslated", 0)


def _apps_with_strings():
    for app in APPS:
        if (ROOT / app).is_dir() and any((ROOT / app).rglob("*.html")) or (ROOT / app / "locale").is_dir():
            yield app


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext is installed by make install")
@pytest.mark.parametrize("app", list(_apps_with_strings()))
def test_every_string_of_the_app_is_translated_to_vietnamese(app, tmp_path):
    copy = tmp_path / app
    shutil.copytree(ROOT / app, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo", "tests"))
    (copy / "locale").mkdir(exist_ok=True)
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "makemessages", "-l", "vi", "--no-obsolete", "-v", "0"],
        cwd=copy,
        check=True,
        capture_output=True,
    )
    po = copy / "locale" / "vi" / "LC_MESSAGES" / "django.po"
    if not po.exists():
        return  # the app has no user-facing strings
    translated, fuzzy, untranslated = _statistics(po)
    missing = []
    if fuzzy or untranslated:
        block = po.read_text()
        missing = re.findall(r'#, fuzzy\n(?:#.*\n)*msgid "(.*)"|msgid "(.+)"\nmsgstr ""\n\n', block)
    assert (fuzzy, untranslated) == (0, 0), (
        f"{app}: {untranslated} untranslated, {fuzzy} fuzzy: {missing[:20]}"
    )
