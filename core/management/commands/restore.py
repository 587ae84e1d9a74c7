"""`manage.py restore PATH [--force]`: rebuild an empty installation from a backup."""

from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "Restore a backup written by `manage.py backup` into an empty, migrated installation."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument(
            "--force", action="store_true", help="replace the data of an installation that is not empty"
        )
        parser.add_argument("--database", default="default")

    def handle(self, *args, **options):
        try:
            summary = restore_backup(
                options["path"],
                force=options["force"],
                using=options["database"],
                log=lambda message: self.stdout.write(message),
            )
        except (BackupError, OSError) as exc:
            raise CommandError(f"restore failed: {exc}") from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"restored {summary.rows} rows in {summary.models} tables and {summary.media_files} media files"
            )
        )
