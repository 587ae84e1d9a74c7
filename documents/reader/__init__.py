"""Read official Vietnamese administrative documents (Nghị định 30/2020/NĐ-CP layout)
written elsewhere, and extract their structure: type, number/symbol, date, issuer,
title, theme, legal bases, content items and recipients."""

from documents.reader.errors import ReaderError
from documents.reader.extract import Basis, Extraction, read_docx, read_pdf, read_text
from documents.reader.files import read_file
from documents.reader.numbers import (
    TYPE_CODES,
    NumberSymbol,
    format_number_symbol,
    parse_number_symbol,
)

__all__ = [
    "TYPE_CODES",
    "Basis",
    "Extraction",
    "NumberSymbol",
    "ReaderError",
    "format_number_symbol",
    "parse_number_symbol",
    "read_docx",
    "read_file",
    "read_pdf",
    "read_text",
]
