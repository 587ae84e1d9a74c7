"""Entering an existing document by reading it: an uploaded .docx or .txt, or pasted text.

1. `read_upload` runs the reader (documents.reader) and keeps the file and what was read
   as a `Reading`; a file the reader cannot make sense of raises a clear message and
   nothing is kept.
2. `proposal` turns the reading into the review form's initial values: the type, the
   issuer matched to one of our units or an outside body by folded name, the bases matched
   to documents already in the registry by number/symbol, the items as numbered body
   paragraphs, and the recipients lines matched to units (documents.recipient_groups).
3. `save_reading` saves the reviewed values in one transaction: new outside bodies and new
   outside documents (bases) are recorded, then the document itself, which keeps the
   upload as its source file. A document of one of our units with a number is entered as
   issued under that number (its cascade starts); without a number it becomes a draft.
"""

import datetime as dt
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts import permissions
from core.text import fold, normalize
from core.uploads import DOCX, PDF, TXT, check_upload
from documents import recipient_groups, services, tasks
from documents.models import Document, DocumentType, ExternalBody, Reading
from documents.reader import ReaderError, parse_number_symbol, read_docx, read_file, read_text
from documents.reader.pdf_text import page_image, pdf_text, scanned_pages
from documents.scans import keep_extraction
from documents.selectors import visible_documents
from organisations.models import Unit

READING_TYPES = {DOCX, PDF, TXT}

# The reading page's two ways in, named by the form and by the refusal of both at once.
FILE_LABEL = gettext_lazy("Word (.docx), PDF or text (.txt) file")
TEXT_LABEL = gettext_lazy("…or paste the text")
READING_MAX_MB = 10
KEEP_UNSAVED = dt.timedelta(days=1)

# Folded words that stand before a body's name in a document ("Ban Thường vụ LĐLĐ tỉnh ...").
_ORGAN_PREFIXES = (
    "ban thuong vu ",
    "ban chap hanh ",
    "ban thuong truc ",
    "thuong truc ",
    "doan chu tich ",
    "bch ",  # Ban Chấp hành, as a grassroots union abbreviates it
    "btv ",  # Ban Thường vụ
)
# Abbreviations written in names, folded, and what they stand for.
_EXPANSIONS = {
    "ldld": "lien doan lao dong",
    "tld": "tong lien doan lao dong viet nam",
    "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan",
    "cdcs": "cong doan co so",
    "cdvc": "cong doan vien chuc",
    "cd": "cong doan",
    "tw": "trung uong",
    "tp": "thanh pho",
}
_PARENTHESES = re.compile(r"\([^)]*\)")
_WORD = re.compile(r"[a-z0-9]+")


def name_key(name: str) -> str:
    """A name folded, without the organ in front and with abbreviations written out, so
    “Ban Thường vụ LĐLĐ tỉnh Cao Bằng” and “Liên đoàn Lao động tỉnh Cao Bằng” compare equal."""
    folded = fold(_PARENTHESES.sub(" ", name or ""))
    for prefix in _ORGAN_PREFIXES:
        if folded.startswith(prefix):
            folded = folded[len(prefix) :]
            break
    return " ".join(_EXPANSIONS.get(word, word) for word in _WORD.findall(folded))


# 1. Reading -----------------------------------------------------------------------------


def both_given_message() -> str:
    """What the reading page says when a file and pasted text come together (the page's hint too)."""
    return _(
        "You chose a file in “%(file)s” and pasted text in “%(text)s”: choose one of the two. The "
        "file was not read; to read the file, empty the text box and choose the file again; to read "
        "the pasted text, send it without a file."
    ) % {"file": FILE_LABEL, "text": TEXT_LABEL}


def read_upload(*, actor, file=None, text: str = "") -> Reading:
    """Read an upload or pasted text; keep it as a Reading for the review. ValidationError
    with the reader's Vietnamese message when the document cannot be read, and nothing is
    kept. A scanned PDF is checked at once (password, length, OCR installed) and then read by
    the task worker (`tasks.read_scanned_reading`): its Reading waits, status READING."""
    if not permissions.can_record_documents(actor):
        raise PermissionDenied
    if file is None and not (text or "").strip():
        raise ValidationError(
            {"file": _("Choose a .docx, .pdf or .txt file, or paste the text of the document.")}
        )
    if file is not None and (text or "").strip():
        # reading one and dropping the other would save a document the officer did not mean
        raise ValidationError({"text": both_given_message()})
    if file is not None:
        kind = _check_reading_file(file)
        data = file.read()
        file.seek(0)
        try:
            if kind == PDF and scanned_pages(data):
                return _wait_for_ocr(actor, file.name, data)
            source = _source_text(kind, data)
            extraction = read_text(source) if kind == PDF else read_file(data, file.name)
        except ReaderError as exc:
            raise ValidationError({"file": str(exc)}) from exc
        content, name = ContentFile(data), file.name
    else:
        source = text
        try:
            extraction = read_text(text)
        except ReaderError as exc:
            raise ValidationError({"text": str(exc)}) from exc
        content, name = ContentFile(text.encode("utf-8")), "van-ban-dan.txt"
    _forget_stale_readings()
    reading = Reading(original_name=name[:255], created_by=actor)
    keep_extraction(reading, extraction, source)
    reading.file.save(name, content, save=False)
    reading.save()
    return reading


def _source_text(kind: str, data: bytes) -> str:
    if kind == DOCX:
        return _docx_text(data)
    if kind == PDF:
        return pdf_text(data)
    return _decode(data)


def _wait_for_ocr(actor, name: str, data: bytes) -> Reading:
    _forget_stale_readings()
    reading = Reading(original_name=name[:255], created_by=actor, status=Reading.Status.READING)
    reading.file.save(name, ContentFile(data), save=False)
    reading.save()
    transaction.on_commit(lambda: tasks.read_scanned_reading.enqueue(reading.pk))
    return reading


def _check_reading_file(file) -> str:
    """Size and type by content. A .docx that is damaged gets the reader's own message, which
    says so, rather than the generic “not an allowed type”."""
    try:
        return check_upload(file, READING_TYPES, max_mb=READING_MAX_MB)
    except ValidationError as exc:
        if file.name.lower().endswith(".docx") and file.size:
            file.seek(0)
            try:
                read_docx(file.read())
            except ReaderError as reader_exc:
                raise ValidationError({"file": str(reader_exc)}) from exc
            finally:
                file.seek(0)
        raise ValidationError({"file": exc.messages}) from exc


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValidationError({"file": _("The text file is not in UTF-8; save it as UTF-8 and try again.")})


def _docx_text(data: bytes) -> str:
    """The text the reader read the .docx from, to find the preamble in it."""
    try:
        from documents.reader.docx_text import docx_text
    except ImportError:  # pragma: no cover - the reader keeps this module today
        return ""
    try:
        return docx_text(data)
    except ReaderError:
        return ""


# The first pages of a PDF upload are shown beside the review form.
SHOWN_PAGES = 3


def _pdf_data(reading: Reading) -> bytes | None:
    if not reading.file:
        return None
    reading.file.open("rb")
    try:
        data = reading.file.read()
    finally:
        reading.file.close()
    return data if data[:5] == b"%PDF-" else None


def shown_pages(reading: Reading) -> list[int]:
    """Page numbers (from 1) of the upload to show beside what was read: a PDF's first pages."""
    data = _pdf_data(reading)
    if data is None:
        return []
    try:
        from pypdf import PdfReader

        count = len(PdfReader(io.BytesIO(data)).pages)
    except Exception:
        return []
    return list(range(1, min(count, SHOWN_PAGES) + 1))


def reading_page_image(reading: Reading, index: int):
    data = _pdf_data(reading)
    if data is None or not 0 <= index < SHOWN_PAGES:
        return None
    return page_image(data, index)


def _forget_stale_readings() -> None:
    """Readings nobody saved within a day, whoever made them, go with their files."""
    for stale in Reading.objects.filter(created_at__lt=timezone.now() - KEEP_UNSAVED):
        stale.file.delete(save=False)
        stale.delete()


def discard_reading(reading: Reading) -> None:
    reading.file.delete(save=False)
    reading.delete()


# 2. The proposal ----------------------------------------------------------------------


@dataclass
class IssuerMatch:
    unit: Unit | None = None
    body: ExternalBody | None = None

    @property
    def choice(self) -> str:
        if self.unit is not None:
            return f"unit:{self.unit.pk}"
        if self.body is not None:
            return f"body:{self.body.pk}"
        return "new"


def issuer_candidates(user):
    """Our units an issuer can be matched to: the user's scope and the units above it."""
    paths = permissions.scope_paths(user)
    above = {int(p) for path in paths for p in path.strip("/").split("/") if p}
    return Unit.objects.filter(Q(pk__in=permissions.visible_units(user).values("pk")) | Q(pk__in=above))


def match_issuer(name: str | None, user) -> IssuerMatch:
    key = name_key(name or "")
    if not key:
        return IssuerMatch()
    for unit in issuer_candidates(user).only("pk", "name", "short_name", "path"):
        if key in {name_key(unit.name), name_key(unit.short_name)}:
            return IssuerMatch(unit=unit)
    for body in ExternalBody.objects.all():
        if key in {name_key(body.name), name_key(body.short_name)}:
            return IssuerMatch(body=body)
    return IssuerMatch()


def type_for(name: str | None, number_symbol: str | None = None) -> DocumentType | None:
    """A document type by its name (accents optional) or by the code in a number/symbol."""
    types = list(DocumentType.objects.all())
    if name:
        for doc_type in types:
            if fold(doc_type.name) == fold(name):
                return doc_type
    parsed = parse_number_symbol(number_symbol or "")
    if parsed is not None:
        code = parsed.type_code
        for doc_type in types:
            if (code and doc_type.code == code) or (code is None and not doc_type.code_in_symbol):
                return doc_type
    return None


def match_basis(number_symbol: str, user) -> Document | None:
    """A document already in the registry (and visible to the user) with that number/symbol."""
    parsed = parse_number_symbol(number_symbol)
    text = str(parsed) if parsed else normalize(number_symbol)
    return (
        visible_documents(user, lookup=True)
        .filter(number_symbol=text)
        .exclude(status=Document.Status.DRAFT)
        .select_related("doc_type")
        .order_by("-issued_on")
        .first()
    )


# “... đề nghị các cấp Công đoàn trong tỉnh xây dựng kế hoạch ...”: the plan asks its recipients for theirs.
_ASKS_FOR_PLANS = re.compile(r"\b(de nghi|yeu cau)\b[^.;]{0,120}\bxay dung (ke hoach|chuong trinh)")


def proposal(reading: Reading, user) -> dict:
    """The review form's initial values and the matches found, from what the reader read."""
    data = reading.extraction
    issuer = match_issuer(data.get("issuer"), user)
    issued_on = dt.date.fromisoformat(data["date"]) if data.get("date") else None
    doc_type = type_for(data.get("type"), data.get("number_symbol"))
    body_lines = [*data.get("preamble", []), *data.get("items", [])]
    recipients = [recipient_groups.clean_line(line) for line in data.get("recipients", [])]
    recipients = [line for line in recipients if line]
    matches = recipient_groups.match_lines(recipients, issuer.unit, on=issued_on) if issuer.unit else []
    units = [u for m in matches for u in m.units]
    asks_for_plans = bool(_ASKS_FOR_PLANS.search(fold(" ".join(body_lines))))
    bases = []
    for basis in data.get("bases", []):
        found = match_basis(basis["number_symbol"], user)
        bases.append(
            {
                "include": True,
                "doc_type": basis.get("type") or "",
                "number_symbol": basis["number_symbol"],
                "issued_on": dt.date.fromisoformat(basis["date"]) if basis.get("date") else None,
                "issuer_name": basis.get("issuer") or "",
                "match": found.pk if found else None,
                "matched": found,
                "via": basis.get("via") or "",
            }
        )
    # The submissions it answers (“Xét đề nghị … tại Tờ trình số …”) are shown, not recorded as bases.
    proposals = [
        dict(cited, matched=match_basis(cited["number_symbol"], user)) for cited in data.get("proposals", [])
    ]
    return {
        "initial": {
            "doc_type": doc_type.pk if doc_type else None,
            "summary": data.get("title") or "",
            "theme": data.get("theme") or "",
            "issuer": issuer.choice,
            "new_issuer_name": normalize(data.get("issuer") or "") if issuer.choice == "new" else "",
            "number_symbol": data.get("number_symbol") or "",
            "issued_on": issued_on,
            "place": (data.get("place") or "")[:80],
            "body": "\n".join(body_lines),
            "recipients_text": "\n".join(recipients),
            "recipient_units": [u.pk for u in units],
            "requires_plan": bool(asks_for_plans and units and doc_type and doc_type.is_plan),
        },
        # a type the reader knows that the registry's list lacks (a ministry's Thông tư): said, not guessed
        "type_not_listed": data.get("type") if data.get("type") and doc_type is None else None,
        "issuer": issuer,
        "bases": bases,
        "proposals": proposals,
        "recipient_matches": matches,
        "candidate_units": candidate_recipients(issuer.unit, issued_on),
    }


def candidate_recipients(issuer: Unit | None, on: dt.date | None = None) -> QuerySet[Unit]:
    """The units directly under the issuer on the document's date: those that may receive it."""
    if issuer is None:
        return Unit.objects.none()
    return (
        Unit.objects.current(on)
        .filter(parent=issuer)
        .select_related("unit_type")
        .order_by("unit_type__level", "sort_order", "sort_name")
    )


# 3. Saving -----------------------------------------------------------------------------


@dataclass
class BasisEntry:
    """One reviewed basis: an existing document, or one to record."""

    doc_type: DocumentType | None
    number_symbol: str
    issued_on: dt.date | None
    issuer_name: str
    existing: Document | None = None


@transaction.atomic
def save_reading(
    *,
    actor,
    reading: Reading,
    doc_type: DocumentType,
    summary: str,
    issuer: str,
    new_issuer_name: str = "",
    number_symbol: str = "",
    issued_on: dt.date | None = None,
    bases: Sequence[BasisEntry] = (),
    recipient_units: Sequence[Unit] = (),
    **fields,
) -> Document:
    """Save a reviewed reading as a document; everything or nothing."""
    if reading.created_by_id != actor.pk:
        raise PermissionDenied
    unit, body = _resolve_issuer(actor, issuer, new_issuer_name)
    number_symbol = normalize(number_symbol)
    ours = unit is not None and permissions.can_manage_documents(actor, unit)
    if ours:
        assert unit is not None  # ours: one of the actor's units
        document = services.create_draft(
            actor=actor, issuer=unit, doc_type=doc_type, summary=summary, **fields
        )
        services.set_recipients(actor=actor, document=document, units=list(recipient_units))
    else:  # an outside body's document, or one from a unit above ours: recorded, no cascade here
        if not number_symbol:
            raise ValidationError(
                {"number_symbol": _("A document issued outside your units needs its number/symbol.")}
            )
        fields["requires_plan"] = False  # its cascade is followed where it was issued
        document = services.record_external(
            actor=actor,
            doc_type=doc_type,
            number_symbol=number_symbol,
            issued_on=issued_on,
            summary=summary,
            issuer_body=body,
            issuer_unit=unit,
            **fields,
        )
    basis_documents = [
        _basis_document(actor, entry, own=document, own_number=number_symbol) for entry in bases
    ]
    services.set_bases(actor=actor, document=document, bases=basis_documents)
    if ours and number_symbol:
        if issued_on is None:
            raise ValidationError(
                {"issued_on": _("Give the date the document was issued under that number.")}
            )
        document = services.issue_document(
            actor=actor, document=document, issued_on=issued_on, number_symbol=number_symbol
        )
    document.source_file.name = reading.file.name  # the upload moves to the document as is
    document.save(update_fields=["source_file"])
    reading.delete()
    return document


def _resolve_issuer(actor, choice: str, new_name: str) -> tuple[Unit | None, ExternalBody | None]:
    kind, _sep, pk = (choice or "").partition(":")
    if kind == "unit" and pk.isdigit():
        unit = issuer_candidates(actor).filter(pk=pk).first()
        if unit is None:
            raise ValidationError({"issuer": _("Choose the issuer again.")})
        if not permissions.can_record_documents_of(actor, unit):
            raise ValidationError(
                {
                    "issuer": _("%(unit)s is outside your scope: its own officers enter its documents.")
                    % {"unit": unit.name}
                }
            )
        return unit, None
    if kind == "body" and pk.isdigit():
        body = ExternalBody.objects.filter(pk=pk).first()
        if body is None:
            raise ValidationError({"issuer": _("Choose the issuer again.")})
        return None, body
    if not normalize(new_name):
        raise ValidationError({"new_issuer_name": _("Give the name of the issuing body.")})
    return None, services.outside_body(new_name)


def _basis_document(actor, entry: BasisEntry, own: Document, own_number: str) -> Document:
    if entry.existing is not None:
        return entry.existing
    parsed, own_parsed = parse_number_symbol(entry.number_symbol), parse_number_symbol(own_number)
    match = match_issuer(entry.issuer_name, actor)
    same_issuer = (
        not entry.issuer_name
        or (match.unit is not None and match.unit.pk == own.issuer_unit_id)
        or (match.body is not None and match.body.pk == own.issuer_body_id)
    )
    if parsed and own_parsed and str(parsed) == str(own_parsed) and same_issuer:
        raise ValidationError({"bases": _("A document cannot cite itself as its legal basis.")})
    existing = match_basis(entry.number_symbol, actor)
    if existing is not None:
        return existing
    if entry.doc_type is None:
        raise ValidationError({"bases": _("Choose the type of %(ns)s.") % {"ns": entry.number_symbol}})
    unit = (
        match.unit
        if match.unit is not None and permissions.can_record_documents_of(actor, match.unit)
        else None
    )
    body = None
    if unit is None:
        body = match.body or services.outside_body(
            entry.issuer_name or _issuer_from_symbol(entry.number_symbol)
        )
    return services.record_external(
        actor=actor,
        doc_type=entry.doc_type,
        number_symbol=entry.number_symbol,
        issued_on=entry.issued_on,
        summary="",
        issuer_unit=unit,
        issuer_body=body,
    )


def _issuer_from_symbol(number_symbol: str) -> str:
    parsed = parse_number_symbol(number_symbol)
    if parsed is None:
        raise ValidationError(
            {
                "bases": _("“%(value)s” is not a valid number/symbol (e.g. 35/CT-TTg, 12/LĐLĐ-CSPL).")
                % {"value": number_symbol}
            }
        )
    return parsed.issuer_code
