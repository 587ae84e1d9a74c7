"""Backup and restore of a whole installation: every table and the uploaded files, in one
.tar.gz that `manage.py restore` turns back into an identical installation.

The archive holds
- `manifest.json`: format, time, database vendor, applied migrations, and for every model
  its row count and the SHA-256 of its data file; for every media file its size and SHA-256;
- `data/<app_label>.<model>.jsonl`: one JSON object per row (Django's python serialisation,
  natural keys off), models in dependency order, rows in primary-key order;
- `media/...`: the files under MEDIA_ROOT.

The tables are read inside one transaction (REPEATABLE READ on PostgreSQL, a read
transaction on SQLite), so the dump is one consistent snapshot while the app keeps running.
docs/operations.md explains when to prefer pg_dump.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import json
import os
import shutil
import tarfile
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import cast

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DEFAULT_DB_ALIAS, connections, models, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils.module_loading import import_string

from core.signed_in import forget_everyone

FORMAT = "thidua-backup"
FORMAT_VERSION = 1
BATCH_SIZE = 2000
# Rows that are worth nothing after a restore: logged-in sessions end with the backup.
EXCLUDED = {"sessions.Session"}


class BackupError(Exception):
    """A backup cannot be written or an archive cannot be restored; the message says why."""


@dataclass
class Summary:
    path: Path
    models: int
    rows: int
    media_files: int


class LosslessEncoder(DjangoJSONEncoder):
    """DjangoJSONEncoder with times kept to the microsecond: it cuts them to milliseconds, so a
    time stored at .000500 came back as .000000 and was written without its fraction at all — a
    restored installation was not identical to the one backed up (one backup in ~15 failed its
    round-trip check)."""

    def default(self, o):
        if isinstance(o, dt.datetime) or (isinstance(o, dt.time) and o.utcoffset() is None):
            return o.isoformat()
        return super().default(o)


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def models_in_dependency_order() -> list[type[models.Model]]:
    """Every concrete model with rows of its own, each after the models it points to.

    Many-to-many rows travel with the model that declares the field (as Django's
    serialisers do), so auto-created through tables are not listed. Cycles (a model
    pointing to itself, or two nullable links) are fine: the rows are loaded in one
    transaction and Django's foreign keys are checked at commit."""
    candidates = [
        m
        for m in apps.get_models()
        if m._meta.managed and not m._meta.proxy and m._meta.label not in EXCLUDED
    ]
    labels = {m._meta.label: m for m in candidates}
    depends: dict[str, set[str]] = {}
    for model in candidates:
        targets = set()
        for field in model._meta.get_fields():
            related_model = field.related_model
            if field.is_relation and field.concrete and related_model is not None:
                concrete_model = related_model._meta.concrete_model
                assert concrete_model is not None  # set on every installed model
                target = concrete_model._meta.label
                if target in labels and target != model._meta.label:
                    targets.add(target)
        depends[model._meta.label] = targets
    ordered: list[str] = []
    visiting: set[str] = set()

    def visit(label: str) -> None:
        if label in ordered or label in visiting:
            return  # a cycle: deferred constraints take care of it
        visiting.add(label)
        for target in sorted(depends[label]):
            visit(target)
        visiting.discard(label)
        ordered.append(label)

    for label in sorted(labels):
        visit(label)
    return [labels[label] for label in ordered]


def _applied_migrations(using: str) -> list[str]:
    recorder = MigrationRecorder(connections[using])
    return sorted(f"{app}.{name}" for app, name in recorder.applied_migrations())


@contextlib.contextmanager
def _snapshot(using: str):
    """One transaction over every read; REPEATABLE READ on PostgreSQL. Inside an outer
    transaction (tests) the outer one is the snapshot."""
    connection = connections[using]
    outermost = not connection.in_atomic_block
    with transaction.atomic(using=using):
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        yield


def _media_files(root: Path) -> Iterator[tuple[str, Path]]:
    if not root.is_dir():
        return
    for directory, _dirs, files in os.walk(root):
        for name in sorted(files):
            path = Path(directory) / name
            if path.is_file() and not path.is_symlink():
                yield path.relative_to(root).as_posix(), path


def write_backup(
    output: Path | str,
    *,
    using: str = DEFAULT_DB_ALIAS,
    on_model_dumped: Callable[[type[models.Model]], None] | None = None,
) -> Summary:
    """Write the archive to `output` (written beside it first, then renamed into place)."""
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    media_root = Path(settings.MEDIA_ROOT)
    manifest: dict = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "created_at": datetime.now(UTC).isoformat(),
        "vendor": connections[using].vendor,
        "models": [],
        "media": [],
    }
    with tempfile.TemporaryDirectory(prefix="thidua-backup-") as work:
        work_dir = Path(work)
        (work_dir / "data").mkdir()
        with _snapshot(using):
            manifest["migrations"] = _applied_migrations(using)
            for model in models_in_dependency_order():
                name = f"data/{model._meta.label_lower}.jsonl"
                rows = 0
                digest = hashlib.sha256()
                with open(work_dir / name, "wb") as handle:
                    queryset = model._base_manager.using(using).order_by("pk")
                    for record in serializers.serialize("python", queryset.iterator(chunk_size=BATCH_SIZE)):
                        line = (
                            json.dumps(record, cls=LosslessEncoder, ensure_ascii=False, sort_keys=True) + "\n"
                        ).encode()
                        handle.write(line)
                        digest.update(line)
                        rows += 1
                manifest["models"].append(
                    {"model": model._meta.label, "file": name, "rows": rows, "sha256": digest.hexdigest()}
                )
                if on_model_dumped is not None:
                    on_model_dumped(model)
        media = [(relative, path) for relative, path in _media_files(media_root)]
        for relative, path in media:
            manifest["media"].append(
                {"path": relative, "size": path.stat().st_size, "sha256": _sha256_file(path)}
            )

        partial = output.with_name(output.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            data = json.dumps(manifest, indent=1, ensure_ascii=False).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(data)
            info.mtime = int(datetime.now(UTC).timestamp())
            archive.addfile(info, io.BytesIO(data))
            for entry in manifest["models"]:
                archive.add(work_dir / entry["file"], arcname=entry["file"], recursive=False)
            for relative, path in media:
                archive.add(path, arcname=f"media/{relative}", recursive=False)
        os.replace(partial, output)
    return Summary(output, len(manifest["models"]), sum(m["rows"] for m in manifest["models"]), len(media))


# Restore --------------------------------------------------------------------------------


def read_manifest(archive: tarfile.TarFile) -> dict:
    try:
        handle = archive.extractfile("manifest.json")
        if handle is None:  # a directory or a link in its place
            raise KeyError("manifest.json")
        manifest = json.load(handle)
    except (KeyError, json.JSONDecodeError, TypeError) as exc:
        raise BackupError("not a thidua backup: manifest.json is missing or unreadable") from exc
    if manifest.get("format") != FORMAT or manifest.get("version") != FORMAT_VERSION:
        raise BackupError(f"unsupported backup format {manifest.get('format')} {manifest.get('version')}")
    return manifest


def verify_archive(archive: tarfile.TarFile, manifest: dict) -> None:
    """Every file is there with the checksum the manifest gives, before anything is written."""
    for entry in manifest["models"]:
        _check_member(archive, entry["file"], entry["sha256"])
    for entry in manifest["media"]:
        _safe_media_path(Path(settings.MEDIA_ROOT), entry["path"])
        _check_member(archive, f"media/{entry['path']}", entry["sha256"])


def _check_member(archive: tarfile.TarFile, name: str, expected: str) -> None:
    try:
        handle = archive.extractfile(name)
    except KeyError:
        handle = None
    if handle is None:
        raise BackupError(f"{name} is missing from the archive")
    digest = hashlib.sha256()
    for block in iter(lambda: handle.read(1 << 20), b""):
        digest.update(block)
    if digest.hexdigest() != expected:
        raise BackupError(f"{name} is damaged: its checksum does not match the manifest")


def _safe_media_path(root: Path, relative: str) -> Path:
    parts = PurePosixPath(relative).parts
    if not parts or PurePosixPath(relative).is_absolute() or ".." in parts:
        raise BackupError(f"refusing a media path outside MEDIA_ROOT: {relative}")
    return root.joinpath(*parts)


def existing_data(using: str = DEFAULT_DB_ALIAS) -> list[str]:
    """What makes an installation not empty: rows of `settings.INSTALLATION_DATA_MODELS` (the
    users and the units: a fresh `migrate` has neither, whatever its data migrations seed)."""
    found = []
    for model in map(apps.get_model, settings.INSTALLATION_DATA_MODELS):
        count = model._base_manager.using(using).count()
        if count:
            found.append(f"{count} {model._meta.verbose_name_plural}")
    return found


@contextlib.contextmanager
def _dates_as_stored():
    """Keep created/updated times from the archive: auto_now fields would set 'now'."""
    changed: list[tuple[models.DateField | models.TimeField, bool, bool]] = []
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, (models.DateField, models.TimeField)) and (
                field.auto_now or field.auto_now_add
            ):
                changed.append((field, field.auto_now, field.auto_now_add))
                field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, auto_now, auto_now_add in changed:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add


def _flush(using: str, model_list: list[type[models.Model]]) -> None:
    connection = connections[using]
    tables = set()
    for model in model_list:
        tables.add(model._meta.db_table)
        for through in _auto_created_throughs(model):
            tables.add(through._meta.db_table)
    statements = connection.ops.sql_flush(
        no_style(), sorted(tables), reset_sequences=False, allow_cascade=True
    )
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # TRUNCATE refuses tables with pending deferred checks (rows written earlier in
            # the same transaction); check them now, and defer again for the load.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for sql in statements:
            cursor.execute(sql)
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def _auto_created_throughs(model: type[models.Model]) -> list[type[models.Model]]:
    """The tables Django makes for a model's plain many-to-many fields."""
    throughs = [field.remote_field.through for field in model._meta.local_many_to_many]
    return [through for through in throughs if through is not None and through._meta.auto_created]


def _load_model(archive: tarfile.TarFile, entry: dict, model: type[models.Model], using: str) -> int:
    handle = archive.extractfile(entry["file"])
    assert handle is not None  # verify_archive found every data file
    rows = 0
    batch: list[models.Model] = []
    through_rows: dict[type[models.Model], list[models.Model]] = {}

    def records():
        for line in handle:
            if line.strip():
                yield json.loads(line)

    def flush_batch():
        if batch:
            model._base_manager.using(using).bulk_create(batch, batch_size=BATCH_SIZE)
            batch.clear()

    for deserialized in serializers.deserialize(
        "python", records(), using=using, handle_forward_references=False
    ):
        batch.append(deserialized.object)
        rows += 1
        for field_name, targets in (deserialized.m2m_data or {}).items():
            field = cast(
                models.ManyToManyField, model._meta.get_field(field_name)
            )  # m2m_data holds only those
            through = field.remote_field.through
            assert through is not None  # resolved when the models were loaded
            source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
            through_rows.setdefault(through, []).extend(
                through(**{f"{source}_id": deserialized.object.pk, f"{target}_id": pk}) for pk in targets
            )
        if len(batch) >= BATCH_SIZE:
            flush_batch()
    flush_batch()
    for through, objects in through_rows.items():
        through._base_manager.using(using).bulk_create(objects, batch_size=BATCH_SIZE)
    return rows


def _recounts_of_missing_tables(loaded: list[type[models.Model]]) -> list[str]:
    """The recount functions of derived tables (tallies an app keeps from its other tables, listed
    in its AppConfig's `derived_tables`) that an archive made before they existed does not hold:
    restored without them, they would be empty while the rows they count are back, and the next
    count into them would break their checks."""
    recounts: list[str] = []
    for config in apps.get_app_configs():
        for name, recount in getattr(config, "derived_tables", {}).items():
            if config.get_model(name) not in loaded and recount not in recounts:
                recounts.append(recount)
    return recounts


def restore_backup(
    path: Path | str,
    *,
    force: bool = False,
    using: str = DEFAULT_DB_ALIAS,
    log: Callable[[str], None] = lambda message: None,
) -> Summary:
    """Rebuild the installation from an archive: all tables replaced in one transaction,
    sequences reset, media files written under MEDIA_ROOT."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path} does not exist")
    connection = connections[using]
    media_root = Path(settings.MEDIA_ROOT)
    with tarfile.open(path, "r:gz") as archive:
        manifest = read_manifest(archive)
        log(f"checking {len(manifest['models'])} tables and {len(manifest['media'])} files")
        verify_archive(archive, manifest)
        missing = sorted(set(manifest["migrations"]) - set(_applied_migrations(using)))
        if missing:
            raise BackupError(
                "this installation's database schema is older than the backup's; run "
                "`manage.py migrate` first (missing: " + ", ".join(missing[:10]) + ")"
            )
        if not force:
            found = existing_data(using)
            if found:
                raise BackupError(
                    "the database is not empty (" + ", ".join(found) + "); restore into an empty "
                    "installation, or pass --force to replace everything"
                )
        by_label = {m._meta.label: m for m in apps.get_models()}
        unknown = [e["model"] for e in manifest["models"] if e["model"] not in by_label]
        if unknown:
            raise BackupError("the backup has tables this version does not know: " + ", ".join(unknown))
        loaded = [by_label[e["model"]] for e in manifest["models"]]
        with transaction.atomic(using=using), _dates_as_stored():
            _flush(using, loaded)
            rows = 0
            for entry, model in zip(manifest["models"], loaded, strict=True):
                count = _load_model(archive, entry, model, using)
                if count != entry["rows"]:
                    raise BackupError(
                        f"{entry['model']}: {count} rows read, the manifest says {entry['rows']}"
                    )
                rows += count
            for rebuild in _recounts_of_missing_tables(loaded):
                log(f"recounting {rebuild} (its tables are not in this older backup)")
                import_string(rebuild)()
            if connection.vendor == "postgresql":
                sequences = list(loaded)
                for model in loaded:
                    sequences += _auto_created_throughs(model)
                with connection.cursor() as cursor:
                    for sql in connection.ops.sequence_reset_sql(no_style(), sequences):
                        cursor.execute(sql)
        from django.contrib.contenttypes.models import ContentType

        ContentType.objects.clear_cache()
        forget_everyone()  # the users and roles kept by core.signed_in are the replaced ones
        log(f"{rows} rows loaded; writing media files")
        for entry in manifest["media"]:
            target = _safe_media_path(media_root, entry["path"])
            target.parent.mkdir(parents=True, exist_ok=True)
            source = archive.extractfile(f"media/{entry['path']}")
            assert source is not None  # verify_archive found every media file
            with open(target, "wb") as handle:
                shutil.copyfileobj(source, handle, 1 << 20)
    return Summary(path, len(loaded), rows, len(manifest["media"]))
