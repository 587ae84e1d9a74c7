"""The names of bodies a header line holds: how a name begins, where a body is, and a superior's
name and its issuer's run onto one line, parted again."""

import re

from documents.reader.legacy import starts_as
from documents.reader.lines import fold_chars

# Where a body is, as a name says it (folded): "… TỈNH CAO BẰNG", "… HUYỆN HÒA AN".
PLACE_HEADS = ("tinh ", "huyen ", "quan ", "thanh pho ", "thi xa ", "xa ", "phuong ", "thi tran ")

# How a name begins, folded: the remainder of a name wrapped in its column does not
# ("TIỂU BAN THI ĐUA – KHEN" / "THƯỞNG").
NAME_HEADS = (
    "uy ban",
    "ubnd",
    "tinh uy",
    "huyen uy",
    "thanh uy",
    "dang uy",
    "dang bo",
    "ban ",
    "cong doan",
    "cd ",
    "lien doan",
    "ldld",
    "tong lien doan",
    "hoi dong",
    "so ",
    "bo ",
    "phong ",
    "pgd",  # Phòng Giáo dục: "PGD ĐT MANG THÍT", "PGD&ĐT …"
    "truong ",
    "chi bo",
    "doan ",
    "thuong truc",
    "tieu ban",
    "mat tran",
    "hoi ",
    "van phong",
    "chinh phu",
    "thu tuong",
    "chu tich",
)

# A superior body and the issuer flattened onto one line: "UBND TỈNH SƠN LA SỞ GIÁO DỤC VÀ
# ĐÀO TẠO" is "UBND TỈNH SƠN LA" / "SỞ GIÁO DỤC VÀ ĐÀO TẠO" (folded, same length).
# A national union and a union under it share a line the same way: "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT
# NAM LIÊN ĐOÀN LAO ĐỘNG TỈNH …"; "TP" is thành phố, "CĐCS" a grassroots union's head. An
# emulation cluster or bloc is named under the body that groups it ("LIÊN MINH HTX VIỆT NAM CỤM
# THI ĐUA TÂY NGUYÊN").
_SECOND_NAME = re.compile(
    r"^(.*?\b(?:tinh|thanh pho|tp|huyen|h\.|quan|thi xa|tx)\s+\S+(?:\s+\S+){0,2}?)\s+"  # "H. BA TƠ"
    r"(?=(?:so|phong|ban|lien doan|cong doan|cdcs|truong|chi cuc|cuc|trung tam|hoi dong|dang uy"
    r"|cum thi dua|khoi thi dua)\s)"
    r"|^(.*?\bviet nam)\s+(?=(?:lien doan lao dong|cong doan|cdcs|cum thi dua|khoi thi dua)\s)"
)


# Where a name under its superior begins on the superior's line when no place marks the cut
# ("PHÒNG GD-ĐT CẦN GIUỘC TRƯỜNG TH …", "BỘ NỘI VỤ BAN THI ĐUA …", "LĐLĐ QUẢNG ĐIỀN CĐCS …"), folded;
# the word before must end a name, not bind the next to it ("CÔNG ĐOÀN TRƯỜNG", "ỦY BAN", "CƠ SỞ").
# A sub-committee under its committee likewise ("BAN TỔ CHỨC HỘI THI TIỂU BAN GIÁM KHẢO").
_LOWER_HEAD = re.compile(r" (?=(?:cdcs|cd|cong doan|truong|tieu ban|ban|phong|so)\s)")
_BINDING = set("uy doan cd cdcs so co bo hanh truc tich chu ban nghiep tieu".split())
_ORGAN_HEADS = ("ban chap hanh", "ban thuong vu", "ban thuong truc", "thuong truc", "doan chu tich")


def _number_word(fragment: str, at: int) -> bool:
    """Whether the word at `at` is "SỐ" (a number: "CHUYỂN ĐỔI SỐ", "DÂN TỘC THIỂU SỐ"), which folds
    as "SỞ" (a department) does and begins no name."""
    return fragment[at : at + 2].upper() == "SỐ"


def _superior_then_issuer(fragment: str) -> list[str] | None:
    """A superior body's name and its issuer's run onto one line in capitals, parted where the
    issuer's name begins: the superior a name of at least two words, the issuer one of two."""
    folded = fold_chars(fragment)
    if not (folded + " ").startswith(NAME_HEADS) or folded.startswith(_ORGAN_HEADS):
        return None
    for cut in _LOWER_HEAD.finditer(folded):
        if _number_word(fragment, cut.end()):
            continue
        first, second = folded[: cut.start()].split(), folded[cut.end() :].split()
        if len(first) >= 2 and len(second) >= 2 and first[-1] not in _BINDING:
            return [fragment[: cut.start()], fragment[cut.end() :]]
    return None


# A joint header's first body, one every place has ("ỦY BAN NHÂN DÂN -" / "LIÊN ĐOÀN LAO ĐỘNG" /
# "TỈNH BẾN TRE" flattened onto one line), and its dash, folded.
_JOINT_HEAD = re.compile(r"^(?:uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd)(?:\s*[-\u2013])?\s+")


def _joint_names(fragment: str) -> list[str] | None:
    """A joint header's two bodies and their place on one line, as on three lines: a body every
    place has, a second body's name, then the place the two share."""
    folded = fold_chars(fragment)
    if (head := _JOINT_HEAD.match(folded)) is None or not starts_as(folded[head.end() :], NAME_HEADS):
        return None
    place = re.search(rf" (?=(?:{'|'.join(PLACE_HEADS)}))", folded[head.end() :])
    if place is None:
        return None
    cut = head.end() + place.start()
    return [fragment[: head.end()].rstrip(" -\u2013"), fragment[head.end() : cut], fragment[cut + 1 :]]


def two_names(fragment: str) -> list[str]:
    """The names a header line holds: one, the superior body's and the issuer's, or a joint
    header's two bodies and their place."""
    if (joint := _joint_names(fragment)) is not None:
        return joint
    split = _SECOND_NAME.match(fold_chars(fragment))
    if split is None or _number_word(fragment, split.end()):
        return _superior_then_issuer(fragment) or [fragment]
    superior = split.end(1) if split[1] is not None else split.end(2)
    return [fragment[:superior], fragment[split.end() :]]
