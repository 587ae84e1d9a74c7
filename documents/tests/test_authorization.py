"""The registry's part of the authorisation matrix, checked here with the matrix's own judge:
every page and API operation of documents, for every role, on own and foreign objects."""

import pytest

from core.tests import authz
from core.tests.authz import USERS, Api, Page
from core.tests.test_authorization_matrix import _judge, api_operations, url_patterns
from documents.tests.authz_entries import ENTRIES, build


@pytest.fixture
def world(tree):
    world = authz.build_world(tree)
    if not hasattr(world.own, "plan"):  # until core/tests/authz/documents.py re-exports our build
        build(world)
    return world


def test_every_documents_page_and_operation_has_an_entry():
    pages = {name for name in url_patterns() if name.startswith("documents:")}
    operations = {op for op in api_operations() if " /api/v1/documents/" in op}
    assert pages == {e.key for e in ENTRIES if isinstance(e, Page)}
    assert operations == {e.key for e in ENTRIES if isinstance(e, Api)}


@pytest.mark.parametrize("entry", ENTRIES, ids=[f"{e.key}#{i}" for i, e in enumerate(ENTRIES)])
def test_documents_matrix(world, entry):
    problems = []
    for side_name in ("own", "foreign") if entry.scoped else ("own",):
        for user_name in USERS:
            problems.append(_judge(world, entry, user_name, side_name))
            denied = user_name not in (entry.allow if side_name == "own" else entry.foreign)
            if isinstance(entry, Page) and entry.method == "get" and denied:
                problems.append(_judge(world, entry, user_name, side_name, method="post"))
    problems.append(_judge(world, entry, None, "own"))
    problems = [p for p in problems if p]
    assert not problems, f"{entry.key}:\n  " + "\n  ".join(problems)
