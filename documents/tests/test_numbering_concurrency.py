"""Numbers under real concurrency (PostgreSQL): two officers issuing at the same moment never
get the same number, and a double submit of one draft issues it once.

Each thread has its own database connection (Django's connections are per thread); a
barrier releases both at once. SQLite serialises writers at BEGIN, so these run on
PostgreSQL only (CI runs the suite there too)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from accounts.models import Role
from accounts.testing import user_with_role
from core.testing.concurrency import run_together
from documents import services
from documents.models import Document, NumberSequence
from documents.tests.conftest import seed_types
from organisations.testing import make_unit

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL's concurrent transactions"
    ),
]
ISSUED_ON = dt.date(2015, 6, 15)


@pytest.fixture
def province(db):
    unit = make_unit(
        "province", name="Liên đoàn Lao động tỉnh Cao Bằng", code="LDLD-CB-RACE", doc_symbol="LĐLĐ"
    )
    return unit, user_with_role(Role.ADMIN, unit, username="admin.race")


@pytest.mark.parametrize("sequence_exists", [False, True], ids=["first-of-the-year", "sequence-row-exists"])
def test_two_drafts_issued_at_the_same_moment_get_different_numbers(province, sequence_exists):
    unit, admin = province
    plan_type = seed_types()["KH"]
    if sequence_exists:
        NumberSequence.objects.create(issuer_unit=unit, doc_type=plan_type, year=2015, last_number=74)
    drafts = [
        services.create_draft(actor=admin, issuer=unit, doc_type=plan_type, summary=f"Kế hoạch {n}")
        for n in range(2)
    ]

    results = run_together(
        [
            lambda d=d: services.issue_document(actor=admin, document=d, issued_on=ISSUED_ON).number
            for d in drafts
        ]
    )

    assert all(isinstance(r, int) for r in results), results
    first = 75 if sequence_exists else 1
    assert sorted(results) == [first, first + 1]
    assert (
        NumberSequence.objects.get(issuer_unit=unit, doc_type=plan_type, year=2015).last_number == first + 1
    )
    assert (
        len(
            set(
                Document.objects.filter(pk__in=[d.pk for d in drafts]).values_list("number_symbol", flat=True)
            )
        )
        == 2
    )


def test_a_double_submit_issues_the_draft_once_and_the_other_gets_a_clear_message(province):
    unit, admin = province
    draft = services.create_draft(
        actor=admin, issuer=unit, doc_type=seed_types()["KH"], summary="Kế hoạch bấm hai lần"
    )

    results = run_together(
        [lambda: services.issue_document(actor=admin, document=draft, issued_on=ISSUED_ON)] * 2
    )

    issued = [r for r in results if isinstance(r, Document)]
    refused = [r for r in results if isinstance(r, ValidationError)]
    assert len(issued) == 1 and len(refused) == 1, results
    assert refused[0].messages == ["Văn bản này đã được ban hành với số 01/KH-LĐLĐ."]
    assert NumberSequence.objects.get(issuer_unit=unit).last_number == 1  # no number wasted
