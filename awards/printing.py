"""Award decisions, council minutes and certificates as printed documents, built from the models
for documents.rendering. What is printed is the legal format of Nghị định 30/2020/NĐ-CP and so
stays Vietnamese whatever the interface language."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

from awards.models import AgendaItem, AwardForm, AwardRecord, CouncilSession, Decision
from documents.official import header_name
from documents.rendering import Annex, Certificate, OfficialDocument, Section, vietnamese_date_line
from organisations.models import TitleWording, Unit


def _vnd(amount: int | None) -> str:
    return "—" if amount is None else f"{amount:,}".replace(",", ".")


def _header(unit) -> tuple[str, str]:
    """The ND30 header names, shared with every other official document."""
    return header_name(unit.parent, abbreviate=True), header_name(unit, abbreviate=False)


def _date(value) -> str:
    return value.strftime("%d/%m/%Y")


# The rule data names a union form by its generic issuer; a decision names the issuing body itself.
_GENERIC_ISSUERS = ("Liên đoàn Lao động tỉnh, thành phố", "công đoàn cấp trên trực tiếp cơ sở")


def issued_form_name(form: AwardForm, issuer: Unit) -> str:
    """The form as its issuer names it: "Bằng khen của Ban Chấp hành Liên đoàn Lao động tỉnh Cao Bằng",
    not "… tỉnh, thành phố"."""
    for generic in _GENERIC_ISSUERS:
        if generic in form.name:
            return form.name.replace(generic, issuer.name)
    return form.name


def award_phrase(form: AwardForm, issuer: Unit) -> str:
    """What Điều 1 confers: a title named as a title (danh hiệu “Lao động tiên tiến”), a form by name."""
    if form.kind == AwardForm.Kind.TITLE:
        return f"danh hiệu “{form.name}”"
    return issued_form_name(form, issuer)


def award_verb(form: AwardForm, issuer: Unit) -> str:
    """ "Tặng" a form; a title "Tặng" or "Công nhận" as the issuing body's practice says (Unit.title_wording)."""
    if form.kind == AwardForm.Kind.TITLE and issuer.title_wording == TitleWording.RECOGNISE:
        return "Công nhận"
    return "Tặng"


def _annex_form(form: AwardForm, issuer: Unit) -> str:
    phrase = award_phrase(form, issuer)
    return phrase[0].upper() + phrase[1:]


_DATE = r"(\d{1,2})/(\d{1,2})/(\d{4})"


def _date_in(pattern: str, text: str) -> dt.date | None:
    found = re.search(pattern + _DATE, text)
    return dt.date(int(found[3]), int(found[2]), int(found[1])) if found else None


def legal_bases_on(bases: list[str], on: dt.date) -> list[str]:
    """The rule set's legal bases a decision made `on` that date cites: those in force then (from
    "hiệu lực d/m/y", else from their date "ngày d/m/y"; until "đến d/m/y" when a later text replaced
    them), without the guidance on a single form ("Hướng dẫn …"), and without those dates in brackets."""
    cited = []
    for basis in bases:
        if basis.startswith("Hướng dẫn"):
            continue
        start = _date_in(r"hiệu lực ", basis) or _date_in(r"ngày ", basis)
        end = _date_in(r"đến ", basis)
        if (start is not None and start > on) or (end is not None and end < on):
            continue
        cited.append(re.sub(r"\s*\((?:hiệu lực|đến) [^)]*\)", "", basis))
    return cited


def _records(decision: Decision) -> list[AwardRecord]:
    return list(
        decision.records.select_related("form", "member__unit", "unit__parent").order_by(
            "form__sort_order", "pk"
        )
    )


def _detail(record: AwardRecord) -> str:
    if record.member is not None:
        member = record.member
        return ", ".join(part for part in (member.position, member.unit.name) if part)
    assert record.unit is not None, "a record names a member or a unit (a database constraint)"
    parent = record.unit.parent
    return parent.name if parent is not None else ""


def _articles_named(count: int) -> str:
    """ "Điều 1", "Điều 1 và Điều 2", "Điều 1, Điều 2 và Điều 3": the articles that name the awardees."""
    names = [f"Điều {n}" for n in range(1, count + 1)]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " và " + names[-1]


def decision_document(decision: Decision) -> OfficialDocument:
    document = decision.document
    unit = decision.deciding_unit
    superior, issuer = _header(unit)
    records = _records(decision)
    by_form: dict[str, list[AwardRecord]] = defaultdict(list)
    for record in records:
        by_form[award_phrase(record.form, unit)].append(record)
    ref = f"{document.number_symbol} ngày {_date(decision.decided_on)}"
    items = []
    for index, (phrase, group) in enumerate(by_form.items(), start=1):
        people = sum(1 for r in group if r.member_id)
        collectives = len(group) - people
        counts = " và ".join(
            part
            for part in (
                f"{collectives} tập thể" if collectives else "",
                f"{people} cá nhân" if people else "",
            )
            if part
        )
        items.append(
            Section(
                f"Điều {index}.",
                [
                    f"{award_verb(group[0].form, unit)} {phrase} cho {counts} đã có thành tích xuất sắc năm {group[0].year} "
                    f"(có danh sách kèm theo)."
                ],
            )
        )
    money_article = len(items) + 1
    items.append(
        Section(
            f"Điều {money_article}.",
            [
                f"Tiền thưởng theo mức lương cơ sở {_vnd(decision.base_salary_amount)} đồng "
                f"({decision.base_salary.source.split(':')[0]}); tổng cộng {_vnd(decision.total_amount)} đồng"
                + (
                    f" (chưa gồm tiền thưởng của {decision.unknown_amount_count} trường hợp chưa xác định được mức thưởng)."
                    if decision.unknown_amount_count
                    else "."
                )
            ],
        )
    )
    items.append(
        Section(
            f"Điều {money_article + 1}.",
            [
                "Quyết định có hiệu lực kể từ ngày ký. Văn phòng, các ban và các tập thể, cá nhân có tên tại "
                f"{_articles_named(money_article - 1)} chịu trách nhiệm thi hành Quyết định này."
            ],
        )
    )
    preamble = [f"BAN THƯỜNG VỤ {unit.name.upper()}"]
    preamble += [
        f"Căn cứ {basis};" for basis in legal_bases_on(decision.rule_set.legal_basis, decision.decided_on)
    ]
    if decision.session is not None:
        preamble.append(
            f"Xét đề nghị của Hội đồng Thi đua - Khen thưởng tại phiên họp ngày "
            f"{_date(decision.session.held_on)};"
        )
    if decision.replaces is not None:
        preamble.append(f"Thay thế Quyết định số {decision.replaces.number_symbol};")
    preamble.append("QUYẾT ĐỊNH:")
    rows = [
        [str(i), r.holder_name, _detail(r), _annex_form(r.form, unit), _vnd(r.amount)]
        for i, r in enumerate(records, start=1)
    ]
    annex = Annex(
        title="DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG",
        subtitle=f"(Kèm theo Quyết định số {ref})",
        columns=["STT", "Tập thể, cá nhân", "Chức vụ, đơn vị", "Hình thức", "Tiền thưởng (đồng)"],
        rows=rows,
        column_widths=[1, 5, 6, 4, 3],
        totals=["", f"Tổng cộng: {len(records)}", "", "", _vnd(decision.total_amount)],
    )
    return OfficialDocument(
        superior_body=superior,
        issuer=issuer,
        number_symbol=document.number_symbol,
        place=document.place,
        date=decision.decided_on,
        type_name="QUYẾT ĐỊNH",
        summary=document.summary,
        preamble=preamble,
        items=items,
        recipients=["Như Điều " + str(money_article + 1), "Lưu: VT, TĐKT"],
        signer_authority=document.signer_authority,
        signer_position=document.signer_position,
        signer_name=document.signer_name,
        annexes=[annex],
    )


def minutes_document(session: CouncilSession) -> OfficialDocument:
    unit = session.deciding_unit
    superior, issuer = _header(unit)
    members = list(session.memberships.select_related("user"))
    items = list(session.items.select_related("nomination__form", "nomination__member", "nomination__unit"))
    present = [m for m in members if m.present]
    sections = [
        Section("1.", [f"Thời gian: ngày {_date(session.held_on)}. Địa điểm: {session.place or unit.name}."]),
        Section(
            "2.",
            [
                f"Thành phần: {len(present)}/{len(members)} thành viên Hội đồng có mặt: "
                + ", ".join(m.user.full_name or m.user.username for m in present)
                + "."
            ],
        ),
        Section(
            "3.",
            ["Kết quả biểu quyết:"],
            children=[
                Section(f"{chr(97 + i) if i < 26 else i})", [_vote_line(item, unit)])
                for i, item in enumerate(items)
            ],
        ),
    ]
    for item in items:
        if item.nomination.override_justification:
            sections.append(
                Section(
                    "Ghi chú:",
                    [
                        f"{item.nomination.nominee_name} chưa đủ điều kiện theo quy định; giải trình của đơn vị đề nghị: "
                        f"{item.nomination.override_justification}"
                    ],
                )
            )
    status = "" if session.status == CouncilSession.Status.CLOSED else " (phiên họp chưa kết thúc)"
    return OfficialDocument(
        superior_body=superior,
        issuer=issuer,
        number_symbol="",
        place="",
        date=session.held_on,
        type_name="BIÊN BẢN",
        summary=f"Họp Hội đồng Thi đua - Khen thưởng{status}",
        items=sections,
        preamble=[session.title],
        recipients=["Lưu: VT, TĐKT"],
        signer_authority="CHỦ TỊCH HỘI ĐỒNG",
        signer_name=(session.chair.full_name if session.chair is not None else ""),
    )


def _vote_line(item: AgendaItem, issuer: Unit) -> str:
    nomination = item.nomination
    kind = "bỏ phiếu kín" if item.secret_ballot else "biểu quyết công khai"
    base = "tổng số thành viên" if item.threshold_of == AgendaItem.Base.MEMBERS else "số thành viên có mặt"
    comparison = "trên" if item.threshold_strict else "từ"
    result = {"approved": "ĐẠT", "rejected": "KHÔNG ĐẠT", "pending": "chưa kết luận"}[item.result]
    return (
        f"{nomination.nominee_name} — {issued_form_name(nomination.form, issuer)} năm {nomination.year} ({kind}; yêu cầu {comparison} "
        f"{item.threshold_percent:g}% {base}): đồng ý {item.yes}, không đồng ý {item.no}, không biểu quyết "
        f"{item.abstain}/{item.base_count}. Kết quả: {result}."
    )


def certificates(decision: Decision) -> list[Certificate]:
    document = decision.document
    unit = decision.deciding_unit
    place_date = vietnamese_date_line(document.place, decision.decided_on)
    result = []
    for index, record in enumerate(_records(decision), start=1):
        if record.member is not None:
            name = ("Bà " if record.member.gender == "F" else "Ông ") + record.member.full_name
        else:
            assert record.unit is not None, "a record names a member or a unit (a database constraint)"
            name = record.unit.name
        result.append(
            Certificate(
                title=record.form.certificate_title,
                authority=f"BAN CHẤP HÀNH {unit.name.upper()}",
                verb="TẶNG",
                recipient_name=name,
                recipient_detail=_detail(record),
                achievement=(
                    f"Đã đạt danh hiệu “{record.form.name}” năm {record.year}"
                    if record.form.kind == "title"
                    else f"Đã có thành tích xuất sắc trong phong trào thi đua năm {record.year}"
                ),
                decision_ref=f"Quyết định số {document.number_symbol} ngày {_date(decision.decided_on)}",
                place_date=place_date,
                signer_position=f"{document.signer_authority}\n{document.signer_position}".strip(),
                signer_name=document.signer_name,
                serial=f"{index:04d}/{document.number_symbol}",
            )
        )
    return result


def decision_pdf(decision: Decision) -> bytes:
    from documents.rendering import render_pdf

    return render_pdf(decision_document(decision))


def decision_docx(decision: Decision) -> bytes:
    from documents.rendering import render_docx

    return render_docx(decision_document(decision))


def minutes_docx(session: CouncilSession) -> bytes:
    from documents.rendering import render_docx

    return render_docx(minutes_document(session))


def minutes_pdf(session: CouncilSession) -> bytes:
    from documents.rendering import render_pdf

    return render_pdf(minutes_document(session))


def certificates_pdf(decision: Decision) -> bytes:
    from documents.rendering import render_certificates_pdf

    template = decision.certificate_template.html if decision.certificate_template is not None else None
    return render_certificates_pdf(certificates(decision), template)
