"""Official documents in the layout of Nghị định 30/2020/NĐ-CP, as DOCX and PDF.

Pure: callers build an `OfficialDocument` (or `Certificate`s) from their models and
get bytes back; nothing here reads or writes the database.
"""

from .certificates import Certificate, render_certificates_pdf, validate_certificate_template
from .docx import render_docx
from .layout import vietnamese_date_line
from .model import NATIONAL_MOTTO, Annex, OfficialDocument, Section
from .pdf import render_pdf, render_pdf_many

__all__ = [
    "NATIONAL_MOTTO",
    "Annex",
    "Certificate",
    "OfficialDocument",
    "Section",
    "render_certificates_pdf",
    "render_docx",
    "render_pdf",
    "render_pdf_many",
    "validate_certificate_template",
    "vietnamese_date_line",
]
