"""Pages' forms over real HTTP with CSRF enforced, on the database CI runs (issue 13, finding 9's
siblings on the HTML side): over-long text, NUL and control characters get the form back with a
message naming the field — never a 500 from PostgreSQL — and invisible characters are removed."""

import pytest
from django.urls import reverse

from organisations.models import Member, Unit

pytestmark = pytest.mark.live


def test_the_member_form_refuses_bad_text_and_removes_invisible_characters(live_client, officer_a, tree):
    browser = live_client()
    browser.login(officer_a.username)
    url = reverse("organisations:member_create", kwargs={"unit_pk": tree.grassroots_a1.pk})
    form = {"code": "FORM-1", "gender": "F", "category": "worker", "status": "active"}
    assert browser.post_form(url, dict(form, full_name="Nguyễn Thị A"), csrf=False).status_code == 403
    for bad, message in [
        ("Nguyễn " * 1000, "tối đa 120"),
        ("Nguyễn\x00Thị A", "ký tự null"),
        ("Nguyễn\x1bThị A", "không được phép"),
    ]:
        response = browser.post_form(url, dict(form, full_name=bad))
        assert response.status_code == 200, (repr(bad[:8]), response.status_code)
        assert message in response.text, repr(bad[:8])
        assert not Member.objects.filter(code="FORM-1").exists()
    # The refused value stays in its box, the refused character shown as a replacement sign, never raw.
    response = browser.post_form(url, dict(form, full_name="Nguyễn\x00Thị A"))
    assert "\x00" not in response.text
    assert 'value="Nguyễn\ufffdThị A"' in response.text
    response = browser.post_form(url, dict(form, full_name="Nguyễn\u200b Thị\u202e A"))
    assert response.status_code == 302, response.text[-2000:]
    assert Member.objects.get(code="FORM-1").full_name == "Nguyễn Thị A"


def test_the_unit_form_refuses_bad_text(live_client, admin_user, tree):
    browser = live_client()
    browser.login(admin_user.username)
    url = reverse("organisations:unit_edit", kwargs={"pk": tree.grassroots_a1.pk})
    page = browser.get(url)
    assert page.status_code == 200
    form = {
        "unit_type": tree.grassroots_a1.unit_type_id,
        "name": tree.grassroots_a1.name,
        "code": "CS-A1",
        "valid_from": "",
    }
    for field, bad in [
        ("name", "x" * 5000),
        ("short_name", "a\x00b"),
        ("address", "a\x07b"),
        ("code", "C\x00"),
    ]:
        response = browser.post_form(url, dict(form, **{field: bad}))
        assert response.status_code == 200, (field, response.status_code)
    assert Unit.objects.get(pk=tree.grassroots_a1.pk).name == tree.grassroots_a1.name
