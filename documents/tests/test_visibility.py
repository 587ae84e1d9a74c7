"""Who reads which document: the rule of selectors.visible_documents, and its two forms (one
condition per row for a wide scope, a union of ids for a narrow one) giving the same answers."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from accounts.models import Role
from accounts.testing import user_with_role
from documents import selectors, services

ON = dt.date(2016, 3, 1)


@pytest.fixture
def registry(symbols, admin_user, types, issued_plan):
    tree = symbols

    def issued(issuer, summary, to=()):
        draft = services.create_draft(actor=admin_user, issuer=issuer, doc_type=types["TB"], summary=summary)
        if to:
            services.set_recipients(actor=admin_user, document=draft, units=list(to))
        return services.issue_document(actor=admin_user, document=draft, issued_on=ON)

    return {
        "province_plan": issued_plan,  # sent to both districts
        "province_draft": services.create_draft(
            actor=admin_user, issuer=tree.province, doc_type=types["TB"], summary="Dự thảo của tỉnh"
        ),
        "a_draft": services.create_draft(
            actor=admin_user, issuer=tree.district_a, doc_type=types["TB"], summary="Dự thảo của Hòa An"
        ),
        "a_notice": issued(tree.district_a, "Thông báo của Hòa An"),
        "a1_notice": issued(tree.grassroots_a1, "Thông báo của CĐCS A1"),
        "b_notice": issued(tree.district_b, "Thông báo của Bảo Lạc"),
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
    return {
        "admin": admin_user,
        "officer_a": officer_a,
        "officer_b": officer_b,
        "viewer": viewer,
        "a1_officer": user_with_role(Role.OFFICER, tree.grassroots_a1, username="canbo.a1"),
        "a_viewer": user_with_role(Role.VIEWER, tree.district_a, username="xem.a"),
        "nobody": get_user_model().objects.create_user(username="khong"),
    }


EXPECTED = {
    "admin": {
        "province_plan",
        "province_draft",
        "a_draft",
        "a_notice",
        "a1_notice",
        "b_notice",
        "sector_to_a1",
        "directive",
    },
    "viewer": {"province_plan", "a_notice", "a1_notice", "b_notice", "sector_to_a1", "directive"},
    # Its own subtree (drafts included), the province's plan sent to it, outside documents.
    "officer_a": {"province_plan", "a_draft", "a_notice", "a1_notice", "sector_to_a1", "directive"},
    "officer_b": {"province_plan", "b_notice", "directive"},
    # What units above it issued (the plans it implements), not its sibling district's.
    "a1_officer": {"province_plan", "a_notice", "a1_notice", "sector_to_a1", "directive"},
    "a_viewer": {"province_plan", "a_notice", "a1_notice", "sector_to_a1", "directive"},
    "nobody": {"directive"},
}


def _visible(user, registry, **kwargs) -> set[str]:
    user = get_user_model().objects.get(pk=user.pk)  # the scope's size is remembered per user object
    found = set(selectors.visible_documents(user, **kwargs).values_list("pk", flat=True))
    return {name for name, document in registry.items() if document.pk in found}


@pytest.mark.parametrize("name", list(EXPECTED))
def test_each_form_of_the_rule_shows_the_same_documents(registry, users, monkeypatch, name):
    user = users[name]
    monkeypatch.setattr(selectors, "WIDE_SCOPE_UNITS", 1)  # every scope counts as wide: one check per row
    per_row = _visible(user, registry)
    monkeypatch.setattr(selectors, "WIDE_SCOPE_UNITS", 10_000)  # every scope counts as narrow: a union of ids
    union = _visible(user, registry)
    by_id = _visible(user, registry, lookup=True)
    assert per_row == union == by_id == EXPECTED[name]


@pytest.mark.parametrize("name", list(EXPECTED))
def test_a_document_read_by_id_is_readable_by_the_same_rule(registry, users, name):
    user = get_user_model().objects.get(pk=users[name].pk)
    readable = {
        label
        for label, document in registry.items()
        if selectors.can_read_document(user, document.__class__.objects.get(pk=document.pk))
    }
    assert readable == EXPECTED[name]


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
    assert pages[0] == pages[1] and len(pages[0]) == 6  # the type, “Thông báo”, is searched too


def _issuer_units_as_first_written(user, selected=None) -> set[int]:
    from django.db.models import Exists, OuterRef, Q

    from accounts.permissions import scope_paths, visible_units
    from documents.models import Document

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
