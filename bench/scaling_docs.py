"""Rewrite the generated tables of docs/scaling.md from bench/results/latest.json: what lies
between each `<!-- bench:begin NAME -->` and `<!-- bench:end NAME -->` (the reasoning around
them is written by hand). Run by `make bench` at the end of the suite; alone:
`.venv/bin/python -m bench.scaling_docs [latest.json] [scaling.md]`."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from bench.common import RESULTS, ROOT
from bench.report import load, replace_marked, scaling_tables


def update(latest: Path = RESULTS / "latest.json", doc: Path = ROOT / "docs" / "scaling.md") -> None:
    results, meta = load(latest)
    run = meta.get("finished") or _run_of(latest.with_name("latest.md"))
    doc.write_text(replace_marked(doc.read_text(), scaling_tables(results, run)))


def _run_of(markdown: Path) -> str:
    """The date latest.md gives its run (a latest.json of before the run was recorded in it)."""
    found = (
        re.search(r"^Run (\d{4}-\d\d-\d\d \d\d:\d\d UTC)", markdown.read_text(), re.M)
        if markdown.exists()
        else None
    )
    return found.group(1) if found else "of unrecorded date"


if __name__ == "__main__":
    update(*(Path(arg) for arg in sys.argv[1:3]))
