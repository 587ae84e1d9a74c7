from axes.models import AccessAttempt

from accounts.models import User
from organisations import services


def post_login(client, username, password):
    return client.post("/tai-khoan/dang-nhap/", {"username": username, "password": password})


def test_login_with_the_right_password_opens_the_app(client, admin_user):
    response = post_login(client, "admin", "demo12345")
    assert response.status_code == 302
    assert client.get("/to-chuc/don-vi/").status_code == 200


def test_wrong_password_and_unknown_user_get_the_same_answer(client, admin_user):
    wrong = post_login(client, "admin", "nope").content.decode()
    unknown = post_login(client, "nobody", "nope").content.decode()
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in wrong
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in unknown


def test_five_failures_lock_the_account_even_with_the_right_password(client, admin_user, settings):
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        post_login(client, "admin", "wrong")
    response = post_login(client, "admin", "demo12345")
    assert response.status_code == 429
    assert "tạm khóa" in response.content.decode()
    AccessAttempt.objects.all().delete()
    assert post_login(client, "admin", "demo12345").status_code == 302


def test_logout_needs_post_and_ends_the_session(client, admin_user):
    client.force_login(admin_user)
    assert client.get("/tai-khoan/dang-xuat/").status_code == 405
    client.post("/tai-khoan/dang-xuat/")
    assert client.get("/to-chuc/don-vi/").status_code == 302


def test_changes_are_kept_with_who_and_what_and_only_admins_see_them(tree, admin_user, officer_a, client_as):
    client = client_as(admin_user)
    client.post(
        f"/to-chuc/don-vi/{tree.grassroots_a1.pk}/sua/",
        {
            "unit_type": tree.grassroots_a1.unit_type_id,
            "name": "CĐCS Trường Tiểu học Nước Hai (mới)",
            "code": "CS-A1",
            "sort_order": 0,
        },
    )
    record = tree.grassroots_a1.history.first()
    assert record.history_user == admin_user
    page = client.get("/tai-khoan/nhat-ky/").content.decode()
    assert "CĐCS Trường Tiểu học Nước Hai (mới)" in page
    assert client_as(officer_a).get("/tai-khoan/nhat-ky/").status_code == 403


def test_the_unit_history_page_lists_field_changes(tree, admin_user, client_as):
    services.update_unit(tree.district_a, address="Nước Hai, Hòa An")
    page = client_as(admin_user).get(f"/to-chuc/don-vi/{tree.district_a.pk}/lich-su/").content.decode()
    assert "Nước Hai, Hòa An" in page


def test_an_admin_creates_a_user_only_in_their_scope(tree, client_as, officer_a):
    from accounts.models import Role
    from accounts.testing import user_with_role

    district_admin = user_with_role(Role.ADMIN, tree.district_a, username="qt.a")
    client = client_as(district_admin)
    data = {
        "username": "moi",
        "full_name": "Người Mới",
        "unit_text": "Bảo Lạc",  # typed without JavaScript: looked up in the admin's scope on submit
        "role": "officer",
        "password": "Rat-kho-doan-123",
    }
    response = client.post("/tai-khoan/nguoi-dung/them/", data)
    page = response.content.decode()
    assert (
        response.status_code == 200
        and "Không có kết quả nào trong phạm vi của bạn khớp với “Bảo Lạc”" in page
    )
    data["unit_text"] = "nuoc hai"  # part of the name, without accents
    assert client.post("/tai-khoan/nguoi-dung/them/", data).status_code == 302
    assert User.objects.get(username="moi").role_assignments.get().unit == tree.grassroots_a1


def test_a_user_creates_an_api_token_and_the_api_accepts_it(client, officer_a, tree):
    client.force_login(officer_a)
    page = client.post("/tai-khoan/ma-api/", {"name": "Phần mềm kế toán"}).content.decode()
    import re

    key = re.search(r'<code class="token">([^<]+)</code>', page).group(1)
    client.logout()
    response = client.get("/api/v1/organisations/units", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert response.status_code == 200
    assert {u["code"] for u in response.json()["items"]} == {"LDLD-HOAAN", "CS-A1", "CS-A2"}
    assert client.get("/api/v1/organisations/units", HTTP_AUTHORIZATION="Bearer wrong").status_code == 401
