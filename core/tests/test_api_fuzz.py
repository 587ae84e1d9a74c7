"""Fuzzing: the API against its own OpenAPI document (schemathesis), the Excel member import
with random workbooks, and the Vietnamese folding that search rests on (hypothesis)."""

import datetime as dt
import io
import os
import unicodedata

import pytest
from django.core import signals
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import close_old_connections, transaction
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from accounts.models import ApiToken
from core.tests import authz
from core.text import fold
from organisations.imports import HEADERS_VI, ImportCheck, check_member_file
from organisations.models import Member, Unit

FUZZ_EXAMPLES = int(os.environ.get("THIDUA_FUZZ_EXAMPLES", "8"))
QUIET = settings(
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
    phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink],
)


# The API against its OpenAPI document -----------------------------------------------------


@pytest.fixture
def world(tree):
    return authz.build_world(tree)


@pytest.mark.parametrize(
    "role, examples", [(authz.ADMIN, FUZZ_EXAMPLES), (authz.VIEWER, max(2, FUZZ_EXAMPLES // 3))]
)
def test_no_api_operation_answers_a_server_error(world, role, examples):
    """Every operation, with requests generated from its schema (valid and invalid), as an
    administrator (who gets deepest) and as a viewer: never a 5xx."""
    import schemathesis
    from django.core.wsgi import get_wsgi_application

    # as Django's test client does: the test's transaction must outlive each request
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        _fuzz_every_operation(world, role, examples, get_wsgi_application(), schemathesis)
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def _fuzz_every_operation(world, role, examples, app, schemathesis):
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    headers = {"Authorization": f"Bearer {ApiToken.issue(world.users[role], 'fuzz')[1]}"}
    failures = []
    operations = [result.ok() for result in schema.get_all_operations()]
    assert operations, "the OpenAPI document lists no operation"

    def fuzz(operation):
        @settings(QUIET, max_examples=examples, phases=[Phase.explicit, Phase.generate])
        @given(case=operation.as_strategy())
        def call(case):
            with transaction.atomic():  # every call sees the same world
                response = case.call(headers=headers)
                transaction.set_rollback(True)
            if response.status_code >= 500:
                failures.append(
                    f"{operation.label}: {response.status_code} for {case.path_parameters} "
                    f"{case.query} {str(case.body)[:200]}"
                )

        call()

    for operation in operations:
        fuzz(operation)
    assert not failures, "server errors:\n  " + "\n  ".join(sorted(set(failures))[:40])


# The member import with random workbooks ------------------------------------------------------


def _legal(text: str) -> bool:
    # openpyxl (and Excel) cannot hold control characters in cells
    return not any(unicodedata.category(ch) == "Cc" and ch not in "\t\n\r" for ch in text)


texts = st.text(max_size=40).filter(_legal)
cell_values = st.one_of(
    st.none(),
    st.just(""),
    texts,
    texts.map(lambda t: unicodedata.normalize("NFD", t)),
    st.text(alphabet="ăâđêôơưáàảãạĂÂĐÊÔƠƯ ", min_size=300, max_size=3000),  # very long
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2200, 12, 31)),
    st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2100, 1, 1)),
    st.sampled_from(
        ["=1+1", "=A1", "=SUM(A:A)", "=1/0", '=HYPERLINK("http://x","y")', "=NOW()", "'=cmd|' /C calc'!A0"]
    ),
    st.sampled_from(
        [
            "Nam",
            "Nữ",
            "nu",
            "NỮ",
            "Cán bộ",
            "Viên chức",
            "12/03/1985",
            "31/02/1990",
            "1985-03-12",
            "01.01.1900",
            "CS-A1",
            "CS-B1",
            "LDLD-HOAAN",
            "  CS-A1  ",
        ]
    ),
)
headers = st.one_of(
    st.just(list(HEADERS_VI.values())),
    st.just([unicodedata.normalize("NFD", h).upper() for h in HEADERS_VI.values()]),
    st.permutations(list(HEADERS_VI.values())),
    st.lists(st.one_of(st.sampled_from(list(HEADERS_VI.values())), texts, st.none()), max_size=12),
)


def workbook_bytes(header, rows) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def assert_checked_or_refused(content: bytes, unit: Unit) -> ImportCheck | None:
    try:
        result = check_member_file(SimpleUploadedFile("doan-vien.xlsx", content), unit)
    except ValidationError as exc:
        assert exc.messages and all(isinstance(m, str) and m for m in exc.messages)
        return None
    assert isinstance(result, ImportCheck)
    for error in result.errors:
        assert error.row >= 2 and error.message
    for member in result.members:
        # what the check accepts, the database takes: lengths, choices, dates
        member.clean_fields(exclude=["search_text"])
        assert member.unit.path.startswith(unit.path)
    return result


@settings(QUIET, max_examples=max(40, FUZZ_EXAMPLES * 4))
@given(header=headers, rows=st.lists(st.lists(cell_values, max_size=11), max_size=8))
def test_any_workbook_is_checked_or_refused_with_a_message(tree, header, rows):
    assert_checked_or_refused(workbook_bytes(header, rows), tree.district_a)


@settings(QUIET, max_examples=max(20, FUZZ_EXAMPLES * 2))
@given(
    content=st.one_of(
        st.binary(max_size=3000),
        st.binary(max_size=200).map(lambda b: b"PK\x03\x04" + b),
        st.integers(min_value=1, max_value=4000),
    )
)
def test_damaged_or_foreign_files_are_refused_with_a_message(tree, content):
    if isinstance(content, int):  # a real workbook cut short
        whole = workbook_bytes(
            list(HEADERS_VI.values()), [["M1", "Tên", "Nam", None, None, None, None, "CS-A1"]]
        )
        content = whole[: content % len(whole)]
    assert_checked_or_refused(content, tree.district_a)


@settings(QUIET, max_examples=max(20, FUZZ_EXAMPLES * 2))
@given(
    code=st.one_of(
        st.text(min_size=1, max_size=10).filter(_legal),
        st.text(alphabet="ABCĐ0123456789-./", min_size=30, max_size=80),
        st.integers(),
        st.floats(allow_nan=False),
    ),
    name=st.one_of(
        st.text(max_size=30).filter(_legal),
        st.text(alphabet="ăâđêôơưáàảãạĂÂĐÊÔƠƯxyz", min_size=100, max_size=200),
    ),
)
def test_a_row_with_odd_code_or_name_is_accepted_only_if_it_fits(tree, code, name):
    content = workbook_bytes(
        list(HEADERS_VI.values()), [[code, name, "Nữ", "12/03/1985", "Tày", "", "", "CS-A1"]]
    )
    assert_checked_or_refused(content, tree.district_a)


# Folding, the base of every search ---------------------------------------------------------------

VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
words = st.text(alphabet=VIETNAMESE + VIETNAMESE.upper(), min_size=1, max_size=8)


@given(st.lists(words, min_size=1, max_size=4))
def test_folding_a_vietnamese_name_gives_plain_ascii_lowercase(parts):
    folded = fold(" ".join(parts))
    assert folded.isascii()
    assert folded == folded.lower()
    assert len(folded.split()) == len(parts)


@given(st.lists(words, min_size=1, max_size=4), st.sampled_from(["NFC", "NFD"]), st.booleans())
def test_folding_ignores_form_case_and_accents(parts, form, upper):
    name = " ".join(parts)
    typed = unicodedata.normalize(form, name.upper() if upper else name)
    assert fold(typed) == fold(name) == fold(fold(name))


@settings(QUIET, max_examples=25)
@given(st.lists(words, min_size=1, max_size=3), st.sampled_from(["NFC", "NFD"]))
def test_a_member_is_found_by_any_spelling_of_its_name(tree, parts, form):
    from organisations.selectors import filter_members
    from organisations.testing import MemberFactory

    name = " ".join(parts)
    with transaction.atomic():
        member = MemberFactory(unit=tree.grassroots_a1, full_name=unicodedata.normalize(form, name))
        found = Member.objects.filter(search_text__contains=fold(name).split()[0])
        assert member in found
        assert member in filter_members_as_admin(tree, filter_members, fold(name))
        transaction.set_rollback(True)


def filter_members_as_admin(tree, filter_members, query):
    from accounts.models import Role
    from accounts.testing import user_with_role

    admin = user_with_role(Role.ADMIN, tree.province)
    return list(filter_members(admin, q=query))
