"""`manage.py read_document PATH`: print what the plan reader extracts from a document,
to check a document before importing it or to debug the reader on a real file."""

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from documents.reader import Extraction, ReaderError, read_file, read_text


def read_path(path: str, stdin: Any = None) -> Extraction:
    """Read a file, or standard input for "-"; the kind of file is recognised by its content."""
    if path == "-":
        return read_text((stdin or sys.stdin).read())
    return read_file(path)


class Command(BaseCommand):
    help = "Đọc một văn bản (.txt, .docx hoặc .pdf, kể cả bản scan; “-” để đọc từ stdin) và in cấu trúc dạng JSON."
    stealth_options = ("stdin",)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="Tệp .txt, .docx hoặc .pdf, hoặc “-” cho stdin")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            extraction = read_path(options["path"], options.get("stdin"))
        except ReaderError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(json.dumps(extraction.as_json(), ensure_ascii=False, indent=2))
        for warning in extraction.warnings:
            self.stderr.write(f"Cảnh báo: {warning}")
