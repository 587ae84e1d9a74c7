"""`manage.py setup_signing` and the demo loader: the CA, the token and a unit's certificates, made once."""

import io

import pytest
from django.core.management import call_command

from signing import demo, keys
from signing.models import SigningIdentity

pytestmark = pytest.mark.django_db


def _token_labels() -> set[str]:
    from pkcs11 import Attribute, ObjectClass

    session = keys.open_session()
    try:
        return {o[Attribute.LABEL] for o in session.get_objects({Attribute.CLASS: ObjectClass.PRIVATE_KEY})}
    finally:
        session.close()


def test_setup_signing_certifies_a_unit_with_its_keys_in_the_token(tree):
    call_command("setup_signing", unit=tree.province.code, signer="Lương Văn Thắng", stdout=io.StringIO())
    person = SigningIdentity.objects.get(unit=tree.province, kind="person", active=True)
    organisation = SigningIdentity.objects.get(unit=tree.province, kind="organisation", active=True)
    assert person.holder_name == "Lương Văn Thắng" and organisation.holder_name == tree.province.name
    assert {person.key_label, organisation.key_label} <= _token_labels()
    ca = keys.trust_roots()[0]
    assert "Demo CA" in ca.subject.rfc4514_string()


def test_the_demo_certifies_the_province_once(tree):
    from core.demo import DemoContext

    context = DemoContext(
        seed=1, units=1, members=1, rng=None, out=io.StringIO(), data={"province": tree.province}
    )
    demo.load(context)
    demo.load(context)
    assert SigningIdentity.objects.filter(unit=tree.province, active=True).count() == 2
    assert SigningIdentity.objects.count() == 2
