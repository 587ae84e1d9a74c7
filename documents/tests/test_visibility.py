"""Who reads which document: the rule of selectors.visible_documents, written once as the clauses
of selectors.VISIBILITY, and its three forms (one condition per row for a wide scope, a union of
ids for a narrow one, the check of one document already read) giving the same answers."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from accounts.models import Role, RoleAssignment
from accounts.testing import user_with_role
from documents import selectors, services
from documents.models import Document

ON = dt.date(2016, 3, 1)


@pytest.fixture
def registry(symbols, admin_user, types, issued_plan):
    """A document of every kind: drafts and issued documents of the province, of a district, of a
    grassroots union and of their siblings, sent or not, and one recorded from outside."""
    tree = symbols

    def draft(issuer, summary, to=()):
        document = services.create_draft(
            actor=admin_user, issuer=issuer, doc_type=types["TB"], summary=summary
        )
        if to:
            services.set_recipients(actor=admin_user, document=document, units=list(to))
        return document

    def issued(issuer, summary, to=()):
        return services.issue_document(actor=admin_user, document=draft(issuer, summary, to), issued_on=ON)

    return {
        "province_plan": issued_plan,  # sent to both districts
        "province_notice": issued(tree.province, "Thông báo của tỉnh"),
        "province_draft": draft(tree.province, "Dự thảo của tỉnh"),
        "province_draft_to_a": draft(tree.province, "Dự thảo của tỉnh gửi Hòa An", to=[tree.district_a]),
        "a_draft": draft(tree.district_a, "Dự thảo của Hòa An"),
        "a_notice": issued(tree.district_a, "Thông báo của Hòa An"),
        "a1_draft": draft(tree.grassroots_a1, "Dự thảo của CĐCS A1"),
        "a1_notice": issued(tree.grassroots_a1, "Thông báo của CĐCS A1"),
        "a2_notice": issued(tree.grassroots_a2, "Thông báo của CĐCS A2"),
        "b_draft": draft(tree.district_b, "Dự thảo của Bảo Lạc"),
        "b_notice": issued(tree.district_b, "Thông báo của Bảo Lạc"),
        "sector_notice": issued(tree.sector, "Thông báo của Công đoàn Giáo dục"),
        "sector_to_a1": issued(tree.sector, "Công đoàn Giáo dục gửi CĐCS A1", to=[tree.grassroots_a1]),
        "directive": services.record_external(
            actor=admin_user,
            doc_type=types["CT"],
            number_symbol="35/CT-TTg",
            issued_on=dt.date(2014, 12, 19),
            summary="Chỉ thị của Thủ tướng",
            issuer_body=services.outside_body("Thủ tướng Chính phủ"),
        ),
    }


@pytest.fixture
def users(tree, admin_user, officer_a, officer_b, viewer):
    reader_and_officer = user_with_role(Role.VIEWER, tree.province, username="xem.canbo.a1")
    RoleAssignment.objects.create(user=reader_and_officer, unit=tree.grassroots_a1, role=Role.OFFICER)
    return {
        "admin": admin_user,  # of the province
        "viewer": viewer,  # of the province
        "officer_a": officer_a,  # of district A
        "officer_b": officer_b,  # of district B
        "a1_officer": user_with_role(Role.OFFICER, tree.grassroots_a1, username="canbo.a1"),
        "a_viewer": user_with_role(Role.VIEWER, tree.district_a, username="xem.a"),
        "a_council_member": user_with_role(Role.COUNCIL, tree.district_a, username="hoidong.a"),
        "province_viewer_a1_officer": reader_and_officer,
        "nobody": get_user_model().objects.create_user(username="khong"),
    }


PUBLISHED = {
    "province_plan",
    "province_notice",
    "a_notice",
    "a1_notice",
    "a2_notice",
    "b_notice",
    "sector_notice",
    "sector_to_a1",
    "directive",
}
# What district A reads without working on it: its subtree's published documents, the province's
# (issued above it), the sector's document sent to its CĐCS A1, outside documents; not its sibling
# district's, nor the sector's own, nor a draft of the province even when it names A as recipient.
DISTRICT_A_READS = {
    "province_plan",
    "province_notice",
    "a_notice",
    "a1_notice",
    "a2_notice",
    "sector_to_a1",
    "directive",
}

EXPECTED = {
    # Drafts only to admins and officers of the issuer's subtree; the rest once published.
    "admin": PUBLISHED | {"province_draft", "province_draft_to_a", "a_draft", "a1_draft", "b_draft"},
    "viewer": PUBLISHED,
    "officer_a": DISTRICT_A_READS | {"a_draft", "a1_draft"},
    "officer_b": {"province_plan", "province_notice", "b_notice", "b_draft", "directive"},
    # What units above it issued (the plans it implements), not its sibling CĐCS A2's.
    "a1_officer": {
        "province_plan",
        "province_notice",
        "a_notice",
        "a1_notice",
        "a1_draft",
        "sector_to_a1",
        "directive",
    },
    "a_viewer": DISTRICT_A_READS,
    "a_council_member": DISTRICT_A_READS,
    # Reads the province's published documents, works on CĐCS A1's drafts only.
    "province_viewer_a1_officer": PUBLISHED | {"a1_draft"},
    "nobody": {"directive"},
}


def _fresh(user):
    return get_user_model().objects.get(pk=user.pk)  # scopes and the scope's size are kept per user object


def _visible(user, registry, **kwargs) -> set[str]:
    found = set(selectors.visible_documents(_fresh(user), **kwargs).values_list("pk", flat=True))
    return {name for name, document in registry.items() if document.pk in found}


def _readable(user, registry) -> set[str]:
    user = _fresh(user)
    return {
        name
        for name, document in registry.items()
        if selectors.can_read_document(
            user, Document.objects.select_related("issuer_unit").get(pk=document.pk)
        )
    }


@pytest.mark.parametrize("name", list(EXPECTED))
def test_every_form_of_the_rule_shows_the_expected_documents(registry, users, monkeypatch, name):
    user = users[name]
    monkeypatch.setattr(selectors, "WIDE_SCOPE_UNITS", 1)  # every scope counts as wide: one check per row
    per_row = _visible(user, registry)
    monkeypatch.setattr(selectors, "WIDE_SCOPE_UNITS", 10_000)  # every scope counts as narrow: a union of ids
    union = _visible(user, registry)
    forms = {
        "per row": per_row,
        "union of ids": union,
        "lookup by id": _visible(user, registry, lookup=True),
        "one document read": _readable(user, registry),
    }
    assert forms == dict.fromkeys(forms, EXPECTED[name])


@pytest.mark.parametrize("name", list(EXPECTED))
def test_each_clause_opens_the_same_documents_in_its_three_forms(registry, users, name):
    reach = selectors.Reach.of(_fresh(users[name]))
    documents = Document.objects.select_related("issuer_unit")
    for clause in selectors.VISIBILITY:
        by_row = set(documents.filter(clause.row(reach)).values_list("pk", flat=True))
        by_ids = set(Document.objects.filter(pk__in=clause.id_set(reach)).values_list("pk", flat=True))
        by_check = {document.pk for document in documents if clause.check(reach, document)}
        assert by_row == by_ids == by_check, clause.name


@pytest.mark.parametrize("name", list(EXPECTED))
def test_the_download_answers_404_for_a_document_out_of_reach(client, registry, users, name):
    client.force_login(users[name])
    for label, document in registry.items():
        answer = client.get(reverse("documents:docx", args=[document.pk]))
        assert answer.status_code == (200 if label in EXPECTED[name] else 404), label


def test_the_registry_list_shows_the_same_page_in_both_forms(registry, admin_user, monkeypatch):
    pages = []
    for wide in (1, 10_000):
        monkeypatch.setattr(selectors, "WIDE_SCOPE_UNITS", wide)
        user = get_user_model().objects.get(pk=admin_user.pk)
        listed = selectors.filter_documents(user, selectors.DocumentFilters(q="thong bao"))
        pages.append([d.pk for d in listed])
    assert pages[0] == pages[1] and len(pages[0]) == 12  # the type, “Thông báo”, is searched too


def _issuer_units_as_first_written(user, selected=None) -> set[int]:
    from django.db.models import Exists, OuterRef, Q

    from accounts.permissions import scope_paths, visible_units

    paths = scope_paths(user)
    units = visible_units(user).filter(Q(path__in=paths) | Q(parent__path__in=paths) | Q(pk=selected))
    return set(
        units.filter(Exists(Document.objects.filter(issuer_unit=OuterRef("pk")))).values_list("pk", flat=True)
    )


@pytest.mark.parametrize("name", list(EXPECTED))
def test_the_issuer_filter_offers_the_units_the_first_rule_gave(registry, users, tree, name):
    user = users[name]
    offered = set(selectors.issuer_units(user).values_list("pk", flat=True))
    assert offered == _issuer_units_as_first_written(user)
    chosen = set(selectors.issuer_units(user, selected=tree.grassroots_a1.pk).values_list("pk", flat=True))
    assert chosen == _issuer_units_as_first_written(user, selected=tree.grassroots_a1.pk)
    if name == "officer_b":  # a district sees its own unit, not its sibling's nor the province
        assert offered == {tree.district_b.pk}
    if name == "admin":  # the province, its districts and sector union that issued, no grassroots union
        assert tree.grassroots_a1.pk not in offered and {tree.district_a.pk, tree.district_b.pk} <= offered
