"""The layout's fixed parts are rendered once per process and reused ({% kept %}): what a user
sees must still follow their page, their language and their rights, never another user's."""

import re

from django.test import Client
from django.urls import reverse

from accounts.services import choose_language
from accounts.testing import signed_in_client


def _current(html: str) -> list[str]:
    """The addresses the sidebar marks as the current page."""
    return re.findall(r'<a href="([^"]+)" class="nav-link active" aria-current=page>', html)


def test_the_sidebar_marks_the_current_page_on_every_page_whatever_was_shown_before(tree, admin_user):
    client = signed_in_client(admin_user)
    dashboard, reports = reverse("reports:dashboard"), reverse("reports:index")
    units = reverse("organisations:unit_list")
    assert _current(client.get(dashboard).content.decode()) == [dashboard]
    assert _current(client.get(reports).content.decode()) == [reports]
    assert _current(client.get(dashboard).content.decode()) == [dashboard]
    unit_page = reverse("organisations:unit_detail", args=[tree.grassroots_a1.pk])
    assert _current(client.get(unit_page).content.decode()) == [units]
    assert _current(client.get("/thong-bao/").content.decode()) == []


def test_an_officer_never_sees_the_administration_kept_for_an_administrator(tree, admin_user, officer_a):
    users = reverse("accounts:user_list")
    assert f'href="{users}"' in signed_in_client(admin_user).get("/thong-bao/").content.decode()
    assert f'href="{users}"' not in signed_in_client(officer_a).get("/thong-bao/").content.decode()


def test_the_layout_follows_the_users_language(tree, officer_a):
    client = signed_in_client(officer_a)
    html = client.get("/thong-bao/").content.decode()
    assert ">Đơn vị</a>" in html and 'lang="en">English</button>' in html
    choose_language(user=officer_a, language="en")
    html = client.get("/thong-bao/").content.decode()
    assert ">Units</a>" in html and ">Đơn vị</a>" not in html
    assert 'lang="vi">Tiếng Việt</button>' in html


def test_the_language_switch_carries_this_requests_csrf_token_and_comes_back_here(tree, officer_a):
    client = Client(enforce_csrf_checks=True)
    client.force_login(officer_a)
    page = "/thong-bao/?page=1"
    html = client.get(page).content.decode()
    form = re.search(r'<form method="post" action="([^"]+)" class="lang-form">(.*?)</form>', html)
    assert form is not None
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.group(2)).group(1)
    response = client.post(form.group(1), {"csrfmiddlewaretoken": token, "language": "en", "next": page})
    assert response.status_code == 302 and response["Location"] == page
    assert ">Units</a>" in client.get(page).content.decode()


def test_a_kept_fragment_refuses_a_block_a_child_template_would_override():
    import pytest
    from django.template import TemplateSyntaxError, engines

    with pytest.raises(TemplateSyntaxError, match="cannot hold a"):
        engines["django"].from_string(
            '{% load thidua %}{% kept "x" %}{% block nav %}{% endblock %}{% endkept %}'
        )
