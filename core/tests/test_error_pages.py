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
