"""`manage.py backup [--output PATH]`: one consistent .tar.gz of every table and the media files."""

from datetime import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, write_backup


class Command(BaseCommand):
    help = "Write a consistent backup (.tar.gz) of the database and the uploaded files."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", "-o", help="archive to write (default: thidua-backup-<time>.tar.gz here)"
        )
        parser.add_argument("--database", default="default")

    def handle(self, *args, **options):
        output = Path(options["output"] or f"thidua-backup-{datetime.now():%Y%m%d-%H%M%S}.tar.gz")
        try:
            summary = write_backup(output, using=options["database"])
        except (BackupError, OSError) as exc:
            raise CommandError(f"backup failed: {exc}") from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"{summary.path}: {summary.models} tables, {summary.rows} rows, {summary.media_files} media files"
            )
        )
