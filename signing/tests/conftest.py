import datetime as dt

import pytest

from awards import services
from awards.tests.conftest import (  # noqa: F401 - the awards fixtures a decision needs
    CSTD_CS,
    CSTD_TINH,
    LDTT,
    approve_all,
    council,
    nominate,
    person,
    province_officer,
    record,
    round_2015,
    rules,
)


@pytest.fixture
def approved(rules, round_2015, officer_a, province_officer, person, members, council, tree):  # noqa: F811
    """Two nominations of district A the province's council approved."""
    from awards.tests.conftest import pdf

    batch = services.create_batch(actor=officer_a, round_=round_2015, proposing_unit=tree.district_a)
    nominations = [
        nominate(officer_a, batch, rules.forms[LDTT], member=person, task_grade="good"),
        nominate(officer_a, batch, rules.forms[LDTT], member=members["a1"][0], task_grade="good"),
    ]
    services.attach_minutes(actor=officer_a, batch=batch, upload=pdf())
    batch = services.submit_batch(actor=officer_a, batch=batch)
    services.forward_batch(actor=province_officer, batch=batch)
    approve_all(province_officer, council, tree, nominations)
    return nominations


def issue(province_officer, tree, nominations, **fields):  # noqa: F811
    return services.issue_decision(
        actor=province_officer,
        deciding_unit=tree.province,
        nominations=nominations,
        decided_on=fields.pop("decided_on", dt.date(2015, 12, 20)),
        signer_position="CHỦ TỊCH",
        signer_name="Nông Văn Quản",
        **fields,
    )


from documents.tests.conftest import issued_plan, plan, symbols, types  # noqa: E402,F401 - an issued plan
