"""PDF rendering of official documents with WeasyPrint, from a Django template.

The PDF is produced on the server, so the CSS is inlined in the template rather than
linked (the content security policy concerns browsers, not this).
"""

from __future__ import annotations

import logging

from django.template.loader import render_to_string

from . import layout
from .model import Annex, OfficialDocument

__all__ = ["render_pdf", "render_pdf_many"]

TEMPLATE = "documents/official/document.html"

# WeasyPrint logs every step and every page at INFO: a line per certificate in a batch.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


def html_to_pdf(html: str) -> bytes:
    """Print HTML to PDF. Only inline data: URLs are loaded, so a document (or an uploaded
    certificate template) can never make the server fetch a URL or read a file."""
    # Imported here: WeasyPrint is slow to import and only workers that print need it.
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    return HTML(string=html, url_fetcher=URLFetcher(allowed_protocols={"data"})).write_pdf()


def render_pdf(doc: OfficialDocument) -> bytes:
    """One official document as a PDF."""
    return render_pdf_many([doc])


def render_pdf_many(docs: list[OfficialDocument]) -> bytes:
    """Many documents in one PDF, in one WeasyPrint pass: each starts on a new page and
    numbers its own pages (none on its first page)."""
    return html_to_pdf(render_html(docs))


def render_html(docs: list[OfficialDocument]) -> str:
    """The print HTML of the documents (what WeasyPrint renders)."""
    first = docs[0] if docs else None
    return render_to_string(
        TEMPLATE,
        {
            "documents": [_document_context(doc) for doc in docs],
            "title": _title(first) if first else "",
            "author": first.issuer if first else "",
        },
    )


def _title(doc: OfficialDocument) -> str:
    kind = "Công văn" if doc.is_letter else doc.type_name.capitalize()
    summary = " ".join(doc.summary.split())
    return " ".join(part for part in (kind, doc.number_symbol, summary) if part)


def _document_context(doc: OfficialDocument) -> dict:
    return {
        "doc": doc,
        "number_line": layout.number_line(doc.number_symbol),
        "date_line": layout.vietnamese_date_line(doc.place, doc.date),
        "letter_summary": layout.letter_summary(doc.summary),
        "blocks": layout.body_blocks(doc),
        "recipients": layout.recipient_lines(doc.recipients),
        "annexes": [_annex_context(annex, i, len(doc.annexes)) for i, annex in enumerate(doc.annexes)],
    }


def _annex_context(annex: Annex, index: int, count: int) -> dict:
    width = len(annex.columns)
    aligns = layout.annex_alignments(annex)

    def cells(row: list[str]) -> list[dict]:
        return [
            {"text": text, "align": align}
            for text, align in zip(layout.padded_row(row, width), aligns, strict=True)
        ]

    return {
        "heading": layout.annex_heading(index, count),
        "title": annex.title,
        "subtitle": annex.subtitle,
        "columns": annex.columns,
        # Strings, not floats: the Vietnamese locale would print "12,5" into the CSS.
        "widths": [f"{100 * fraction:.2f}" for fraction in layout.annex_widths(annex)],
        "rows": [cells(row) for row in annex.rows],
        "totals": cells(annex.totals) if annex.totals else None,
    }
