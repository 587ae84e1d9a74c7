"""The review of a reading, given a recipient name longer than any name (a tester pasted 100,000
characters after a real one): each name is refused alone on the page, never a server error."""

from documents.models import Document, Reading
from documents.tests.test_reading import HOA_AN_TEXT, READ_URL, review_data


def test_a_recipient_name_longer_than_any_name_is_refused_on_the_review_page(symbols, officer_a, client_as):
    client = client_as(officer_a)
    client.post(READ_URL, {"text": HOA_AN_TEXT})
    reading = Reading.objects.get()
    typed = "Đơn vị không tồn tại; " + "x" * 100_000

    response = client.post(
        f"{READ_URL}{reading.pk}/", review_data(reading, officer_a, recipient_units_text=typed)
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert f"“{'x' * 40}…” dài hơn mọi tên (tối đa 255 ký tự): hãy gõ một phần của tên." in page
    assert "Đơn vị không tồn tại" in page
    assert not Document.objects.exists()
