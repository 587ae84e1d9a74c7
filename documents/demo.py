"""Demo registry: the seed plan (Kế hoạch 75/KH-LĐLĐ of 15/6/2015 of the Cao Bằng federation),
read by the plan reader from its text, with its five legal bases, its recipients and a cascade
half done: about half the district federations and sector unions have issued their
implementing plans, some have only acknowledged it, the rest are late."""

import datetime as dt
from pathlib import Path

from django.utils import timezone

from accounts import permissions
from core.demo import DemoContext
from documents import recipient_groups, services
from documents.models import Document, DocumentType, Obligation
from documents.numbering import reserve_number
from documents.reader import read_text
from documents.scans import preamble_of
from organisations.models import Unit

SEED_PLAN = Path(__file__).parent / "demo_data" / "seed_plan.txt"
ISSUED_ON = dt.date(2015, 6, 15)
DEADLINE = dt.date(2015, 7, 15)
NUMBER_SYMBOL = "75/KH-LĐLĐ"

# The bases as the plan cites them, with the summaries the plan quotes; (type code,
# number/symbol, date, issuer: a unit code of ours or an outside body, summary, its own bases).
BASES = [
    (
        "CT",
        "08/CT-UBND",
        dt.date(2015, 5, 25),
        "UBND tỉnh Cao Bằng",
        "Phát động phong trào thi đua đặc biệt chào mừng Đại hội Đảng các cấp, Đại hội Thi đua yêu nước tỉnh "
        "Cao Bằng lần thứ IV",
        ["35/CT-TTg"],
    ),
    (
        "KH",
        "01/KH-LĐLĐ",
        dt.date(2015, 1, 30),
        "LDLD-CB",
        "Thực hiện Chỉ thị 34-CT/TW ngày 07/4/2014 của Bộ Chính trị về “Tiếp tục đổi mới công tác thi đua, "
        "khen thưởng”",
        ["34-CT/TW"],
    ),
    (
        "CT",
        "34-CT/TW",
        dt.date(2014, 4, 7),
        "Bộ Chính trị",
        "Về tiếp tục đổi mới công tác thi đua, khen thưởng",
        [],
    ),
    (
        "CT",
        "35/CT-TTg",
        dt.date(2014, 12, 19),
        "Thủ tướng Chính phủ",
        "Về việc đẩy mạnh phong trào thi đua yêu nước chào mừng Đại hội Đảng các cấp tiến tới Đại hội Đảng toàn "
        "quốc lần thứ XII, Đại hội Thi đua yêu nước toàn quốc lần thứ IX và các ngày lễ lớn trong năm 2015",
        [],
    ),
    (
        "KH",
        "05/KH-TLĐ",
        dt.date(2015, 1, 21),
        "TLD",
        "Tổ chức phong trào thi đua trong công nhân, viên chức, lao động chào mừng Đại hội Đảng các cấp và Đại hội "
        "Thi đua yêu nước toàn quốc lần thứ IX",
        ["35/CT-TTg"],
    ),
]
# The order the plan cites them in (the reader's order).
CITED = ["08/CT-UBND", "01/KH-LĐLĐ", "34-CT/TW", "35/CT-TTg", "05/KH-TLĐ"]
OUTSIDE_SYMBOLS = {
    "UBND tỉnh Cao Bằng": ("UBND tỉnh", "UBND"),
    "Bộ Chính trị": ("BCT", "TW"),
    "Thủ tướng Chính phủ": ("TTg", "TTg"),
}
SIGNERS = [
    "Bế Văn Hùng",
    "Nông Thị Hà",
    "Hoàng Văn Tuấn",
    "Lục Thị Liên",
    "Đàm Văn Khánh",
    "Triệu Văn Sinh",
    "Lương Thị Nga",
    "Hà Văn Dũng",
    "Mã Thị Thu",
    "Chu Văn Lâm",
    "La Thị Hồng",
    "Vi Văn Trọng",
]


def load(ctx: DemoContext) -> None:
    province: Unit = ctx.data["province"]
    users = ctx.data["users"]
    admin = users["admin"]
    _give_symbols(ctx)
    types = {t.code: t for t in DocumentType.objects.all()}

    bases = _record_bases(admin, types)
    plan = _seed_plan(ctx, admin, province, types, bases)
    _cascade(ctx, plan, users, types)
    _more_documents(ctx, admin, province, types, plan)
    ctx.data["seed_plan"] = plan
    counts = Obligation.objects.filter(document=plan)
    ctx.log(
        f"  {Document.objects.count()} documents; plan {plan.number_symbol}: "
        f"{counts.filter(fulfilled_at__isnull=False).count()}/{counts.count()} implementing plans issued"
    )


def _give_symbols(ctx: DemoContext) -> None:
    """The issuer part of symbols: LĐLĐ for federations, CĐGD-style for sector unions."""
    for unit in [ctx.data["province"], *ctx.data["districts"]]:
        if not unit.doc_symbol:
            unit.doc_symbol = "LĐLĐ"
            unit.save(update_fields=["doc_symbol"])
    for unit in ctx.data["sectors"]:
        if not unit.doc_symbol:
            unit.doc_symbol = "CĐ" + unit.code[2:] if unit.code.startswith("CD") else unit.code
            unit.save(update_fields=["doc_symbol"])
    tld = ctx.data.get("tld")
    if tld is not None and not tld.doc_symbol:
        tld.doc_symbol = "TLĐ"
        tld.save(update_fields=["doc_symbol"])


def _record_bases(admin, types) -> dict[str, Document]:
    recorded: dict[str, Document] = {}
    for code, number_symbol, issued_on, issuer, summary, _own in BASES:
        unit = Unit.objects.filter(code=issuer).first()
        body = None
        if unit is None:
            body = services.outside_body(issuer)
            short, symbol = OUTSIDE_SYMBOLS.get(issuer, ("", ""))
            body.short_name, body.symbol = short, symbol
            body.save()
        recorded[number_symbol] = services.record_external(
            actor=admin,
            doc_type=types[code],
            number_symbol=number_symbol,
            issued_on=issued_on,
            summary=summary,
            issuer_unit=unit,
            issuer_body=body,
            place="Hà Nội" if issuer in ("Bộ Chính trị", "Thủ tướng Chính phủ", "TLD") else "Cao Bằng",
        )
    for _code, number_symbol, _date, _issuer, _summary, own in BASES:
        if own:
            services.set_bases(
                actor=admin, document=recorded[number_symbol], bases=[recorded[b] for b in own]
            )
    return recorded


def _seed_plan(ctx, admin, province: Unit, types, bases: dict[str, Document]) -> Document:
    text = SEED_PLAN.read_text(encoding="utf-8")
    extraction = read_text(text)
    assert extraction.title is not None  # the seed plan has one
    lines = [recipient_groups.clean_line(line) for line in extraction.recipients]
    plan = services.create_draft(
        actor=admin,
        issuer=province,
        doc_type=types["KH"],
        summary=extraction.title,
        theme=extraction.theme or "",
        body="\n".join([*preamble_of(text, extraction), *extraction.items]),
        place="Cao Bằng",
        signer_authority="TM. BAN THƯỜNG VỤ",
        signer_position="PHÓ CHỦ TỊCH",
        signer_name="Lương Văn Thắng",
        recipients_text="\n".join(lines),
        requires_plan=True,
        plan_deadline=DEADLINE,
    )
    units = recipient_groups.units_for_lines(lines, province, on=ISSUED_ON)
    services.set_recipients(actor=admin, document=plan, units=units)
    services.set_bases(
        actor=admin,
        document=plan,
        bases=[bases[b.number_symbol] for b in extraction.bases if b.number_symbol in bases],
    )
    plan = services.issue_document(
        actor=admin, document=plan, issued_on=ISSUED_ON, number_symbol=NUMBER_SYMBOL
    )
    Document.objects.filter(pk=plan.pk).update(created_at=_at(ISSUED_ON, 9))
    return plan


def _cascade(ctx: DemoContext, plan: Document, users, types) -> None:
    """About half the districts and sector unions issue their plans (Hòa An among them, Bảo Lạc
    not, so canbo.baolac has one to make); some only acknowledge; the others are late."""
    rng = ctx.rng
    officers = {
        u.home_unit_id: u
        for u in users.values()
        if u.home_unit_id and permissions.can_manage_documents(u, u.home_unit)
    }
    obligations = list(Obligation.objects.filter(document=plan).select_related("unit", "unit__unit_type"))
    middle = [
        o for o in obligations if o.unit.unit_type.code in ("ldld-huyen", "cd-nganh-tinh", "cd-vien-chuc")
    ]
    others = [o for o in obligations if o not in middle]
    rng.shuffle(middle)
    middle.sort(key=lambda o: {"LDLD-HOAAN": 0, "LDLD-BLAC": 2}.get(o.unit.code, 1))
    half = len(middle) // 2
    for index, obligation in enumerate(middle):
        unit = obligation.unit
        actor = officers.get(unit.pk, users["admin"])
        if unit.code == "LDLD-BLAC":
            continue  # not acknowledged yet: the demo's officer starts from here
        if index < half:
            _implementing_plan(rng, obligation, actor, types)
        elif index < half + max(2, len(middle) // 4):
            services.acknowledge(actor=actor, obligation=obligation)
            Obligation.objects.filter(pk=obligation.pk).update(acknowledged_at=_at(_day(rng, 16, 30), 10))
    for obligation in others:
        if rng.random() < 0.6:
            services.acknowledge(actor=users["admin"], obligation=obligation)
            Obligation.objects.filter(pk=obligation.pk).update(acknowledged_at=_at(_day(rng, 16, 40), 14))


def _implementing_plan(rng, obligation: Obligation, actor, types) -> Document:
    unit = obligation.unit
    draft = services.start_implementing_plan(actor=actor, obligation=obligation)
    grassroots = list(Unit.objects.current(ISSUED_ON).filter(parent=unit, unit_type__is_grassroots=True))
    services.update_draft(
        actor=actor,
        document=draft,
        signer_authority="TM. BAN THƯỜNG VỤ",
        signer_position="CHỦ TỊCH",
        signer_name=rng.choice(SIGNERS),
        recipients_text="\n".join(["Thường trực LĐLĐ tỉnh", "CĐCS trực thuộc", "Lưu: VT"]),
        requires_plan=False,
    )
    services.set_recipients(actor=actor, document=draft, units=grassroots)
    # most on time, a few a little after the deadline; each unit had issued other plans that year
    issued_on = _day(rng, 18, 29) if rng.random() < 0.8 else _day(rng, 31, 38)
    reserve_number(unit, types["KH"], issued_on.year, rng.randint(6, 30))
    document = services.issue_document(actor=actor, document=draft, issued_on=issued_on)
    Obligation.objects.filter(pk=obligation.pk).update(
        fulfilled_at=_at(issued_on, 15), acknowledged_at=_at(issued_on - dt.timedelta(days=2), 9)
    )
    for child in Obligation.objects.filter(document=document):
        if rng.random() < 0.55:
            Obligation.objects.filter(pk=child.pk).update(
                acknowledged_at=_at(issued_on + dt.timedelta(days=rng.randint(1, 10)), 10)
            )
    return document


def _more_documents(ctx: DemoContext, admin, province: Unit, types, plan: Document) -> None:
    """A letter urging the late units, and a draft for the next step of the campaign."""
    late_units = [
        o.unit
        for o in Obligation.objects.filter(document=plan, fulfilled_at__isnull=True).select_related("unit")[
            :6
        ]
    ]
    letter = services.create_draft(
        actor=admin,
        issuer=province,
        doc_type=types["CV"],
        drafting_office="CSPL",
        summary="V/v đôn đốc xây dựng kế hoạch phát động đợt thi đua đặc biệt",
        body="\n".join(
            [
                f"Thực hiện Kế hoạch số {plan.number_symbol} ngày 15/6/2015 của Ban Thường vụ LĐLĐ tỉnh về phát động "
                "đợt thi đua đặc biệt chào mừng Đại hội Đảng các cấp, Đại hội Thi đua yêu nước tỉnh Cao Bằng lần thứ IV,",
                "Đến nay, một số đơn vị chưa xây dựng và gửi kế hoạch về LĐLĐ tỉnh. Ban Thường vụ LĐLĐ tỉnh đề nghị "
                "các đơn vị khẩn trương xây dựng kế hoạch, gửi về LĐLĐ tỉnh (qua Ban Chính sách - Pháp luật) trước "
                "ngày 31/7/2015 để tổng hợp.",
            ]
        ),
        place="Cao Bằng",
        signer_authority="TL. BAN THƯỜNG VỤ",
        signer_position="TRƯỞNG BAN CHÍNH SÁCH - PHÁP LUẬT",
        signer_name="Hoàng Thị Thu",
        recipients_text="\n".join([*(u.display_name for u in late_units), "Lưu: VT, CS-PL"]),
    )
    services.set_recipients(actor=admin, document=letter, units=late_units)
    services.set_bases(actor=admin, document=letter, bases=[plan])
    services.issue_document(
        actor=admin, document=letter, issued_on=dt.date(2015, 7, 20), number_symbol="112/LĐLĐ-CSPL"
    )
    draft = services.create_draft(
        actor=admin,
        issuer=province,
        doc_type=types["KH"],
        place="Cao Bằng",
        summary="Tổ chức sơ kết đợt thi đua đặc biệt chào mừng Đại hội Đảng các cấp, Đại hội Thi đua yêu nước "
        "tỉnh Cao Bằng lần thứ IV",
        body="\n".join(
            [
                "I. MỤC ĐÍCH, YÊU CẦU",
                "1. Đánh giá kết quả đợt thi đua đặc biệt trong các cấp Công đoàn tỉnh.",
                "2. Biểu dương các tập thể, cá nhân điển hình tiên tiến; rút kinh nghiệm cho giai đoạn tiếp theo.",
                "II. NỘI DUNG",
                "1. Các đơn vị báo cáo kết quả thực hiện kế hoạch, gửi về LĐLĐ tỉnh.",
                "2. LĐLĐ tỉnh tổng hợp, đề nghị khen thưởng.",
            ]
        ),
        signer_authority="TM. BAN THƯỜNG VỤ",
        signer_position="PHÓ CHỦ TỊCH",
    )
    services.set_bases(actor=admin, document=draft, bases=[plan])


def _day(rng, low: int, high: int) -> dt.date:
    return ISSUED_ON + dt.timedelta(days=rng.randint(low, high))


def _at(day: dt.date, hour: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))
