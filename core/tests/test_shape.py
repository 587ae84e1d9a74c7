"""The shape rule (docs/architecture.md): a module past about 500 lines becomes a package by concept;
data modules (tables of data, no logic) are exempt."""

import ast
import re
from collections import defaultdict
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


# No hand-written block of six or more lines stands twice (docs/architecture.md, "One place for each
# block"): Python outside tests and migrations, imports, blank lines, comments and lone brackets aside.
BLOCK = 6
BRACKETS = re.compile(r"[\[\](){}:,;]*")


def _code_lines(path: Path) -> list[tuple[int, str]]:
    text = path.read_text(encoding="utf-8")
    imports: set[int] = set()
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import | ast.ImportFrom):
            imports.update(range(node.lineno, (node.end_lineno or node.lineno) + 1))
    lines = []
    for number, line in enumerate(text.splitlines(), 1):
        folded = " ".join(line.split())
        if number in imports or not folded or folded.startswith("#") or BRACKETS.fullmatch(folded):
            continue
        lines.append((number, folded))
    return lines


def repeated_blocks(root: Path, size: int = BLOCK) -> list[str]:
    """Each block of `size` code lines that stands in two places (`file:line ~ file:line`)."""
    places: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root)
        if any(part.startswith(".") or part in SKIPPED for part in relative.parts):
            continue
        if relative.name.startswith("test_") or relative.name == "conftest.py":
            continue
        lines = _code_lines(path)
        for start in range(len(lines) - size + 1):
            block = "\n".join(text for _number, text in lines[start : start + size])
            places[block].append((relative.as_posix(), lines[start][0]))
    found = []
    for where in places.values():
        # two places in one file count once they no longer overlap
        pairs = [
            (a, b) for a, b in zip(where, where[1:], strict=False) if a[0] != b[0] or b[1] - a[1] >= size
        ]
        found += [f"{a[0]}:{a[1]} ~ {b[0]}:{b[1]}" for a, b in pairs]
    return sorted(found)


def test_no_block_of_six_lines_is_written_twice():
    assert repeated_blocks(Path(settings.BASE_DIR)) == []


def test_a_repeated_block_is_found_and_imports_are_not(tmp_path):
    block = "".join(f"total += {n}\n" for n in range(6))
    imports = "from x import (\n" + "".join(f"    name_{n},\n" for n in range(8)) + ")\n"
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "a.py").write_text(imports + "total = 0\n" + block)
    (tmp_path / "app" / "b.py").write_text(imports + "# the same sums\n\n" + block + "done = True\n")
    (tmp_path / "app" / "tests").mkdir()
    (tmp_path / "app" / "tests" / "test_a.py").write_text(block)
    assert repeated_blocks(tmp_path) == ["app/a.py:12 ~ app/b.py:13"]
