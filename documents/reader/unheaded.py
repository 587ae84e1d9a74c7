"""What a decision printed without its header says of itself elsewhere.

- Its number and date: a decision that issues a text attached to it ("Ban hành kèm theo
  Quyết định này Quy chế …") and prints no number is named by that text's issuing note below
  its signature ("(Ban hành kèm theo Quyết định số 05/QĐ-CĐCS ngày … của …)"): the note cites
  the decision itself, not a basis.
- A text posted as an extract of a numbered document names that document in its closing note
  ("(Trích thông báo số 27/TB-CĐĐHĐT ngày 11 tháng 8 năm 2017)"): the note gives the text's own
  type, number and date.
- Its issuer: the authority line under its title names a person's office and the body
  ("CHỦ TỊCH CÔNG ĐOÀN CƠ SỞ TRƯỜNG …"); when the signature signs on behalf of a body ("TM.
  BAN CHẤP HÀNH"), the body is the issuer, not its chairman. The chairman of a people's
  committee ("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ") decides in the committee's name whatever the
  signature: Decree 30/2020's forms head his decisions with the committee, not with him — in a
  decision, his line naming the committee's level and no second office he acts as.
"""

import datetime
import re

from core.text import fold
from documents.reader.dates import DATED, date_from
from documents.reader.numbers import find_number_symbols

# The decision says it issues a text attached to it (folded).
_ISSUES_ATTACHED = re.compile(r"\bkem theo quyet dinh nay\b")
# The attached text's note naming the decision that issues it: "(Ban hành kèm theo Quyết định
# số …", "(Kèm theo Quyết định …".
_NOTE = re.compile(r"\(\s*(?:ban\s+hành\s+)?kèm\s+theo\s+quyết\s+định\s*(?:số\s*)?", re.IGNORECASE)
# How far into the note its number may stand.
_NUMBER_WITHIN = 40

# A closing note saying the text is an extract of a document: "(Trích thông báo số …", "(Trích từ
# Quyết định số …".
_EXTRACT_NOTE = re.compile(r"^\(\s*trích\s+(?:từ\s+)?", re.IGNORECASE)


# The note names its document right after "Trích": its type, "số" after it or not.
_NAMED = re.compile(r"\s+so\s*:?$")
# The laws, decrees and circulars of the state (and the Party's central texts, ".../TW") a post
# quotes an article of: the note names the quotation's source, never the post itself.
_QUOTED_TYPES = {"Luật", "Pháp lệnh", "Nghị định", "Thông tư", "Thông tư liên tịch", "Nghị quyết liên tịch"}


def extract_of(last_line: str) -> tuple[str, str, datetime.date | None] | None:
    """The type, number and date of the document a text is an extract of, from its closing note
    (its last line); None when the text closes otherwise."""
    opened = _EXTRACT_NOTE.match(last_line.strip())
    if opened is None:
        return None
    window = " ".join(last_line.strip()[opened.end() :].split())
    for number, start, end in find_number_symbols(window):
        if start > _NUMBER_WITHIN or number.type_name is None:
            return None  # "(Trích …, theo Quyết định số …)": another document named in passing
        if _NAMED.sub("", fold(window[:start]).strip()) != fold(number.type_name):
            return None  # "(Trích yếu: …)", "(Trích bài phát biểu …; Kế hoạch số …)": no extract of it
        if number.type_name in _QUOTED_TYPES or number.issuer_code == "TW":
            return None  # "(Trích Thông tư số 12/2019/TT-BNV …)": the source a post quotes, not the post
        dated = DATED.match(window, end)
        return number.type_name, str(number), (date_from(dated) if dated else None)
    return None


# A person's office opening an authority line, folded, before the body's name.
_OFFICES = ("chu tich ", "pho chu tich ", "giam doc ", "hieu truong ", "truong ban ")
# The chairman of a people's committee of a level, folded ("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ", "CHỦ TỊCH
# UBND TỈNH …"): a committee named by no level is of no place the line says, and completed with the
# date line's it would be taken for a province's. The line names him in that office alone: a second
# office after it ("…, TRƯỞNG BAN CHỈ ĐẠO …", "… - CHỦ TỊCH HỘI ĐỒNG …", "… KIÊM CHỦ TỊCH …") is
# what he acts as; a place's own dash or word ("TỈNH BÀ RỊA - VŨNG TÀU", "QUẬN HOÀN KIẾM") is not.
_COMMITTEE_CHAIR = re.compile(
    r"chu tich (?:uy ban nhan dan|ubnd) (?:tinh|thanh pho|tp|huyen|quan|thi xa|xa|phuong|thi tran)\b"
    r"(?!.*\b(?:chu tich|truong ban|giam doc)\b)"
)
# A signature on behalf of a body ("TM. BAN CHẤP HÀNH …", "TM.BCH …", "T/M …").
_ON_BEHALF = re.compile(r"^(?:TM|T/M)\s*[./]", re.MULTILINE)


def own_number(body: str, below: str) -> tuple[str, datetime.date | None] | None:
    """The number and date of a decision without number of its own, from the issuing note of
    the text it attaches: `body` is the decision's articles, `below` the text after them."""
    if not _ISSUES_ATTACHED.search(fold(body)):
        return None
    note = _NOTE.search(below)
    if note is None:
        return None
    # the note as one line: a PDF's column cuts it anywhere ("số 05 /" / "QĐ-CĐCS ngày …")
    window = " ".join(below[note.end() : note.end() + _NUMBER_WITHIN + 120].split())
    for number, start, end in find_number_symbols(window):
        if start > _NUMBER_WITHIN or number.type_name != "Quyết định":
            return None
        dated = DATED.match(window, end)
        return str(number), (date_from(dated) if dated else None)
    return None


def body_signed_for(authority: str | None, below: str, decision: bool = False) -> str | None:
    """The body an authority line names after a person's office, when the text is signed on
    behalf of a body or, in a decision, the office is a people's committee's chairman; None
    otherwise."""
    if not authority:
        return None
    chair = decision and _COMMITTEE_CHAIR.match(fold(authority)) is not None
    if _ON_BEHALF.search(below) is None and not chair:
        return None
    return without_office(authority)


def without_office(authority: str) -> str | None:
    """The body an authority line names after a person's office ("GIÁM ĐỐC SỞ NỘI VỤ TỈNH X":
    "SỞ NỘI VỤ TỈNH X"); None when it opens with no such office."""
    folded = fold(authority)
    for office in _OFFICES:
        if folded.startswith(office):
            return " ".join(authority.split()[len(office.split()) :]) or None
    return None
