"""The generator's promise: the same seed writes the same rows (the bench's sizes are compared run
to run on that promise), at a small size, on the test database."""

from __future__ import annotations

import hashlib
import random

import pytest
from django.db import transaction

from bench.generate import documents, organisations
from documents.models import Document, Obligation, Recipient
from organisations.models import Member, Unit

pytestmark = pytest.mark.django_db

# The columns the generator chooses (not the load time it stamps into created_at and the like).
COLUMNS = {
    Unit: ["id", "parent_id", "name", "code", "path", "search_text"],
    Member: ["id", "code", "full_name", "gender", "birth_date", "ethnicity", "unit_id", "status"],
    Document: ["id", "doc_type_id", "issuer_unit_id", "number_symbol", "issued_on", "parent_id", "body"],
    Obligation: ["id", "document_id", "unit_id", "due_on", "acknowledged_at", "fulfilled_by_id"],
    Recipient: ["id", "document_id", "unit_id"],
}


def _digest() -> dict[str, tuple[int, str]]:
    digests = {}
    for model, columns in COLUMNS.items():
        rows = list(model.objects.order_by("id").values_list(*columns))
        digests[model.__name__] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest())
    return digests


def _generate(province: Unit, seed: int) -> dict[str, tuple[int, str]]:
    """The bulk parts as `python -m bench.generate` runs them (each its own stream), rolled back
    after their rows are digested."""

    def log(_message: str) -> None:
        pass

    parts = [
        lambda rng: organisations.generate_units(province, 300, rng, log),
        lambda rng: organisations.generate_members(province, 3000, rng, log),
        lambda rng: documents.generate_documents(province, 1000, rng, log),
    ]
    with transaction.atomic():
        for index, part in enumerate(parts):
            part(random.Random(seed * 100 + index))
        digest = _digest()
        transaction.set_rollback(True)
    return digest


def test_the_same_seed_writes_the_same_rows_and_another_seed_other_rows(province):
    first = _generate(province, 2015)
    second = _generate(province, 2015)
    assert first == second
    # something was written: 300 units in the subtree, 3,000 members, 1,000 documents and their cascades
    assert Unit.objects.count() < first["Unit"][0]
    assert first["Document"][0] >= 1000
    assert first["Obligation"][0] > 0 and first["Recipient"][0] > 0
    assert _generate(province, 2016)["Document"] != first["Document"]
