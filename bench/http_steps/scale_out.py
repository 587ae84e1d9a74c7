"""Two app servers on one database: sessions, uploads and the cache shared between them."""

from __future__ import annotations

import re
import time
import uuid
from urllib.parse import urlencode

from bench.common import (
    ADMIN,
    WORK,
    Result,
)
from bench.http_steps.common import DEMO_PASSWORD
from bench.servers import Server, cookie_header, login, request

__all__ = ["two_servers"]


def _multipart(fields: dict, files: dict) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = []
    for key, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
        )
    for key, (filename, content, content_type) in files.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"; filename="{filename}"\r\n'
            f"Content-Type: {content_type}\r\n\r\n".encode()
            + content
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def _token(body: bytes) -> str:
    found = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
    return found.group(1).decode() if found else ""


def two_servers(database_url: str, psql) -> list[Result]:
    """Two gunicorn processes on different ports, one database and cache, one media folder:
    a session made on A is valid on B, a file uploaded through A is read back through B, and
    the dashboard cached by A is served from the cache to B."""
    group = "two app servers (PostgreSQL, shared database, cache and media)"
    media = WORK / "media-shared"
    checks: dict[str, tuple[bool, str]] = {}
    with (
        Server(database_url, 8201, name="a", workers=1, media_root=media) as a,
        Server(database_url, 8202, name="b", workers=1, media_root=media) as b,
    ):
        cookies = login(a.port, ADMIN, DEMO_PASSWORD)
        header = {"Cookie": cookie_header(cookies)}
        status, headers, _ = request(b.port, "GET", "/to-chuc/doan-vien/", headers=header)
        checks["session made on A is valid on B"] = (
            status == 200,
            f"B answered {status} {headers.get('location', '')}".strip(),
        )
        document_id = psql(
            "SELECT d.id FROM documents_document d JOIN organisations_unit u ON u.id = d.issuer_unit_id "
            "WHERE u.code = 'LDLD-CB' AND d.status = 'issued' ORDER BY d.id LIMIT 1"
        )
        content = b"%PDF-1.4\n% thidua bench upload " + uuid.uuid4().hex.encode() + b"\n%%EOF\n"
        status, _, body = request(a.port, "GET", f"/van-ban/{document_id}/", headers=header)
        token = _token(body)
        form, content_type = _multipart(
            {"csrfmiddlewaretoken": token}, {"file": ("bench-upload.pdf", content, "application/pdf")}
        )
        status, _, _ = request(
            a.port,
            "POST",
            f"/van-ban/{document_id}/dinh-kem/",
            body=form,
            headers={**header, "Content-Type": content_type},
        )
        attachment_id = psql(f"SELECT MAX(id) FROM documents_attachment WHERE document_id = {document_id}")
        if attachment_id:
            status, _, body = request(b.port, "GET", f"/van-ban/dinh-kem/{attachment_id}/", headers=header)
            checks["file uploaded through A is read through B"] = (
                status == 200 and body == content,
                f"B answered {status}, {len(body)} bytes",
            )
        else:
            checks["file uploaded through A is read through B"] = (
                False,
                "the upload through A stored nothing",
            )
        request(a.port, "GET", "/bao-cao/?fresh=1", headers=header, timeout=120)
        rows = psql("SELECT COUNT(*) FROM thidua_cache")
        started = time.perf_counter()
        status, _, _ = request(b.port, "GET", "/bao-cao/", headers=header, timeout=120)
        cached_ms = (time.perf_counter() - started) * 1000
        started = time.perf_counter()
        request(b.port, "GET", "/bao-cao/?fresh=1", headers=header, timeout=120)
        fresh_ms = (time.perf_counter() - started) * 1000
        checks["dashboard cached by A is served to B from the cache"] = (
            status == 200 and int(rows or 0) > 0 and cached_ms < fresh_ms / 2,
            f"{rows} cache rows; B: {cached_ms:.0f} ms from the cache, {fresh_ms:.0f} ms fresh",
        )
        status, headers, _ = request(
            b.port,
            "POST",
            "/tai-khoan/dang-xuat/",
            headers={**header, "Content-Type": "application/x-www-form-urlencoded"},
            body=urlencode({"csrfmiddlewaretoken": cookies.get("csrftoken", "")}).encode(),
        )
        status, headers, _ = request(a.port, "GET", "/to-chuc/doan-vien/", headers=header)
        checks["logging out on B ends the session on A"] = (status == 302, f"A answered {status}")
    return [
        Result(name, 1.0 if ok else 0.0, "pass", 1.0, 1.0 if ok else 0.0, "passes", ok, group, note)
        for name, (ok, note) in checks.items()
    ]
