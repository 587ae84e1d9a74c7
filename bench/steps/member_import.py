"""The Excel import of members, in three modes run as separate processes (so each one's peak
memory is its own):

  make FILE N      write a workbook of N new members of the province's grassroots unions
  app FILE         organisations.imports.check_member_file + apply_member_import (rolled back)
  read FILE        openpyxl in read-only mode reading every row and doing nothing
  baseline FILE    the floor the import is held to (issue 20): the same bare read plus a plain
                   `Member.objects.bulk_create` of the same rows (rolled back), the values
                   turned into the model's with one dictionary look-up each and no checks
  profile FILE OUT the app mode under cProfile, the top functions written to OUT

Each prints one JSON line.
"""

from __future__ import annotations

import json
import sys
import time


def make(path: str, rows: int) -> None:
    from bench.common import setup_django

    setup_django()
    import datetime as dt
    import random

    from openpyxl import Workbook

    from organisations.imports import HEADERS_VI
    from organisations.models import Unit

    rng = random.Random(7)
    units = list(
        Unit.objects.filter(
            path__startswith=Unit.objects.get(code="LDLD-CB").path,
            unit_type__may_have_members=True,
            valid_to__isnull=True,
        )
        .order_by("pk")
        .values_list("code", flat=True)
    )
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Đoàn viên")
    columns = list(HEADERS_VI)  # the import's own columns, in its order
    sheet.append([HEADERS_VI[c] for c in columns])
    families = ["Nông", "Hoàng", "Bế", "Lục", "Đàm", "Triệu", "Nguyễn", "Lý", "Giàng", "Bàn"]
    given = ["Văn Hùng", "Thị Lan", "Đức Minh", "Thị Hương", "Văn Thắng", "Ngọc Mai", "Quốc Dũng", "Thu Hà"]
    categories = ["Cán bộ", "Công chức", "Viên chức", "Người lao động", "Người lao động"]
    for index in range(rows):
        birth = dt.date(1965 + rng.randrange(38), 1 + rng.randrange(12), 1 + rng.randrange(28))
        joined = birth.replace(year=birth.year + 20 + rng.randrange(5))
        # one member in 25 no longer active, with the date they left, never before they joined
        # (the status column empty: active)
        status, left_on = (
            ("Đã nghỉ hưu", max(dt.date(2024, 1 + rng.randrange(12), 1), joined))
            if index % 25 == 0
            else ("", None)
        )
        sheet.append(
            [
                f"IMP{index + 1:07d}",
                f"{rng.choice(families)} {rng.choice(given)}",
                rng.choice(["Nam", "Nữ"]),
                birth.strftime("%d/%m/%Y"),
                rng.choice(["Tày", "Nùng", "Kinh", "H'Mông", "Dao"]),
                "Công nhân",
                rng.choice(categories),
                units[index % len(units)],
                joined,
                status,
                left_on,
            ]
        )
    workbook.save(path)
    print(json.dumps({"rows": rows, "units": len(units)}))


def app(path: str) -> dict:
    from bench.common import setup_django

    setup_django()
    from django.core.files import File
    from django.db import transaction

    from organisations.imports import apply_member_import, check_member_file
    from organisations.models import Unit

    province = Unit.objects.get(code="LDLD-CB")
    started = time.perf_counter()
    with open(path, "rb") as handle:
        checked = check_member_file(File(handle, name="doan-vien.xlsx"), province)
    checked_at = time.perf_counter()
    with transaction.atomic():
        count = apply_member_import(checked.rows)
        applied_at = time.perf_counter()
        transaction.set_rollback(True)  # the bench's data stays as generated
    return {
        "seconds": applied_at - started,
        "check_seconds": checked_at - started,
        "apply_seconds": applied_at - checked_at,
        "rows": checked.row_count,
        "imported": count,
        "errors": len(checked.errors),
    }


def read(path: str) -> dict:
    from openpyxl import load_workbook

    started = time.perf_counter()
    workbook = load_workbook(path, read_only=True, data_only=True)
    rows = 0
    for _values in workbook.worksheets[0].iter_rows(values_only=True):
        rows += 1
    workbook.close()
    return {"seconds": time.perf_counter() - started, "rows": rows - 1}


def baseline(path: str) -> dict:
    from bench.common import setup_django

    setup_django()
    import datetime as dt

    from django.db import transaction
    from openpyxl import load_workbook

    from core.text import fold
    from organisations.imports.checking import CATEGORIES, GENDERS, HEADERS_VI, STATUSES
    from organisations.models import Member, Unit

    started = time.perf_counter()
    units = dict(Unit.objects.filter(valid_to__isnull=True).values_list("code", "pk"))
    workbook = load_workbook(path, read_only=True, data_only=True)
    members = []
    # every row as wide as the headers: a file written row by row carries no size, and
    # openpyxl then gives a row without its trailing empty cells (no leaving date: 10 values)
    rows = workbook.worksheets[0].iter_rows(values_only=True, max_col=len(HEADERS_VI))
    next(rows)  # the headers
    for (
        code,
        full_name,
        gender,
        birth,
        ethnicity,
        position,
        category,
        unit_code,
        joined,
        status,
        left,
    ) in rows:
        members.append(
            Member(
                code=code,
                full_name=full_name,
                gender=GENDERS[fold(gender)],
                birth_date=dt.datetime.strptime(birth, "%d/%m/%Y").date(),
                ethnicity=ethnicity,
                position=position,
                category=CATEGORIES[fold(category)],
                unit_id=units[unit_code],
                joined_on=joined.date() if isinstance(joined, dt.datetime) else joined,
                status=STATUSES[fold(status)] if status else "active",
                left_on=left.date() if isinstance(left, dt.datetime) else left,
            )
        )
    workbook.close()
    read_at = time.perf_counter()
    with transaction.atomic():
        Member.objects.bulk_create(members, batch_size=2000)
        inserted_at = time.perf_counter()
        transaction.set_rollback(True)  # the bench's data stays as generated
    return {
        "seconds": inserted_at - started,
        "read_seconds": read_at - started,
        "insert_seconds": inserted_at - read_at,
        "rows": len(members),
    }


def profile(path: str, out: str) -> dict:
    import cProfile
    import io
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    result = app(path)
    profiler.disable()
    buffer = io.StringIO()
    stats = pstats.Stats(profiler, stream=buffer).sort_stats("cumulative")
    stats.print_stats(45)
    buffer.write("\n--- by own time ---\n")
    stats.sort_stats("tottime").print_stats(30)
    with open(out, "w") as handle:
        handle.write(buffer.getvalue())
    return result


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "make":
        make(sys.argv[2], int(sys.argv[3]))
    elif mode == "app":
        print(json.dumps(app(sys.argv[2])))
    elif mode == "read":
        print(json.dumps(read(sys.argv[2])))
    elif mode == "baseline":
        print(json.dumps(baseline(sys.argv[2])))
    elif mode == "profile":
        print(json.dumps(profile(sys.argv[2], sys.argv[3])))
