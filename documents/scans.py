"""A reading's text turned into what the review page shows, and scanned uploads read through OCR
(in the task worker: documents.tasks.read_scanned_reading)."""

from core.text import fold, normalize
from documents.models import Reading
from documents.reader import Extraction, ReaderError, read_text
from documents.reader.pdf_text import pdf_text


def keep_extraction(reading: Reading, extraction: Extraction, source: str) -> None:
    payload = extraction.as_json()
    payload["preamble"] = preamble_of(source, extraction)
    payload["place"] = extraction.place
    reading.extraction, reading.warnings = payload, list(extraction.warnings)


def preamble_of(text: str, extraction: Extraction) -> list[str]:
    """The paragraphs between the title and the first numbered item (the grounds and the
    call to act), which the reader does not return: walk back from the first item until a
    line that belongs to the title or the header."""
    if not extraction.items or not text:
        return []
    lines = [normalize(line) for line in text.splitlines()]
    lines = [line for line in lines if line]
    first_item = fold(extraction.items[0].splitlines()[0])[:60]
    start = next((i for i, line in enumerate(lines) if fold(line).startswith(first_item)), None)
    if start is None:
        return []
    title = fold(" ".join(filter(None, [extraction.title, extraction.type, extraction.number_symbol])))
    preamble: list[str] = []
    for line in reversed(lines[:start]):
        folded = fold(line)
        if folded in title or len(line) < 25 and line.isupper() or folded.startswith(("so:", "so ")):
            break
        preamble.append(line)
    return list(reversed(preamble))


def read_scan(reading: Reading) -> Reading:
    """OCR a scanned upload (in the task worker). On failure the file goes and only the
    message stays, for the officer's page to show; nothing else is kept."""
    reading.file.open("rb")
    try:
        data = reading.file.read()
    finally:
        reading.file.close()
    try:
        text = pdf_text(data)
        extraction = read_text(text)
    except ReaderError as exc:
        reading.file.delete(save=False)
        reading.status, reading.error = Reading.Status.FAILED, str(exc)
        reading.save()
        return reading
    keep_extraction(reading, extraction, text)
    reading.status = Reading.Status.READY
    reading.save()
    return reading
