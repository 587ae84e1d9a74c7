from django.test import Client


def test_a_missing_page_answers_404_in_vietnamese(client, officer_a, settings):
    settings.DEBUG = False
    client.force_login(officer_a)
    response = client.get("/to-chuc/don-vi/999999/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_a_forbidden_action_answers_403_in_vietnamese(client, officer_a, tree):
    client.force_login(officer_a)
    response = client.get(f"/to-chuc/don-vi/{tree.district_a.pk}/them/")
    assert response.status_code == 403
    assert "Bạn không được thực hiện thao tác này" in response.content.decode()


def test_a_form_sent_without_its_csrf_token_answers_403_saying_what_to_do_in_vietnamese(officer_a):
    client = Client(enforce_csrf_checks=True)
    client.force_login(officer_a)

    response = client.post("/van-ban/doc-van-ban/", {"text": "Kế hoạch"})

    assert response.status_code == 403
    page = response.content.decode()
    assert "Biểu mẫu đã hết hạn" in page and "tải lại trang (F5)" in page
    assert "CSRF verification failed" not in page


def test_an_htmx_request_without_its_csrf_token_gets_the_one_sentence(officer_a):
    client = Client(enforce_csrf_checks=True)
    client.force_login(officer_a)

    response = client.post("/van-ban/doc-van-ban/", {"text": "Kế hoạch"}, headers={"HX-Request": "true"})

    assert response.status_code == 403
    assert response.content.decode() == (
        "Trang đã mở quá lâu hoặc bạn đã đăng nhập ở nơi khác: hãy tải lại trang rồi thử lại."
    )
