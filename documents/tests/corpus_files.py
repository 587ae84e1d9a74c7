"""The corpus of real published documents (documents/tests/corpus/) and the Word and PDF files
made from their texts, as an office would have them: the header (issuer and number on the
left, the motto and the date on the right) and the recipients beside the signature in
borderless two-column tables; the PDF is that layout set by WeasyPrint. The files are made
here, when the tests run, so that only the published texts are kept in the repository."""

import html
import json
import logging
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import docx
from docx.text.paragraph import Paragraph

from core.text import fold, normalize
from documents.reader.legacy_fonts import TABLES, TCVN3, VNI

CORPUS = Path(__file__).parent / "corpus"

logging.getLogger("weasyprint").setLevel(logging.WARNING)
logging.getLogger("fontTools").setLevel(logging.WARNING)

# Lines of the right-hand header column: the motto and the place-and-date line.
# Whole words, folded: "tự động" is not "tự do". The motto's "Tự do" is matched as printed, with its
# marks (`_FREEDOM`): folded, a sentence's "từ đó" would read the same.
_RIGHT = re.compile(r"\b(?:cong\s*hoa|doc lap|hanh phuc|chu nghia viet nam)\b|, ngay\b")
_FREEDOM = re.compile(r"(?i)\btự\s*do\b")
_RULE = re.compile(r"^[\s\-_*|]*$")
# A header line whose motto runs into the next cell's name without a space ("… VIỆT NAMCĐ TRƯỜNG …")
# and that holds the number label too: cells a copy ran together (a whole text run on in one
# paragraph is longer, and left as it was).
_CELLS_RUN_TOGETHER = re.compile(r"VIỆT NAM(?=[A-ZĐ]).*\bSố\s*:")
_RUN_TOGETHER_LINE = 300
# The motto's first line run on, after a space, into the next name in capitals ("… CHỦ NGHĨA VIỆT
# NAM CÔNG TY …"): a copy ran two lines of each column into one. The line is parted where a cell
# ends: at a run of spaces (the copy's column gap) and at the motto's first line (`_MOTTO`).
_MOTTO_RUNS_ON = re.compile(r"CHỦ NGHĨA VIỆT NAM[ \t]+(\w+)")
_MOTTO = re.compile(r"(CỘNG\s*H(?:OÀ|ÒA)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM)")
_COLUMN_GAP = re.compile(r"\s{3,}")
# The country's name in a sentence ("… Quốc khánh nước Cộng hoà xã hội chủ nghĩa Việt Nam …"),
# printed in sentence case after other words: no motto, so no header line.
_COUNTRY_IN_SENTENCE = re.compile(r"(?<=\S)\s+Cộng\s+h(?:oà|òa)\s+xã\s+hội\s+chủ\s+nghĩa\s+Việt\s+Nam\b")
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


def _right(line: str) -> bool:
    """Whether a header line belongs to the right-hand column (the motto, the place and date)."""
    line = _COUNTRY_IN_SENTENCE.sub(" ", line)
    return bool(_RIGHT.search(fold(line)) or _FREEDOM.search(line))


def _motto_runs_on(line: str) -> bool:
    """Whether a header line runs the motto's first line into the next name in capitals."""
    return len(line) < _RUN_TOGETHER_LINE and any(
        word.isupper() and word != "ĐỘC" for word in _MOTTO_RUNS_ON.findall(line)
    )


def _cells(line: str) -> list[str]:
    """A header line whose cells ran together, parted where each cell ends: at the copy's column
    gaps (runs of spaces) and around the motto's first line."""
    pieces = [piece for gap in _COLUMN_GAP.split(line.strip()) for piece in _MOTTO.split(gap)]
    return [normalize(piece) for piece in pieces if normalize(piece)]


def _parts(text: str) -> tuple[list[str], list[str], list[str], list[str]]:
    """Header left column, header right column, body, recipients-and-signature block."""
    raw = [line.replace("|", " ") for line in text.splitlines()]
    raw = [line for line in raw if normalize(line) and not _RULE.match(normalize(line))]
    lines = [normalize(line) for line in raw]
    start = 0
    for index, line in enumerate(lines[:14]):
        if _GROUND.match(fold(line)):
            continue  # a ground citing "…, ngày 15 tháng 11 năm 2010" is body, not the date line
        if _right(line) or fold(line).startswith(("so:", "so ")):
            start = index + 1
    if any(len(line) < _RUN_TOGETHER_LINE and _CELLS_RUN_TOGETHER.search(line) for line in lines[:start]):
        # A copy ran the header's cells into one line (the motto, the next name and the number):
        # no cell holds that line, so the header is printed as the text has it, line by line.
        start = 0
    header = lines[:start]
    if any(_motto_runs_on(line) for line in header):
        # Two lines of each column run into one (the issuers' second line onto the motto's first):
        # each cell's line goes to its column, as an office types the header.
        header = [cell for line in raw[:start] for cell in _cells(line)]
    left, right = [], []
    for line in header:
        (right if _right(line) else left).append(line)
    body = lines[start:]
    end = next((i for i, line in enumerate(body) if fold(line).startswith("noi nhan")), len(body))
    return left, right, body[:end], body[end:]


def _table(document, left: list[str], right: list[str], encoding: str | None) -> None:
    table = document.add_table(rows=1, cols=2)
    for cell, lines in zip(table.rows[0].cells, (left, right), strict=True):
        if encoding is None:
            cell.text = lines[0] if lines else ""
            for line in lines[1:]:
                cell.add_paragraph(line)
            continue
        for index, line in enumerate(lines or [""]):
            add_legacy_runs(cell.paragraphs[0] if index == 0 else cell.add_paragraph(), line, encoding)


def build_docx(text: str, path: Path, encoding: str | None = None) -> Path:
    """The Word file; with an encoding (TCVN3 or VNI), typed as an office with the old 8-bit
    fonts would have it (`add_legacy_runs`)."""
    left, right, body, tail = _parts(text)
    document = docx.Document()
    if encoding == VNI:
        document.styles["Normal"].font.name = "VNI-Times"  # the runs take their font from the style
    if left or right:
        _table(document, left, right, encoding)
    for line in body:
        if encoding is None:
            document.add_paragraph(line)
        else:
            add_legacy_runs(document.add_paragraph(), line, encoding)
    if tail:
        recipients = [tail[0], *[line for line in tail[1:] if line.startswith(("-", "+"))]]
        signature = [line for line in tail[1:] if not line.startswith(("-", "+"))]
        _table(document, recipients, signature, encoding)
    document.save(path)
    return path


def _encoder(table: dict[str, str], vni: bool) -> dict[str, str]:
    """Unicode letter to its 8-bit codes, inverted from the reader's table: VN3's one byte a
    letter; VNI's own letters, else a base letter and the byte of its marks (the capital byte
    after a capital)."""
    out = {letter: code for code, letter in table.items() if len(letter) == 1 and not letter.isspace()}
    if vni:
        marks = [code for code, value in table.items() if not value.isalpha()]
        for base in "aeiouyAEIOUY" + "ôöÔÖ":
            for code in marks:
                if code.isupper() == base.isupper():
                    letter = unicodedata.normalize("NFC", table.get(base, base) + table[code])
                    if len(letter) == 1:
                        out.setdefault(letter, base + code)
    return out


_ENCODERS = {TCVN3: _encoder(TABLES[TCVN3], vni=False), VNI: _encoder(TABLES[VNI], vni=True)}


def legacy_runs(line: str, encoding: str) -> list[tuple[str, str | None]]:
    """A line as (text, font) runs typed in TCVN3 or VNI. TCVN3: a line in capitals in the
    capitals font ".VnTimeH" (its lower-case codes print as capitals), a capital with a tone,
    which VN3 lacks, in ".VnTimeH" within a ".VnTime" line; VNI: "VNI-Times" from the style
    (font None). What the encoding cannot hold (“≥”, a Latin-1 sign) in a Unicode font."""
    encoder = _ENCODERS[encoding]
    caps = encoding == TCVN3 and line.isupper()
    runs: list[tuple[str, str | None]] = []
    for char in line:
        if char.isascii() and not caps:
            code, font = char, ".VnTime" if encoding == TCVN3 else None
        elif (
            encoding == TCVN3
            and (caps or char not in encoder)
            and (char.lower() in encoder or char.isascii())
        ):
            code, font = encoder.get(char.lower(), char.lower()), ".VnTimeH"
        elif char in encoder:
            code, font = encoder[char], ".VnTime" if encoding == TCVN3 else None
        else:
            code, font = char, "Times New Roman"
        if runs and runs[-1][1] == font:
            runs[-1] = (runs[-1][0] + code, font)
        else:
            runs.append((code, font))
    return runs


def add_legacy_runs(paragraph: Paragraph, line: str, encoding: str) -> None:
    for text, font in legacy_runs(line, encoding):
        run = paragraph.add_run(text)
        if font:
            run.font.name = font


def _line_html(line: str, encoding: str | None) -> str:
    if encoding is None:
        return html.escape(line)
    return "".join(
        f"<span style=\"font-family: '{(font or 'VNI-Times').lstrip('.')}'\">{html.escape(text)}</span>"
        for text, font in legacy_runs(line, encoding)
    )


def _cell(lines: list[str], encoding: str | None = None) -> str:
    return "".join(f"<p>{_line_html(line, encoding)}</p>" for line in lines)


def build_pdf(text: str, path: Path, encoding: str | None = None) -> Path:
    """The PDF; with an encoding, as printed from the Word file typed in the old fonts
    (`legacy_font_faces`: the PDF names its fonts "VnTime", "VnTimeH", "VNI-Times")."""
    from weasyprint import HTML

    left, right, body, tail = _parts(text)
    rows = []
    if left or right:
        rows.append(
            f"<table><tr><td>{_cell(left, encoding)}</td><td>{_cell(right, encoding)}</td></tr></table>"
        )
    rows.extend(f"<p>{_line_html(line, encoding)}</p>" for line in body)
    if tail:
        recipients = [tail[0], *[line for line in tail[1:] if line.startswith(("-", "+"))]]
        signature = [line for line in tail[1:] if not line.startswith(("-", "+"))]
        rows.append(
            f"<table><tr><td>{_cell(recipients, encoding)}</td><td>{_cell(signature, encoding)}</td></tr></table>"
        )
    page = (
        "<html><head><meta charset='utf-8'><style>"
        f"{legacy_font_faces(path.parent) if encoding else ''}"
        "@page { size: A4; margin: 2cm 1.5cm 2cm 3cm } body { font-family: 'Liberation Serif', serif; font-size: 13pt }"
        "table { width: 100%; border-collapse: collapse } td { vertical-align: top; width: 50%; text-align: center }"
        "td p { margin: 0 } p { margin: 0 0 4pt 0; text-align: justify }"
        f"</style></head><body>{''.join(rows)}</body></html>"
    )
    HTML(string=page).write_pdf(path)
    return path


_SERIF = Path("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf")


def legacy_font_faces(folder: Path) -> str:
    """@font-face rules for "VnTime", "VnTimeH" and "VNI-Times": Liberation Serif renamed (the
    old fonts are not installed; their glyphs do not matter, only the PDF's font names and the
    8-bit codes of its text layer)."""
    from fontTools.ttLib import TTFont

    rules = []
    for family in ("VnTime", "VnTimeH", "VNI-Times"):
        font_path = folder / f"{family}.ttf"
        if not font_path.exists():
            font = TTFont(_SERIF)
            for record in font["name"].names:
                if record.nameID in (1, 4, 6, 16):
                    record.string = family
            font.save(font_path)
        rules.append(f"@font-face {{ font-family: '{family}'; src: url('{font_path.as_uri()}') }}")
    return " ".join(rules)


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
