"""Every Excel download the system offers, produced with hostile names in the data and scanned
cell by cell: no cell is a formula, and the hostile text reads back verbatim (issue 13, finding 5).

A new export is one entry in EXPORTS (its URL name and how to download it). A view that answers
an .xlsx and has no entry fails `test_every_view_that_answers_an_xlsx_is_listed`."""

from __future__ import annotations

import inspect
import io
import re
import zipfile

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from openpyxl import load_workbook

from accounts.models import Role
from accounts.testing import user_with_role
from awards.models import AwardRecord
from core.spreadsheets import FORMULA_TRIGGERS, XLSX_CONTENT_TYPE, WorkbookWriter
from organisations.models import Member, Unit
from reports import selectors as report_selectors
from reports.models import ReportJob
from reports.tests import world as worlds

HOSTILE = [
    '=HYPERLINK("http://x","y")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "\t=1+1",
    "\r=2+2",
]


def _dashboard_tables(client, world) -> list[tuple[str, bytes]]:
    """Every per-figure download the dashboard links to."""
    page = client.get(f"/bao-cao/?unit={world.province.pk}&year={worlds.YEAR}").content.decode()
    links = sorted(set(re.findall(r'href="(/bao-cao/bang\.xlsx\?[^"]+)"', page)))
    assert len(links) >= 5, "the dashboard should link to the Excel of each of its figures"
    return [(link, client.get(link.replace("&amp;", "&"))) for link in links]


def _records(client, world) -> list:
    return [
        (kind, client.get(f"/bao-cao/chi-tiet/{kind}/?unit={world.province.pk}&export=xlsx"))
        for kind in report_selectors.record_kinds()
    ]


def _review(client, world) -> list:
    client.post(
        "/bao-cao/so-ket-tong-ket/tao/",
        {
            "unit": world.province.pk,
            "date_from": f"{worlds.YEAR}-01-01",
            "date_to": f"{worlds.YEAR}-12-31",
            "kind": "final",
            "format": "xlsx",
        },
    )
    job = ReportJob.objects.get(format=ReportJob.Format.XLSX)
    return [("review", client.get(f"/bao-cao/so-ket-tong-ket/{job.pk}/tai-ve/"))]


def _members(client, world) -> list:
    return [
        ("members", client.get(f"/to-chuc/doan-vien/?unit={world.grassroots[0].pk}&export=xlsx")),
        ("members, all", client.get("/to-chuc/doan-vien/?export=xlsx")),
    ]


def _import_template(client, world) -> list:
    # a unit without members of its own: the guide names it (the unit column is asked for)
    unit = world.province.pk
    return [("import template", client.get(f"/to-chuc/don-vi/{unit}/nhap-doan-vien/mau.xlsx"))]


def _award_history(client, world) -> list:
    return [("history", client.get("/khen-thuong/lich-su/?export=xlsx"))]


def _award_member(client, world) -> list:
    record = AwardRecord.objects.filter(member__isnull=False).first()
    return [("member history", client.get(f"/khen-thuong/lich-su/doan-vien/{record.member_id}/?export=xlsx"))]


def _award_unit(client, world) -> list:
    record = AwardRecord.objects.filter(unit__isnull=False).first()
    return [("unit history", client.get(f"/khen-thuong/lich-su/don-vi/{record.unit_id}/?export=xlsx"))]


# URL name -> how to download every workbook that view offers (list of (label, response)).
EXPORTS = {
    "reports:table_xlsx": _dashboard_tables,
    "reports:records": _records,
    "reports:job_download": _review,
    "organisations:member_list": _members,
    "organisations:member_import_template": _import_template,
    "awards:history": _award_history,
    "awards:member_history": _award_member,
    "awards:unit_history": _award_unit,
}


@pytest.fixture
def hostile_world(db):
    world = worlds.build(seed=13, units=12)
    for i, unit in enumerate(Unit.objects.filter(path__startswith=world.province.path).order_by("path")):
        Unit.objects.filter(pk=unit.pk).update(
            name=f"{HOSTILE[i % len(HOSTILE)]} {unit.pk}" if i else HOSTILE[0]
        )
    for i, member in enumerate(Member.objects.order_by("pk")):
        Member.objects.filter(pk=member.pk).update(
            full_name=HOSTILE[i % len(HOSTILE)], position=HOSTILE[(i + 1) % len(HOSTILE)]
        )
    for i, record in enumerate(AwardRecord.objects.order_by("pk")):
        AwardRecord.objects.filter(pk=record.pk).update(decision_ref=HOSTILE[i % len(HOSTILE)])
    world.province.refresh_from_db()
    return world


def _cells(content: bytes):
    book = load_workbook(io.BytesIO(content))
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            yield from row


def _raw_formulas(content: bytes) -> list[str]:
    """<f> elements in the sheets' XML, whatever openpyxl makes of them."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return [
            name
            for name in archive.namelist()
            if name.startswith("xl/worksheets/") and re.search(rb"<(\w+:)?f[ >]", archive.read(name))
        ]


def test_every_export_writes_hostile_text_as_text(hostile_world, client_as):
    client = client_as(user_with_role(Role.ADMIN, hostile_world.province, username="xuat"))
    seen: set[str] = set()
    produced = 0
    for name, download in EXPORTS.items():
        for label, response in download(client, hostile_world):
            where = f"{name} ({label})"
            assert response.status_code == 200, where
            assert response["Content-Type"] == XLSX_CONTENT_TYPE, where
            content = b"".join(response.streaming_content) if response.streaming else response.content
            produced += 1
            assert _raw_formulas(content) == [], where
            texts = []
            for cell in _cells(content):
                assert cell.data_type != "f", f"{where}: {cell.coordinate} is a formula: {cell.value!r}"
                if isinstance(cell.value, str):
                    texts.append(cell.value)
            found = {h for h in HOSTILE if any(h in text for text in texts)}
            assert found, f"{where}: none of the hostile names came back verbatim"
            seen |= found
    assert seen == set(HOSTILE)
    assert produced >= len(EXPORTS) + 10


def _patterns(resolvers, prefix=""):
    for entry in resolvers:
        if isinstance(entry, URLResolver):
            namespace = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            yield from _patterns(entry.url_patterns, namespace)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{prefix}{entry.name}", entry.callback


def _answers_xlsx(view) -> bool:
    """The view's own code (decorators unwrapped) offers an .xlsx download or a stored report file
    that may be one."""
    view = inspect.unwrap(view)
    try:
        source = inspect.getsource(view)
    except (OSError, TypeError):
        return False
    # a view that hands its answer to a helper of its own module (a shared download) is read with it
    module = inspect.getmodule(view)
    for name in set(re.findall(r"\b(_\w+)\(", source)):
        helper = getattr(module, name, None)
        if inspect.isfunction(helper) and inspect.getmodule(helper) is module:
            source += inspect.getsource(helper)
    return bool(re.search(r"xlsx|XLSX|spreadsheetml|ReportJob|workbook", source))


def test_every_view_that_answers_an_xlsx_is_listed():
    exporting = {name for name, view in _patterns(get_resolver().url_patterns) if _answers_xlsx(view)}
    # views that only mention Excel (an upload form, a format picker) but never answer a workbook
    not_exports = {
        "reports:index",
        "reports:generate",
        "reports:job",
        "awards:history_import",
        "organisations:member_import",
    }
    assert exporting - not_exports == set(EXPORTS), (
        "a view answers an .xlsx: add it to EXPORTS so its cells are scanned for formulas"
    )


def test_the_writer_keeps_numbers_numbers_and_text_text():
    writer = WorkbookWriter(write_only=True)
    sheet = writer.sheet("x")
    writer.append(sheet, [-5, 1.5, "-5", "=1+1", "Nguyễn Văn A", None])
    row = next(load_workbook(io.BytesIO(writer.save())).active.iter_rows())
    assert [c.value for c in row[:5]] == [-5, 1.5, "-5", "=1+1", "Nguyễn Văn A"]
    assert [c.data_type for c in row[:5]] == ["n", "n", "s", "s", "s"]
    assert row[3].quotePrefix and not row[4].quotePrefix
    assert all(t.startswith(FORMULA_TRIGGERS) for t in HOSTILE)


def test_no_code_outside_the_writer_creates_a_workbook():
    """One writer: openpyxl's Workbook is used only in core/spreadsheets.py (and by the bench, the
    tests' helpers and the install test's checker, which build input files)."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    offenders = []
    for path in root.rglob("*.py"):
        relative = path.relative_to(root).as_posix()
        if (
            relative.startswith((".venv/", "bench/", "core/testing/", "deploy/check_install/"))
            or "/tests/" in relative
            or relative == "core/spreadsheets.py"
        ):
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"\bWorkbook\(|WriteOnlyCell|from openpyxl import .*\bWorkbook\b", text):
            offenders.append(relative)
    assert offenders == []
