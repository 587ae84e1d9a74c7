"""The shape rule (docs/architecture.md): a module past about 500 lines becomes a package by concept;
data modules (tables of data, no logic) are exempt."""

import re
from pathlib import Path

from django.conf import settings

LIMIT = 600  # "about 500": a module this long has waited too long to be split
DATA_MODULES = {"publishing/demo_texts.py"}
SKIPPED = {"tests", "migrations", "node_modules", "static_root", "media"}  # and hidden directories (.venv)


def long_modules(root: Path, limit: int = LIMIT) -> list[str]:
    """Every Python module of the project outside tests and migrations longer than `limit` lines."""
    found = []
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root)
        if any(part.startswith(".") or part in SKIPPED for part in relative.parts):
            continue
        if relative.as_posix() in DATA_MODULES:
            continue
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > limit:
            found.append(f"{relative.as_posix()} ({lines} lines)")
    return found


def test_no_hand_written_module_is_past_the_size_of_a_package():
    assert long_modules(Path(settings.BASE_DIR)) == []


def test_a_long_module_is_found(tmp_path):
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "services.py").write_text("x = 1\n" * 20)
    (tmp_path / "app" / "tests").mkdir()
    (tmp_path / "app" / "tests" / "test_long.py").write_text("x = 1\n" * 20)
    (tmp_path / "publishing").mkdir()
    (tmp_path / "publishing" / "demo_texts.py").write_text("x = 1\n" * 20)
    assert long_modules(tmp_path, limit=10) == ["app/services.py (20 lines)"]


# A file outside the repository (the briefs' notes beside it) is not there for a reader of the repository.
OUTSIDE = re.compile(r"\.\./" + r"shared|(?<![\w/.-])" + "shared/|AWARD" + r"-LAW|(?<![\w/])AWARDS\.md")
TEXT_SUFFIXES = {".py", ".md", ".json", ".html", ".txt", ".po", ".toml", ".yml", ".yaml", ".cfg", ".ini"}


def citations_outside(root: Path) -> list[str]:
    found = []
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if any(part.startswith(".") or part in SKIPPED for part in relative.parts[:-1]):
            continue
        if path.suffix not in TEXT_SUFFIXES or not path.is_file():
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            if OUTSIDE.search(line):
                found.append(f"{relative.as_posix()}:{number}")
    return found


def test_nothing_cites_a_file_outside_the_repository():
    assert citations_outside(Path(settings.BASE_DIR)) == []


def test_a_citation_outside_is_found(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "rules.md").write_text(
        "See ../" + "shared/AWARD" + "-LAW.md.\nSee docs/awards.md.\n"
    )
    (tmp_path / "awards").mkdir()
    (tmp_path / "awards" / "data.py").write_text('NOTE = "theo AWARDS' + '.md"\n')
    assert citations_outside(tmp_path) == ["awards/data.py:1", "docs/rules.md:1"]
