import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from documents import selectors, services
from documents.models import Document, DocumentType, Obligation


@pytest.fixture
def plan_type(db):
    return DocumentType.objects.get(code="KH")


@pytest.fixture
def plan(tree, admin_user, plan_type):
    tree.province.doc_symbol = "LĐLĐ"
    tree.province.save()
    document = services.create_draft(
        actor=admin_user,
        issuer=tree.province,
        doc_type=plan_type,
        summary="Phát động đợt thi đua đặc biệt",
        requires_plan=True,
        plan_deadline=dt.date(2015, 7, 15),
    )
    services.set_recipients(actor=admin_user, document=document, units=[tree.district_a, tree.district_b])
    return document


def test_issuing_assigns_the_next_number_per_issuer_type_and_year(plan, admin_user, tree, plan_type):
    issued = services.issue_document(actor=admin_user, document=plan, issued_on=dt.date(2015, 6, 15))
    assert issued.number_symbol == "01/KH-LĐLĐ"
    second = services.create_draft(
        actor=admin_user, issuer=tree.province, doc_type=plan_type, summary="Kế hoạch 2"
    )
    assert (
        services.issue_document(
            actor=admin_user, document=second, issued_on=dt.date(2015, 6, 20)
        ).number_symbol
        == "02/KH-LĐLĐ"
    )
    next_year = services.create_draft(
        actor=admin_user, issuer=tree.province, doc_type=plan_type, summary="Kế hoạch 2016"
    )
    assert (
        services.issue_document(actor=admin_user, document=next_year, issued_on=dt.date(2016, 1, 5)).number
        == 1
    )


def test_a_document_cannot_be_issued_twice(plan, admin_user):
    services.issue_document(actor=admin_user, document=plan, issued_on=dt.date(2015, 6, 15))
    with pytest.raises(ValidationError):
        services.issue_document(actor=admin_user, document=plan, issued_on=dt.date(2015, 6, 16))


def test_issuing_creates_an_obligation_per_recipient_and_an_implementing_plan_fulfils_it(
    plan, admin_user, officer_a, tree, plan_type
):
    services.issue_document(actor=admin_user, document=plan, issued_on=dt.date(2015, 6, 15))
    assert Obligation.objects.filter(document=plan).count() == 2
    child = services.create_draft(
        actor=officer_a,
        issuer=tree.district_a,
        doc_type=plan_type,
        summary="Kế hoạch thực hiện của LĐLĐ huyện Hòa An",
        parent=plan,
    )
    services.issue_document(actor=officer_a, document=child, issued_on=dt.date(2015, 6, 25))
    counts = selectors.board_counts(plan)
    assert (counts.total, counts.plans_issued, counts.pending) == (2, 1, 1)
    assert Obligation.objects.get(document=plan, unit=tree.district_a).fulfilled_by == child


def test_an_officer_cannot_issue_for_another_district(tree, officer_b, plan_type):
    with pytest.raises(PermissionDenied):
        services.create_draft(actor=officer_b, issuer=tree.district_a, doc_type=plan_type, summary="x")


def test_a_basis_cycle_is_refused(tree, admin_user, plan_type):
    a = services.create_draft(actor=admin_user, issuer=tree.province, doc_type=plan_type, summary="A")
    b = services.create_draft(actor=admin_user, issuer=tree.province, doc_type=plan_type, summary="B")
    services.set_bases(actor=admin_user, document=b, bases=[a])
    with pytest.raises(ValidationError):
        services.set_bases(actor=admin_user, document=a, bases=[b])
    with pytest.raises(ValidationError):
        services.set_bases(actor=admin_user, document=a, bases=[a])
    assert list(Document.objects.get(pk=a.pk).bases.all()) == []


def test_a_deadline_before_the_issue_date_is_refused(plan, admin_user):
    with pytest.raises(ValidationError):
        services.issue_document(actor=admin_user, document=plan, issued_on=dt.date(2015, 8, 1))
    plan.refresh_from_db()
    assert plan.status == Document.Status.DRAFT and plan.number is None


def test_an_ended_unit_issues_only_documents_dated_before_its_end(tree, officer_a, plan_type):
    tree.district_a.valid_to = dt.date(2025, 7, 1)
    tree.district_a.save()
    draft = services.create_draft(
        actor=officer_a, issuer=tree.district_a, doc_type=plan_type, summary="Kế hoạch cũ"
    )
    with pytest.raises(ValidationError, match="01/07/2025"):
        services.issue_document(actor=officer_a, document=draft, issued_on=dt.date(2025, 8, 1))
    assert (
        services.issue_document(actor=officer_a, document=draft, issued_on=dt.date(2015, 6, 20)).number == 1
    )


def test_a_draft_is_seen_only_by_those_who_may_work_on_it(plan, viewer, admin_user):
    assert plan not in selectors.visible_documents(viewer)
    assert plan in selectors.visible_documents(admin_user)
    services.issue_document(actor=admin_user, document=plan, issued_on=dt.date(2015, 6, 15))
    assert plan in selectors.visible_documents(viewer)
