"""The Excel import step's three processes on a small file: the file `make` writes is the one
the bare baseline and the app both read in full (the baseline once stopped at the first member
without a leaving date, so the import line of `make bench` failed)."""

from __future__ import annotations

import pytest

from bench.steps import member_import
from organisations.models import Member

pytestmark = pytest.mark.django_db


def test_the_baseline_and_the_app_read_every_row_the_bench_file_holds(province, tmp_path):
    path = tmp_path / "import.xlsx"
    member_import.make(str(path), 60)  # one member in 25 has left, with a date; the rest have none
    before = Member.objects.count()

    floor = member_import.baseline(str(path))
    imported = member_import.app(str(path))

    assert floor["rows"] == 60
    assert (imported["rows"], imported["imported"], imported["errors"]) == (60, 60, 0)
    assert member_import.read(str(path))["rows"] == 60
    assert Member.objects.count() == before  # both roll their rows back: the bench's data stays


def test_no_member_of_the_bench_file_leaves_before_joining(province, tmp_path):
    """The database refuses a leaving date before the joining date (member_left_after_joined), so
    the bare baseline's insert of the 100,000-row file failed at its 2,101st member, who joined in
    2026 and had left in 2024: the file's rows must be members the database can hold."""
    from openpyxl import load_workbook

    from organisations.imports.checking import HEADERS_VI

    path = tmp_path / "import.xlsx"
    member_import.make(str(path), 2200)
    sheet = load_workbook(path, read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(min_row=2, values_only=True, max_col=len(HEADERS_VI)))
    leavers = [(joined, left) for *_, joined, _status, left in rows if left is not None]
    assert len(leavers) == 88 and all(left >= joined for joined, left in leavers)

    assert member_import.baseline(str(path))["rows"] == 2200
