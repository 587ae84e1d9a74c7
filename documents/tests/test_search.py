"""Search by number/symbol, type, summary and body, accents optional."""

import datetime as dt

import pytest
from django.db import connection

from documents import selectors, services
from documents.models import Document


@pytest.fixture
def registry(symbols, admin_user, types, plan):
    ttg = services.outside_body("Thủ tướng Chính phủ")
    directive = services.record_external(
        actor=admin_user, doc_type=types["CT"], number_symbol="35/CT-TTg", issued_on=dt.date(2014, 12, 19),
        summary="Về việc đẩy mạnh phong trào thi đua yêu nước chào mừng Đại hội Đảng các cấp", issuer_body=ttg)
    party = services.record_external(
        actor=admin_user, doc_type=types["CT"], number_symbol="34-CT/TW", issued_on=dt.date(2014, 4, 7),
        summary="Tiếp tục đổi mới công tác thi đua, khen thưởng", issuer_body=services.outside_body("Bộ Chính trị"))
    return {"directive": directive, "party": party, "plan": plan}


def _search(text):
    return set(selectors.search_documents(Document.objects.all(), text))


def test_chi_thi_35_finds_chi_thi_35_ct_ttg(registry):
    """“chi thi 35” must match the type name “Chỉ thị” and the number “35/CT-TTg”."""
    found = _search("chi thi 35")
    assert registry["directive"] in found and registry["party"] not in found
    assert registry["plan"] in found  # its body speaks of “Chỉ thị 35/CT-TTg”


@pytest.mark.parametrize("query, expected", [
    ("35/CT-TTg", {"directive", "plan"}),
    ("34-ct/tw", {"party"}),
    ("doi moi cong tac thi dua", {"party"}),
    ("THỦ TƯỚNG", {"directive"}),
    ("ke hoach quan triet", {"plan"}),  # a word of the body
    ("dai hoi dang", {"directive", "plan"}),
    ("chi thi 36", set()),
])
def test_search_ignores_accents_and_case(registry, query, expected):
    assert _search(query) == {registry[key] for key in expected}


def test_the_list_page_searches_as_you_type(registry, client_as, admin_user):
    response = client_as(admin_user).get("/van-ban/", {"q": "chi thi 35"}, HTTP_HX_REQUEST="true",
                                         HTTP_HX_TARGET="document-results")
    page = response.content.decode()
    assert "35/CT-TTg" in page and "34-CT/TW" not in page and "<html" not in page


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigram index exists on PostgreSQL only")
def test_postgresql_answers_the_search_from_the_trigram_index(registry, django_db_blocker):
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'document_search_trgm'")
        assert "gin_trgm_ops" in cursor.fetchone()[0]
        cursor.execute("SET enable_seqscan = off")
        sql, params = selectors.search_documents(Document.objects.all(), "thi dua").query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("SET enable_seqscan = on")
    assert "document_search_trgm" in plan
