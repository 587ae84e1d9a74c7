"""Faults: the process killed in the middle of a write, the database going away, a full disk.

The kill tests run the real code in a real `manage.py`-configured Python process against a
real database file (SQLite, a copy of the test database) or the test database itself
(PostgreSQL), stop it with SIGKILL while its transaction is open, and look at what is left."""

import errno
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, connections, transaction
from django.test import Client

from core.tests.authz import member_workbook
from documents import services as document_services
from documents.models import Document, DocumentType
from organisations.imports import WRITE_BATCH
from organisations.models import Member, MemberImport

BASE_DIR = Path(__file__).resolve().parents[2]
KILL_AFTER = 60  # seconds the child waits, transaction open, to be killed

IMPORT_SCRIPT = """
import sys, time, django
django.setup()
from organisations import imports
from organisations.imports import writing
from organisations.models import Unit

unit_code, count, mode = sys.argv[1], int(sys.argv[2]), sys.argv[3]
unit = Unit.objects.get(code=unit_code)
rows = [imports.MemberRow(n + 2, f"KILL{n:06d}", "Hoàng Văn Kiên", "M", None, "", "", "worker", unit, None)
        for n in range(count)]
if mode == "hang":
    original = writing.write_history
    written = []

    def write_history_then_hang(writer, batch):
        original(writer, batch)
        written.extend(batch)
        if len(written) >= count:
            print("written", flush=True)  # every member row and its history written, not committed
            time.sleep(KILL_AFTER)

    writing.write_history = write_history_then_hang  # looked up where apply_member_import runs
print(imports.apply_member_import(rows), flush=True)
""".replace("KILL_AFTER", str(KILL_AFTER))

ISSUE_SCRIPT = """
import sys, time, django
django.setup()
import documents.services.issuing as services
from accounts.models import User
from documents.models import Document

document = Document.objects.get(pk=int(sys.argv[1]))
actor = User.objects.get(username=sys.argv[2])
if sys.argv[3] == "hang":
    original = services.next_number

    def next_number_then_hang(*args, **kwargs):
        number = original(*args, **kwargs)
        print("numbered", number, flush=True)  # the sequence moved on, the transaction open
        time.sleep(KILL_AFTER)
        return number

    services.next_number = next_number_then_hang
print(services.issue_document(actor=actor, document=document).number_symbol, flush=True)
""".replace("KILL_AFTER", str(KILL_AFTER))


class Database:
    """The test database as a child process sees it, and row counts read from outside."""

    def __init__(self, tmp_path: Path):
        if connection.vendor == "sqlite":
            self.file = tmp_path / "killed.sqlite3"
            connection.ensure_connection()
            target = sqlite3.connect(self.file)
            connection.connection.backup(target)  # the migrated test database, with the fixtures
            target.close()
            self.url = f"sqlite:///{self.file}"
        else:
            s = connection.settings_dict
            self.file = None
            self.url = (
                f"postgres://{s['USER']}:{s['PASSWORD'] or ''}@{s['HOST'] or '127.0.0.1'}:"
                f"{s['PORT'] or 5432}/{s['NAME']}"
            )

    def env(self) -> dict:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
        env.update(
            DATABASE_URL=self.url,
            THIDUA_ENV="test",
            DJANGO_SETTINGS_MODULE="thidua.settings",
            PYTHONPATH=str(BASE_DIR),
        )
        return env

    def scalar(self, sql: str, params=()):
        if self.file is not None:
            with sqlite3.connect(self.file) as db:
                return db.execute(sql.replace("%s", "?"), params).fetchone()[0]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchone()[0]

    def run(self, script: str, *args: str) -> str:
        result = subprocess.run(
            [sys.executable, "-c", script, *args],
            cwd=BASE_DIR,
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stdout

    def kill_when(self, script: str, marker: str, *args: str) -> None:
        child = subprocess.Popen(
            [sys.executable, "-c", script, *args],
            cwd=BASE_DIR,
            env=self.env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            line = child.stdout.readline()
            assert line.startswith(marker), f"child said {line!r}: {child.stderr.read()[-3000:]}"
            os.kill(child.pid, signal.SIGKILL)
        finally:
            child.kill()
            child.wait(timeout=30)
        assert child.returncode == -signal.SIGKILL


# Killed in the middle of a member import --------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_an_import_killed_midway_leaves_nothing_and_can_be_redone(tree, tmp_path):
    database = Database(tmp_path)
    count = 2 * WRITE_BATCH + 1000  # three batches: all must go in one transaction
    members_sql = "SELECT COUNT(*) FROM organisations_member WHERE code LIKE %s"
    history_sql = "SELECT COUNT(*) FROM organisations_historicalmember WHERE code LIKE %s"

    database.kill_when(IMPORT_SCRIPT, "written", tree.grassroots_a1.code, str(count), "hang")

    assert database.scalar(members_sql, ("KILL%",)) == 0
    assert database.scalar(history_sql, ("KILL%",)) == 0
    # the same import, run again, goes through whole
    assert database.run(IMPORT_SCRIPT, tree.grassroots_a1.code, str(count), "go").strip() == str(count)
    assert database.scalar(members_sql, ("KILL%",)) == count
    assert database.scalar(history_sql, ("KILL%",)) == count


# Killed in the middle of issuing a document ------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_an_issue_killed_midway_keeps_the_number_sequence_and_the_document_consistent(
    tree, officer_a, tmp_path
):
    # Its own type: an earlier transactional test may have emptied the seeded ones.
    doc_type, _ = DocumentType.objects.get_or_create(
        code="KH", defaults={"name": "Kế hoạch", "is_plan": True}
    )
    draft = document_services.create_draft(
        actor=officer_a, issuer=tree.district_a, doc_type=doc_type, summary="Kế hoạch thử dừng đột ngột"
    )
    database = Database(tmp_path)
    sequence_sql = (
        "SELECT COALESCE(MAX(last_number), 0) FROM documents_numbersequence WHERE issuer_unit_id = %s"
    )
    document_sql = "SELECT status FROM documents_document WHERE id = %s"

    database.kill_when(ISSUE_SCRIPT, "numbered", str(draft.pk), officer_a.username, "hang")

    assert database.scalar(sequence_sql, (tree.district_a.pk,)) == 0
    assert database.scalar(document_sql, (draft.pk,)) == Document.Status.DRAFT
    number_symbol = database.run(ISSUE_SCRIPT, str(draft.pk), officer_a.username, "go").strip()
    assert number_symbol.startswith("01/") or number_symbol.startswith("1/"), number_symbol
    assert database.scalar(sequence_sql, (tree.district_a.pk,)) == 1
    assert database.scalar(document_sql, (draft.pk,)) == Document.Status.ISSUED


# A form submitted twice at once -----------------------------------------------------------------


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite runs one write transaction at a time")
@pytest.mark.django_db(transaction=True)
def test_a_form_submitted_twice_at_once_creates_one_member_and_tells_the_other_why(tree, officer_a):
    from organisations import services

    url = f"/to-chuc/don-vi/{tree.grassroots_a1.pk}/doan-vien/them/"
    data = {
        "code": "DOUBLE-1",
        "full_name": "Lưu Thị Bấm Hai Lần",
        "gender": "F",
        "category": "worker",
        "status": "active",
    }
    both_checked = threading.Barrier(2, timeout=20)
    check = services._validate_member
    responses, errors = [], []

    def check_then_wait(member):
        check(member)
        both_checked.wait()  # both requests have passed the "code already used" check

    def submit():
        try:
            client = Client()
            client.force_login(officer_a)
            responses.append(client.post(url, data))
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    with mock.patch.object(services, "_validate_member", check_then_wait):
        threads = [threading.Thread(target=submit) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    assert not errors, errors
    assert sorted(r.status_code for r in responses) == [200, 302]
    refused = next(r for r in responses if r.status_code == 200).content.decode()
    assert "Mã đoàn viên “DOUBLE-1” không dùng được cho đoàn viên này" in refused
    assert Member.objects.filter(code="DOUBLE-1").count() == 1


def test_saving_a_member_with_a_code_taken_meanwhile_is_a_validation_error(tree, members):
    """The same path without threads: the check passes, the database refuses."""
    from django.core.exceptions import ValidationError

    from organisations import services

    taken = members["a1"][0].code
    newcomer = Member(unit=tree.grassroots_a1, code=taken, full_name="Người Đến Sau", gender="M")
    with mock.patch.object(services, "_validate_member"), pytest.raises(ValidationError) as caught:
        services.save_member(newcomer)
    assert "code" in caught.value.message_dict


# The database going away -----------------------------------------------------------------------


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # nothing listens there once the socket is closed


@pytest.mark.django_db(transaction=True)
def test_the_database_going_away_answers_503_and_the_app_recovers(client, admin_user):
    client.force_login(admin_user)
    assert client.get("/to-chuc/don-vi/").status_code == 200
    if connection.vendor == "postgresql":
        # a real refused connection: the settings point at a port nobody listens on
        saved = connection.settings_dict["PORT"], connection.settings_dict["HOST"]
        connection.close()
        connection.settings_dict["PORT"], connection.settings_dict["HOST"] = _closed_port(), "127.0.0.1"
        try:
            page = client.get("/to-chuc/don-vi/")
            health = client.get("/healthz")
        finally:
            connection.close()
            connection.settings_dict["PORT"], connection.settings_dict["HOST"] = saved
    else:
        # the in-memory test database cannot be closed: the driver fails as it does when the
        # file cannot be opened
        failure = sqlite3.OperationalError("unable to open database file")
        with mock.patch.object(type(connections["default"]), "create_cursor", side_effect=failure):
            page = client.get("/to-chuc/don-vi/")
            health = client.get("/healthz")
    assert page.status_code == 503
    assert page["Retry-After"] == "30"
    assert "Hệ thống tạm thời gián đoạn" in page.content.decode()
    assert health.status_code == 503
    # back again: the same client, the same session, a normal page
    assert client.get("/to-chuc/don-vi/").status_code == 200
    assert client.get("/healthz").json()["database"] == "ok"


def test_other_database_errors_are_not_hidden_behind_the_503_page(client, admin_user):
    from django.db import IntegrityError

    client.force_login(admin_user)
    client.raise_request_exception = False
    with mock.patch("organisations.views.selectors.scope_roots", side_effect=IntegrityError("duplicate key")):
        assert client.get("/to-chuc/don-vi/").status_code == 500


# A full disk -----------------------------------------------------------------------------------


def _disk_full(*args, **kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_a_full_disk_on_upload_gives_a_clear_message_and_writes_nothing(client, officer_a, tree, caplog):
    client.force_login(officer_a)
    upload = SimpleUploadedFile("doan-vien.xlsx", member_workbook(tree.grassroots_a1.code, rows=3))
    with (
        mock.patch("django.core.files.storage.FileSystemStorage._save", side_effect=_disk_full),
        transaction.atomic(),
    ):  # the failed save marks only this block for rollback, as in autocommit
        response = client.post(f"/to-chuc/don-vi/{tree.grassroots_a1.pk}/nhap-doan-vien/", {"file": upload})
    assert response.status_code == 507
    body = response.content.decode()
    assert "bộ nhớ lưu trữ của máy chủ đã đầy" in body
    assert "Traceback" not in body
    assert not MemberImport.objects.exists()
    assert any(r.name == "thidua.storage" for r in caplog.records)
    # once there is room again the same upload goes through
    upload.seek(0)
    again = client.post(f"/to-chuc/don-vi/{tree.grassroots_a1.pk}/nhap-doan-vien/", {"file": upload})
    assert again.status_code == 302  # to the batch's page, where its check shows
    assert MemberImport.objects.count() == 1


def test_a_full_disk_in_the_api_answers_json(client, officer_a):
    from core.middleware import StorageFullMiddleware

    request = mock.Mock(path="/api/v1/documents/", method="POST")
    response = StorageFullMiddleware(lambda r: None).process_exception(request, OSError(errno.ENOSPC, "full"))
    assert response.status_code == 507
    assert "detail" in response.json() if hasattr(response, "json") else b"detail" in response.content


def test_other_os_errors_are_not_taken_for_a_full_disk():
    from core.middleware import StorageFullMiddleware

    request = mock.Mock(path="/", method="POST")
    assert (
        StorageFullMiddleware(lambda r: None).process_exception(request, OSError(errno.EACCES, "denied"))
        is None
    )
    assert Member  # imported for the kill tests' table names
