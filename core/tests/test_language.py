"""Vietnamese first, whatever the browser says: the language never follows Accept-Language; it
changes only when the user picks English, and that choice is remembered (cookie and profile)."""

from django.conf import settings
from django.test import Client

LOGIN = "/tai-khoan/dang-nhap/"
SWITCH = "/i18n/setlang/"


def test_a_browser_set_to_english_still_gets_vietnamese(db):
    page = Client(HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").get(LOGIN)
    assert page.status_code == 200
    assert "<h1>Đăng nhập</h1>" in page.content.decode()
    assert page.headers["Content-Language"] == "vi"


def test_picking_english_switches_the_interface_and_the_cookie_remembers_it(db):
    client = Client(HTTP_ACCEPT_LANGUAGE="vi")
    response = client.post(SWITCH, {"language": "en", "next": LOGIN})
    assert response.status_code == 302 and response.url == LOGIN
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert "<h1>Log in</h1>" in client.get(LOGIN).content.decode()
    client.post(SWITCH, {"language": "vi", "next": LOGIN})
    assert "<h1>Đăng nhập</h1>" in client.get(LOGIN).content.decode()


def test_an_unknown_language_in_the_cookie_falls_back_to_vietnamese(db):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    assert "<h1>Đăng nhập</h1>" in client.get(LOGIN).content.decode()


def test_a_signed_in_users_choice_is_kept_on_the_profile_and_follows_them_to_another_computer(
    officer_a, client_as
):
    client_as(officer_a).post(SWITCH, {"language": "en", "next": "/"})
    officer_a.refresh_from_db()
    assert officer_a.language == "en"
    other_computer = Client(HTTP_ACCEPT_LANGUAGE="vi")
    other_computer.force_login(officer_a)
    page = other_computer.get("/thong-bao/")
    assert page.headers["Content-Language"] == "en"
    assert 'lang="en"' in page.content.decode()


def test_the_switch_is_in_the_user_menu_and_the_footer_and_the_api_link_only_in_the_user_menu(
    officer_a, client_as
):
    page = client_as(officer_a).get("/thong-bao/").content.decode()
    menu = page[page.index('<details class="user-menu">') : page.index("</details>")]
    assert 'action="/i18n/setlang/"' in menu and "Mã truy cập API" in menu
    assert page.count('action="/i18n/setlang/"') == 2  # the menu and the footer
    assert page.count('href="/tai-khoan/ma-api/"') == 1  # not on the top bar beside it
