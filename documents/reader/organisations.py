"""Names of issuing bodies as running text writes them ("UBND tỉnh Cao Bằng", "Bộ Chính
trị", "Liên đoàn Lao động (LĐLĐ) tỉnh Cao Bằng"). Vietnamese capitalises only the first
syllable of each part of a name, so a name is read as capitalised words plus the
lower-case syllables known to complete them, and ends at the first other word."""

import re

from core.text import fold
from documents.reader.numbers import DOCUMENT_TYPES, NumberSymbol

# Lower-case syllables that complete the capitalised one before them.
# The pairs of words of bodies' names, as printed (lost_letters puts them back in a text that lost
# its accented letters); `_COMPOUNDS` holds them folded, as names are matched.
NAME_PAIRS = tuple(
    tuple(pair.split())
    for pair in """
    chính trị, thủ tướng, chính phủ, bí thư, chấp hành, trung ương, thường vụ, thường trực,
    dân vận, tuyên giáo, tổ chức, kiểm tra, ủy ban, ban nhân, đồng nhân, nhân dân, liên đoàn,
    lao động, công đoàn, thi đua, khen thưởng, hội đồng, chủ tịch, tịch nước, nội vụ, tài chính,
    tư pháp, công an, quốc phòng, giáo dục, đào tạo, y tế, xã hội, thương binh, kế hoạch, đầu tư,
    nông nghiệp, phát triển, triển nông, nông thôn, văn hóa, thể thao, du lịch, tài nguyên,
    môi trường, khoa học, công nghệ, thông tin, truyền thông, giao thông, thông vận, vận tải,
    xây dựng, ngoại giao, thanh tra, kiểm toán, kiểm sát, sát nhân, tòa án, án nhân, ngân hàng,
    nhà nước, quốc hội, mặt trận, tổ quốc, văn phòng, thanh niên, phụ nữ, liên hiệp, dân tộc,
    viên chức, công chức, chính sách, pháp luật, quan hệ, hệ lao, nữ công, chỉ đạo, kinh tế,
    tổng cục, giám đốc, chủ nhiệm, trưởng ban, tỉnh ủy, huyện ủy, thành ủy, đảng ủy, quân ủy,
    bộ trưởng, công thương, liên tịch, quản lý, đối ngoại, tài vụ, đảng bộ, đoàn lao, tỉnh đoàn,
    thành đoàn, huyện đoàn, quận đoàn, thị đoàn, tiểu học, trung học, đại học, cao đẳng, mầm non,
    phổ thông, học viện, tổng liên, liên đội, đẳng nghề, ban chấp, công nghiệp
    """.split(",")
)
_COMPOUNDS = {tuple(fold(" ".join(pair)).split()) for pair in NAME_PAIRS}
# Lower-case words that place a body: "UBND tỉnh Cao Bằng", "Công đoàn ngành Giáo dục".
_PLACE_WORDS = {"tinh", "huyen", "quan", "xa", "phuong", "nganh", "uy"}
_PLACE_PAIRS = {("thanh", "pho"), ("thi", "xa"), ("thi", "tran"), ("co", "so"), ("truc", "thuoc")}
# A document type starting right after a name ends it: "... Việt Nam và Chỉ thị số ...".
_TYPE_STARTS = {
    ("chi", "thi"),
    ("ke", "hoach"),
    ("quyet", "dinh"),
    ("nghi", "quyet"),
    ("nghi", "dinh"),
    ("thong", "tu"),
    ("huong", "dan"),
    ("thong", "bao"),
    ("bao", "cao"),
    ("to", "trinh"),
    ("cong", "van"),
    ("chuong", "trinh"),
    ("ve", "viec"),
}
# A whitespace run and the word after it.
_TOKEN = re.compile(r"(\s*)(\S+)")
# An abbreviation defined in passing: "Liên đoàn Lao động (LĐLĐ) tỉnh".
_DEFINED_ABBREVIATION = re.compile(r"\([A-ZĐ][A-Za-zĐđ\-]{0,11}\)")
_WORD = re.compile(r"[^\W\d_][\w.]*(?:&[^\W\d_][\w.]*)*")  # "THCS&THPT": a school of two levels
_CLOSING = ",;:.”\"'’)…?!"


def _capitalised(word: str) -> bool:
    return bool(_WORD.fullmatch(word)) and word[0].isupper()


def _words(text: str, pos: int, limit: int = 16) -> list[tuple[str, str, int]]:
    """The next words: (whitespace before, word, end position)."""
    out: list[tuple[str, str, int]] = []
    while len(out) < limit:
        match = _TOKEN.match(text, pos)
        if not match:
            break
        out.append((match[1], match[2], match.end()))
        pos = match.end()
    return out


def _core(token: str) -> str:
    """A word without the punctuation after it; "TP." keeps its abbreviation dot."""
    core = token.rstrip(_CLOSING)
    if core in {"TP", "Tp"} and token.startswith(core + "."):
        return core + "."
    return core


def completes_compound(word: str, next_word: str) -> bool:
    """Whether a folded syllable completes the one before it in a body's name ("nhan" "dan")."""
    return (word, next_word) in _COMPOUNDS


def read_organisation(text: str, pos: int) -> tuple[str, int] | None:
    """The name of a body starting at `pos`, with where it ends; None if none starts there."""
    words = _words(text, pos)
    name: list[str] = []
    ends: list[int] = []
    index = 0
    while index < len(words):
        space, token, token_end = words[index]
        if name and _DEFINED_ABBREVIATION.fullmatch(token.rstrip(",;.")):
            if token[-1] in ",;.":
                break
            index += 1  # keep the name, drop the abbreviation it defines
            continue
        core = _core(token)
        nxt = _core(words[index + 1][1]) if index + 1 < len(words) else ""
        taken = _accept(core, name, nxt, crossed_line="\n" in space)
        if taken == 0:
            break
        name.append(core)
        ends.append(token_end - (len(token) - len(core)))
        if taken == 2:
            index += 1
            _, token, token_end = words[index]
            core = nxt
            name.append(core)
            ends.append(token_end - (len(token) - len(core)))
        index += 1
        if token != core:
            if token[len(core) :] == "," and _lists_school_kinds(name, words[index : index + 2]):
                name[-1] = f"{core},"  # "Đảng ủy Khối các trường Đại học, Cao đẳng Hà Nội"
                continue
            break  # punctuation after the word closes the name
    while name and name[-1] in {"và", "-", "\u2013"}:
        name.pop()
        ends.pop()
    if not name or not name[0][0].isupper():
        return None
    return " ".join(name), ends[-1]


# The kinds of school a bloc's name lists after "các trường" ("… các trường Đại học, Cao đẳng …").
_SCHOOL_KINDS = {("dai", "hoc"), ("cao", "dang"), ("trung", "cap")}


def _lists_school_kinds(name: list[str], following: list[tuple[str, str, int]]) -> bool:
    """Whether a comma inside a bloc's name parts two kinds of school it lists: the name holds
    "các trường", and the next words name another kind, capitalised."""
    if " cac truong " not in f" {fold(' '.join(name))} " or len(following) < 2:
        return False
    first, second = following[0][1], following[1][1]
    return _capitalised(first) and (fold(first), fold(second.rstrip(_CLOSING))) in _SCHOOL_KINDS


def _accept(core: str, name: list[str], nxt: str, crossed_line: bool) -> int:
    """How many words (0, 1 or 2) of the name this one takes."""
    if not core:
        return 0
    folded, next_folded = fold(core), fold(nxt)
    if (folded, next_folded) in _TYPE_STARTS:
        return 0
    if _capitalised(core):
        # A name rarely runs on to the next line with a capital: that is a new phrase.
        return 0 if crossed_line and name else 1
    if not name:
        return 0
    if core in {"và", "-", "\u2013"}:
        return 1 if _capitalised(nxt) else 0
    if (fold(name[-1]).split()[-1], folded) in _COMPOUNDS or folded in _PLACE_WORDS:
        return 1
    if (folded, next_folded) in _PLACE_PAIRS:
        return 2
    if folded == "chuyen" and fold(name[-1]) in {"thpt", "thcs"} and _capitalised(nxt):
        return 1  # a specialised school: "Trường THPT chuyên Huỳnh Mẫn Đạt"
    if folded == "truong" and _capitalised(nxt):
        return 1  # a school's body: "Công đoàn trường THCS Lục Ba"
    if folded == "truong" and fold(name[-1]) == "doan" and fold(nxt) not in {"hoc", "ca"}:
        return 1  # the school's own union or youth union, unnamed: "Ban Thường vụ Đoàn trường thông báo …"
    if (folded, next_folded) == ("cac", "truong") and fold(name[-1]) == "khoi":
        return 2  # a bloc of schools: "Đảng ủy Khối các trường Đại học …"
    return 0


# Bodies an issuer code names unambiguously; TW, UBND, LĐLĐ depend on which body.
_ISSUERS_BY_CODE = {
    "TTg": "Thủ tướng Chính phủ",
    "CP": "Chính phủ",
    "QH": "Quốc hội",
    "UBTVQH": "Ủy ban Thường vụ Quốc hội",
    "CTN": "Chủ tịch nước",
    "TLĐ": "Tổng Liên đoàn Lao động Việt Nam",
    "BNV": "Bộ Nội vụ",
    "BTC": "Bộ Tài chính",
    "BLĐTBXH": "Bộ Lao động - Thương binh và Xã hội",
}


def issuer_from_code(number_symbol: NumberSymbol) -> str | None:
    """The body a national issuer code stands for (QH15 is the 15th Quốc hội)."""
    return _ISSUERS_BY_CODE.get(re.sub(r"\d+$", "", number_symbol.issuer_code))


# How a body that names itself begins, folded: "Ban Thường vụ ...", "UBND ...".
_BODY_HEADS = (
    "ban ",
    "bch ",  # Ban Chấp hành
    "btv ",  # Ban Thường vụ
    "thuong truc",
    "thuong vu",  # the standing committee without "Ban": "Thường vụ Công đoàn Trường thông báo …"
    "doan chu tich",
    "lien doan",
    "lien doi",  # a school's Pioneer brigade: "Liên đội trường THCS …"
    "ldld",
    "tong lien doan",
    "cong doan",
    "cd ",
    "uy ban",
    "ubnd",
    "hoi dong",
    "so ",
    "bo ",
    "tinh uy",
    "huyen uy",
    "thanh uy",
    "dang uy",
    "chu tich",
    "giam doc",
    "truong ",  # a school naming itself: "Trường THPT … xây dựng kế hoạch … như sau:"
    "thu tuong",
    "chinh phu",
)
# What a body that names itself then does: "... đề nghị", "... xây dựng kế hoạch".
_SELF_ACTIONS = (
    "de nghi",
    "ban hanh",
    "xay dung",
    "huong dan",
    "yeu cau",
    "thong bao",
    "quyet dinh",
    "phat dong",
    "chi thi",
    "trien khai",
    "de ra",
    "bao cao",
    "to chuc",
    "keu goi",
)
# Where a clause starts: a line start (after a lead's "Nay …"), or after punctuation (a ground's
# ";" even without its space: "… năm 2019;Ban chấp hành …").
_CLAUSE_START = re.compile(r"(?:^(?:Nay\s+)?|(?<=[.;:,])\s+|(?<=;))(?=[^\W\d_])", re.MULTILINE)


def names_a_body(text: str) -> bool:
    """Whether a short text is a body's name by how it begins ("Công Đoàn", "LĐLĐ huyện …")."""
    return (fold(text).strip() + " ").startswith(_BODY_HEADS) and not _heads_an_office(text)


def _heads_an_office(name: str) -> bool:
    """Whether a name folded to "truong …" is a person's office, "Trưởng ban …", "Trưởng phòng
    …", not a school ("Trường …"): the two fold alike."""
    return _folds_as_school(name) and not is_school(name)


def is_school(name: str) -> bool:
    """Whether a body's name is a school's ("Trường THPT …"), not a person's office."""
    return _folds_as_school(name) and name.strip().lower().startswith("trường")


def _folds_as_school(name: str) -> bool:
    return (fold(name).strip() + " ").startswith("truong ")


def self_named_body(text: str, schools: bool = True) -> str | None:
    """The body a text names as its author ("Ban Thường vụ LĐLĐ tỉnh Cao Bằng đề nghị
    ..."), used only when the document has no issuer block."""
    found = self_named_body_at(text, schools)
    return found[0] if found else None


def self_named_body_at(text: str, schools: bool = True) -> tuple[str, int] | None:
    """The body a text names as its author and where its name ends in the text (after any
    abbreviation it defines: "… Trường (BCHCĐT) ĐHBK Hà Nội"); None when none is named. A school
    acting is the author only where no other body names itself acting in the text ("Trường THCS
    … tổ chức Hội thao …, Ban Chấp hành Công đoàn cơ sở xây dựng kế hoạch …": the union's plan),
    and not at all unless `schools`."""
    school = None
    for start in _CLAUSE_START.finditer(text):
        if _cuts_a_compound(text, start.end()):
            continue  # "… Đoàn Chủ tịch Tổng" / "Liên đoàn ban hành …": the line broke the name
        found = read_organisation(text, start.end())
        if not found:
            continue
        name, end = found
        if not names_a_body(name):
            continue  # nor is "Trưởng ban …", a person's office folded as a school is
        if is_school(name) and _school_runs_on(text, start.end(), name):
            continue  # "… Công đoàn cơ sở" / "Trường …": the school ends a union's name above
        if fold(text[end : end + 40]).startswith(_SELF_ACTIONS):
            if not is_school(name):
                return name, end
            school = school or (name, end)
    return school if schools else None


# A signature on behalf of a union's committee: "TM. BAN CHẤP HÀNH", "TM. BCH CÔNG ĐOÀN".
_SIGNED_FOR_COMMITTEE = re.compile(
    r"\b(?:TM|T/M)\s*[./]?\s*(?:BAN CHẤP HÀNH|BCH|BAN THƯỜNG VỤ|BTV|CÔNG ĐOÀN)\b"
)


def self_named_in(texts: list[str], signature: str) -> str | None:
    """The body the first of `texts` to name one names as acting; a school only where none of
    them names another body, and never under a committee's signature ("TM. BAN CHẤP HÀNH": the
    school's union wrote the text the school is named in)."""
    for schools in (False, True):
        if schools and _SIGNED_FOR_COMMITTEE.search(signature):
            return None
        for text in texts:
            if named := self_named_body(text, schools):
                return named
    return None


def _school_runs_on(text: str, at: int, name: str) -> bool:
    """Whether a school's name at `at` is no body acting on its own: the word alone, or a line
    opened under one that ends unpunctuated (a PDF wrapped the union's name before it)."""
    if len(name.split()) < 2:
        return True
    before = text[:at].rstrip(" \t")
    return before.endswith("\n") and not before[:-1].rstrip().endswith((".", ",", ";", ":", "!", "?"))


def _cuts_a_compound(text: str, at: int) -> bool:
    """Whether a line starting at `at` opens with the second half of a compound whose first half
    ends the line above ("Tổng" / "Liên đoàn …", "Ban" / "Chấp hành …"): a name a PDF wrapped.
    The half above opens a name, so is capitalised, and ends no compound of its own: a line
    ending on a whole name ("… chỉ đạo của Huyện ủy" / "Ban Thường vụ …") is cut nowhere."""
    before = text[:at].rstrip(" \t")
    if not before.endswith("\n"):
        return False
    above, here = before[:-1].split(), text[at:].split(None, 1)
    if not (above and here and _capitalised(above[-1])):
        return False
    if len(above) > 1 and (fold(above[-2]), fold(above[-1])) in _COMPOUNDS:
        return False  # "… Huyện Ủy" / "Ban …": the line ends on a whole name
    return (fold(above[-1]), fold(here[0])) in _COMPOUNDS


def named_in_full(issuer: str, text: str) -> str | None:
    """The header's name of a body said in full where the text names it as acting
    ("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO" / "…, Phòng Giáo dục và Đào tạo Thanh Chương hướng dẫn …"):
    that fuller name; None when the text says no more than the header."""
    folded, key = fold(text), fold(issuer).strip(" .") + " "
    if len(folded) != len(text) or len(key) < 6:
        return None
    at = folded.find(key)
    while at >= 0:
        found = read_organisation(text, at) if at == 0 or not folded[at - 1].isalnum() else None
        if (
            found
            and len(fold(found[0])) > len(key)
            and fold(text[found[1] : found[1] + 40]).startswith(_SELF_ACTIONS)
        ):
            return found[0]
        at = folded.find(key, at + 1)
    return None


# A name ending on its level without the place ("Công đoàn Giáo dục huyện"), folded.
_BARE_LEVEL = re.compile(r"(?<=\w) (?:huyen|tinh|thanh pho|quan|thi xa)$")


def with_place(name: str, place: str | None) -> str:
    """A body a text names by its level alone ("Ban thường vụ Công đoàn Giáo dục huyện triển
    khai …") is of the place its date line gives: "Công đoàn Giáo dục huyện Đồng Phú"."""
    if place and _BARE_LEVEL.search(fold(name).rstrip(" .,")):
        return f"{name.rstrip(' .,')} {place}"
    return name


# A school's union named in running text ("Công đoàn trường THCS …", "Công đoàn cơ sở Trường …").
_SCHOOL_UNION = re.compile(r"(?<!\w)công đoàn (?:cơ sở )?trường(?!\w)", re.IGNORECASE)
_CITED_TYPES = tuple(fold(name) for name in DOCUMENT_TYPES)


def school_union_named(text: str) -> str | None:
    """The school's union a title or a first sentence names ("… của Công đoàn trường Tiểu học
    Lê Lợi", "hoạt động Công đoàn trường THCS … đạt được …"), used only when the document names
    no issuer otherwise; not the issuer of a document it cites ("Nghị quyết Ban Chấp hành …")."""
    for match in _SCHOOL_UNION.finditer(text):
        clause = re.split(r"[,;:.\n]", text[: match.start()])[-1]
        if any(name in fold(clause) for name in _CITED_TYPES):
            continue
        found = read_organisation(text, match.start())
        if found and len(found[0].split()) > 3:  # more than the kind alone ("Công đoàn trường")
            return found[0]
    return None
