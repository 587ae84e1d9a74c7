"""`manage.py read_document PATH`: print what the plan reader extracts from a document,
to check a document before importing it or to debug the reader on a real file."""

import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from documents.reader import Extraction, ReaderError, read_docx, read_text
from documents.reader.docx_text import OLE_SIGNATURE


def _decode(data: bytes) -> str:
    """Text files are UTF-8 (perhaps with a BOM) or, from old Windows tools, UTF-16."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReaderError("Tệp văn bản phải được lưu với bảng mã UTF-8.") from exc


def read_path(path: str, stdin: Any = None) -> Extraction:
    """Read a .txt or .docx file, or standard input for "-"; Word files are recognised
    by their content, whatever their name."""
    if path == "-":
        return read_text((stdin or sys.stdin).read())
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ReaderError(f"Không mở được tệp “{path}”: {exc.strerror}.") from exc
    if data.startswith((b"PK", OLE_SIGNATURE)) or path.lower().endswith((".docx", ".doc")):
        return read_docx(data)
    return read_text(_decode(data))


class Command(BaseCommand):
    help = "Đọc một văn bản (.txt hoặc .docx; “-” để đọc từ stdin) và in cấu trúc dạng JSON."
    stealth_options = ("stdin",)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="Tệp .txt hoặc .docx, hoặc “-” cho stdin")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            extraction = read_path(options["path"], options.get("stdin"))
        except ReaderError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(json.dumps(extraction.as_json(), ensure_ascii=False, indent=2))
        for warning in extraction.warnings:
            self.stderr.write(f"Cảnh báo: {warning}")
