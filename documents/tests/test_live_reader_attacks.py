"""Hostile files on the reading page (/van-ban/doc-van-ban/), over real HTTP with CSRF enforced, on
SQLite and PostgreSQL: each answered with the form and its Vietnamese message beside the file
field, within a bounded time, and no reading kept."""

from __future__ import annotations

import html
import io
import re
import time
import zipfile
import zlib

import pytest
from django.urls import reverse

from documents.models import Reading

pytestmark = [pytest.mark.live, pytest.mark.django_db(transaction=True)]

SECONDS = 15  # on a loaded 2-core machine; the bomb below took minutes before the bound


def pdf_sharing_one_stream(content: bytes, pages: int) -> bytes:
    """A PDF whose pages all draw one compressed content stream: 18 KB for 30 pages of 4 MB."""
    stream = zlib.compress(content, 9)
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
    ]
    shared, font = 3 + pages, 4 + pages
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
    page += b"/Resources << /Font << /F1 %d 0 R >> >> >>"
    objects += [page % (shared, font)] * pages
    objects.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(stream), stream))
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out, offsets = b"%PDF-1.7\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)


def encrypted_pdf() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    writer.encrypt(user_password="bi-mat", owner_password="bi-mat")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def docx_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<w:document>" + b" " * (300 * 1024 * 1024) + b"</w:document>")
    return out.getvalue()


def test_hostile_files_on_the_reading_page_are_refused_quickly_and_nothing_is_kept(live_client, officer_a):
    line = b"BT /F1 12 Tf 72 720 Td (Dieu 1. Quy dinh chung) Tj ET\n"
    text_pdf = pdf_sharing_one_stream(line * 20, 1)
    cases = [
        ("bom.pdf", pdf_sharing_one_stream(line * (4 * 1024 * 1024 // len(line)), 30), "quá lớn"),
        ("mat-khau.pdf", encrypted_pdf(), "được đặt mật khẩu"),
        ("bom.docx", docx_bomb(), "khi giải nén"),
        ("lai.pdf", text_pdf + docx_bomb(), ""),  # a PDF with a zip behind it: read as the PDF it is
    ]
    browser = live_client()
    browser.login(officer_a.username)
    path = reverse("documents:read")
    for name, data, answer in cases:
        started = time.monotonic()
        response = browser.post_form(
            path, {"text": ""}, files={"file": (name, data, "application/octet-stream")}
        )
        took = time.monotonic() - started
        assert took < SECONDS, (name, took)
        assert response.status_code in (200, 302), (name, response.status_code)
        if answer:
            told = " ".join(
                re.findall(r'<p class="error"[^>]*>(.*?)</p>', html.unescape(response.text), re.S)
            )
            assert response.status_code == 200 and answer in told, (name, told)
            at = response.text.index('name="file"')
            assert 'class="field has-error"' in response.text[max(0, at - 2000) : at], name
            assert not Reading.objects.exists(), name
