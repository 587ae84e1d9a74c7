"""Backup and restore: an installation backed up and restored into an empty one is identical,
table by table (row counts and checksums) and file by file."""

import datetime as dt
import io
import json
import shutil
import tarfile
import threading
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection

from accounts.models import ApiToken, User
from core.backup import models_in_dependency_order, write_backup
from core.models import Notification
from core.tests.authz import member_workbook
from organisations.models import Member, MemberImport, Unit
from organisations.testing import MemberFactory, make_unit

postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL")


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return Path(settings.MEDIA_ROOT)


def populate(tree, officer_a):
    MemberFactory.create_batch(30, unit=tree.grassroots_a1)
    MemberFactory(unit=tree.grassroots_b1, full_name="Nguyễn Thị Ánh Tuyết", ethnicity="Nùng", code="NFC-1")
    group = Group.objects.create(name="Thư ký")
    officer_a.groups.add(group)  # a many-to-many row
    ApiToken.issue(officer_a, "máy chủ báo cáo")
    Notification.objects.create(user=officer_a, text="Có văn bản mới cần xử lý")
    content = member_workbook("CS-A1")
    MemberImport.objects.create(
        unit=tree.grassroots_a1,
        original_name="đoàn viên.xlsx",
        status="checked",
        file=ContentFile(content, name="doan-vien.xlsx"),
        errors=[{"row": 2, "column": "Ngày sinh", "message": "sai"}],
    )
    return content


def manifest_of(path) -> dict:
    with tarfile.open(path, "r:gz") as archive:
        return json.load(archive.extractfile("manifest.json"))


def tables(manifest) -> dict:
    return {m["model"]: (m["rows"], m["sha256"]) for m in manifest["models"]}


def files(manifest) -> dict:
    return {m["path"]: m["sha256"] for m in manifest["media"]}


def empty_installation(media: Path):
    """What a fresh `migrate` on a new server gives: no data, only what migrate creates itself."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # let TRUNCATE run inside the test's transaction
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(media, ignore_errors=True)
    assert not User.objects.exists() and not Unit.objects.exists()


def test_a_restored_installation_is_identical(db, tree, officer_a, media, tmp_path):
    workbook = populate(tree, officer_a)
    first = tmp_path / "first.tar.gz"
    call_command("backup", output=str(first), stdout=io.StringIO())
    before = manifest_of(first)
    assert tables(before)["organisations.Member"][0] == 31
    assert tables(before)["accounts.User"][0] == 1
    assert len(files(before)) == 1

    empty_installation(media)
    out = io.StringIO()
    call_command("restore", str(first), stdout=out)
    assert "restored" in out.getvalue()

    second = tmp_path / "second.tar.gz"
    write_backup(second)
    after = manifest_of(second)
    assert tables(after) == tables(before)
    assert files(after) == files(before)
    assert officer_a.groups.get().name == "Thư ký"
    assert Member.objects.get(code="NFC-1").full_name == "Nguyễn Thị Ánh Tuyết"
    batch = MemberImport.objects.get()
    assert batch.file.read() == workbook
    user = User.objects.get(username=officer_a.username)
    assert user.check_password("demo12345")


def test_times_under_a_millisecond_come_back_as_they_were(db, tree, officer_a, media, tmp_path):
    """A member saved at hh:mm:ss.000500 (one time in a thousand): the archive keeps the
    microseconds, so the restored installation backs up to the same bytes."""
    populate(tree, officer_a)
    moment = dt.datetime(2026, 12, 6, 4, 45, 7, 500, tzinfo=dt.UTC)
    Member.objects.filter(code="NFC-1").update(created_at=moment, updated_at=moment)
    first = tmp_path / "first.tar.gz"
    write_backup(first)
    empty_installation(media)
    call_command("restore", str(first), stdout=io.StringIO())
    assert Member.objects.get(code="NFC-1").created_at == moment
    second = tmp_path / "second.tar.gz"
    write_backup(second)
    assert tables(manifest_of(second)) == tables(manifest_of(first))


def test_new_rows_can_be_added_after_a_restore(db, tree, officer_a, media, tmp_path):
    """On PostgreSQL the id sequences must be moved past the restored ids."""
    populate(tree, officer_a)
    archive = tmp_path / "b.tar.gz"
    write_backup(archive)
    highest = Member.objects.order_by("-pk").first().pk
    empty_installation(media)
    call_command("restore", str(archive), stdout=io.StringIO())
    member = MemberFactory(unit=Unit.objects.get(code="CS-A1"))
    assert member.pk > highest
    assert make_unit("grassroots", Unit.objects.get(code="LDLD-HOAAN")).pk


def test_restore_refuses_an_installation_with_data(db, tree, media, tmp_path):
    archive = tmp_path / "b.tar.gz"
    write_backup(archive)
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(archive), stdout=io.StringIO())
    MemberFactory(unit=tree.grassroots_a1, code="AFTER-BACKUP")
    call_command("restore", str(archive), force=True, stdout=io.StringIO())
    assert not Member.objects.filter(code="AFTER-BACKUP").exists()


def _rewrite(source: Path, target: Path, change):
    with tarfile.open(source, "r:gz") as old, tarfile.open(target, "w:gz") as new:
        for member in old.getmembers():
            data = old.extractfile(member).read()
            data = change(member.name, data)
            info = tarfile.TarInfo(member.name)
            info.size = len(data)
            new.addfile(info, io.BytesIO(data))


def test_a_damaged_archive_is_refused_before_anything_is_written(db, tree, officer_a, media, tmp_path):
    populate(tree, officer_a)
    good = tmp_path / "good.tar.gz"
    write_backup(good)
    bad = tmp_path / "bad.tar.gz"
    _rewrite(
        good,
        bad,
        lambda name, data: data.replace(b"CS-A1", b"CS-A9") if name.endswith("unit.jsonl") else data,
    )
    empty_installation(media)
    with pytest.raises(CommandError, match="damaged"):
        call_command("restore", str(bad), stdout=io.StringIO())
    assert not Unit.objects.exists()


def test_an_archive_cannot_write_outside_media_root(db, tree, media, tmp_path):
    good = tmp_path / "good.tar.gz"
    write_backup(good)

    def escape(name, data):
        if name == "manifest.json":
            manifest = json.loads(data)
            manifest["media"].append({"path": "../../evil.py", "size": 1, "sha256": "0"})
            return json.dumps(manifest).encode()
        return data

    bad = tmp_path / "bad.tar.gz"
    _rewrite(good, bad, escape)
    empty_installation(media)
    with pytest.raises(CommandError, match="outside MEDIA_ROOT"):
        call_command("restore", str(bad), stdout=io.StringIO())


def test_something_that_is_not_a_backup_is_refused(db, tmp_path):
    path = tmp_path / "x.tar.gz"
    with tarfile.open(path, "w:gz") as archive:
        info = tarfile.TarInfo("hello.txt")
        archive.addfile(info, io.BytesIO(b""))
    with pytest.raises(CommandError, match="not a thidua backup"):
        call_command("restore", str(path), stdout=io.StringIO())


def test_models_come_after_the_models_they_point_to():
    order = [m._meta.label for m in models_in_dependency_order()]
    assert (
        order.index("organisations.UnitType")
        < order.index("organisations.Unit")
        < order.index("organisations.Member")
    )
    assert order.index("accounts.User") < order.index("accounts.RoleAssignment")
    assert "sessions.Session" not in order


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_the_backup_is_one_snapshot_while_others_write(tree, media, tmp_path):
    """A unit and its member committed while the backup runs are both absent (or both
    present): never a member whose unit is missing."""
    units_dumped = threading.Event()

    def write_meanwhile(model):
        if model is Unit and not units_dumped.is_set():
            units_dumped.set()

            def other_request():
                unit = make_unit("grassroots", tree.district_a, code="LATE-UNIT")
                MemberFactory(unit=unit, code="LATE-MEMBER")
                connection.close()

            worker = threading.Thread(target=other_request)
            worker.start()
            worker.join()

    archive = tmp_path / "snapshot.tar.gz"
    write_backup(archive, on_model_dumped=write_meanwhile)
    assert units_dumped.is_set() and Member.objects.filter(code="LATE-MEMBER").exists()
    with tarfile.open(archive, "r:gz") as tar:
        units = tar.extractfile("data/organisations.unit.jsonl").read().decode()
        members = tar.extractfile("data/organisations.member.jsonl").read().decode()
    assert ("LATE-UNIT" in units) == ("LATE-MEMBER" in members)
    assert "LATE-MEMBER" not in members
