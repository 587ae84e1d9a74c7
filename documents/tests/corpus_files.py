"""The corpus of real published documents (documents/tests/corpus/) and the Word and PDF files
made from their texts, as an office would have them: the header (issuer and number on the
left, the motto and the date on the right) and the recipients beside the signature in
borderless two-column tables; the PDF is that layout set by WeasyPrint. The files are made
here, when the tests run, so that only the published texts are kept in the repository."""

import html
import json
import logging
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import docx

from core.text import fold, normalize

CORPUS = Path(__file__).parent / "corpus"

logging.getLogger("weasyprint").setLevel(logging.WARNING)
logging.getLogger("fontTools").setLevel(logging.WARNING)

# Lines of the right-hand header column: the motto and the place-and-date line.
# Whole words: "tự động" is not "tự do".
_RIGHT = re.compile(r"\b(?:cong\s*hoa|doc lap|tu do|hanh phuc|chu nghia viet nam)\b|, ngay\b")
_RULE = re.compile(r"^[\s\-_*|]*$")
# A ground opening the body ("Căn cứ …", "Thực hiện …"), folded.
_GROUND = re.compile(r"(?:can cu|thuc hien|xet de nghi|theo de nghi)\b")


@dataclass(frozen=True)
class CorpusDocument:
    name: str
    text: str
    expected: dict


@cache
def held_out_names(folder: Path = CORPUS) -> frozenset[str]:
    """The documents written up after the reader work they would have driven: every name listed
    in a `HELDOUT*.sha256` of the folder (`HELDOUT.sha256`, `HELDOUT-13.sha256` …; any of them may
    be empty). A set once seen is renamed `SEEN-HELDOUT-<n>.sha256` and joins the scored set."""
    names = {
        Path(line.split()[-1]).stem
        for listing in sorted(folder.glob("HELDOUT*.sha256"))
        for line in listing.read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    return frozenset(names)


def corpus_documents() -> list[CorpusDocument]:
    out = []
    for path in sorted(CORPUS.glob("*.json")):
        text = path.with_suffix(".txt").read_bytes().decode("utf-8")
        out.append(CorpusDocument(path.stem, text, json.loads(path.read_text(encoding="utf-8"))))
    return out


def _parts(text: str) -> tuple[list[str], list[str], list[str], list[str]]:
    """Header left column, header right column, body, recipients-and-signature block."""
    lines = [normalize(line.replace("|", " ")) for line in text.splitlines()]
    lines = [line for line in lines if line and not _RULE.match(line)]
    start = 0
    for index, line in enumerate(lines[:14]):
        if _GROUND.match(fold(line)):
            continue  # a ground citing "…, ngày 15 tháng 11 năm 2010" is body, not the date line
        if _RIGHT.search(fold(line)) or fold(line).startswith(("so:", "so ")):
            start = index + 1
    left, right = [], []
    for line in lines[:start]:
        (right if _RIGHT.search(fold(line)) else left).append(line)
    body = lines[start:]
    end = next((i for i, line in enumerate(body) if fold(line).startswith("noi nhan")), len(body))
    return left, right, body[:end], body[end:]


def _table(document, left: list[str], right: list[str]) -> None:
    table = document.add_table(rows=1, cols=2)
    for cell, lines in zip(table.rows[0].cells, (left, right), strict=True):
        cell.text = lines[0] if lines else ""
        for line in lines[1:]:
            cell.add_paragraph(line)


def build_docx(text: str, path: Path) -> Path:
    left, right, body, tail = _parts(text)
    document = docx.Document()
    if left or right:
        _table(document, left, right)
    for line in body:
        document.add_paragraph(line)
    if tail:
        recipients = [tail[0], *[line for line in tail[1:] if line.startswith(("-", "+"))]]
        signature = [line for line in tail[1:] if not line.startswith(("-", "+"))]
        _table(document, recipients, signature)
    document.save(path)
    return path


def _cell(lines: list[str]) -> str:
    return "".join(f"<p>{html.escape(line)}</p>" for line in lines)


def build_pdf(text: str, path: Path) -> Path:
    from weasyprint import HTML

    left, right, body, tail = _parts(text)
    rows = []
    if left or right:
        rows.append(f"<table><tr><td>{_cell(left)}</td><td>{_cell(right)}</td></tr></table>")
    rows.extend(f"<p>{html.escape(line)}</p>" for line in body)
    if tail:
        recipients = [tail[0], *[line for line in tail[1:] if line.startswith(("-", "+"))]]
        signature = [line for line in tail[1:] if not line.startswith(("-", "+"))]
        rows.append(f"<table><tr><td>{_cell(recipients)}</td><td>{_cell(signature)}</td></tr></table>")
    page = (
        "<html><head><meta charset='utf-8'><style>"
        "@page { size: A4; margin: 2cm 1.5cm 2cm 3cm } body { font-family: 'Liberation Serif', serif; font-size: 13pt }"
        "table { width: 100%; border-collapse: collapse } td { vertical-align: top; width: 50%; text-align: center }"
        "td p { margin: 0 } p { margin: 0 0 4pt 0; text-align: justify }"
        f"</style></head><body>{''.join(rows)}</body></html>"
    )
    HTML(string=page).write_pdf(path)
    return path


def build_scan(pdf: Path, path: Path, *, dpi: int = 200, skew: float = 0.8) -> Path:
    """A scan of a PDF: each page rasterised at `dpi`, turned by `skew` degrees as paper
    lies on a scanner, saved as an image-only PDF (no text layer)."""
    import pypdfium2
    from PIL import Image

    document = pypdfium2.PdfDocument(str(pdf))
    pages = []
    try:
        for page in document:
            image = page.render(scale=dpi / 72).to_pil().convert("L")
            pages.append(image.rotate(skew, resample=Image.BICUBIC, expand=True, fillcolor=255))
    finally:
        document.close()
    pages[0].save(path, "PDF", resolution=dpi, save_all=True, append_images=pages[1:])
    return path
