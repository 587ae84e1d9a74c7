"""Demo commendation data: the award rules, imported history for 2013–2015 (so prerequisites are met
or not), the 2015 special campaign's nominations in every state, one council session with its
votes and one issued decision with certificates."""

import datetime as dt

from django.core.files.base import ContentFile
from simple_history.utils import bulk_create_with_history

from awards import services
from awards.models import (
    AwardForm,
    AwardRecord,
    BatchEvent,
    CouncilSession,
    Nomination,
    NominationBatch,
    RuleSet,
)
from awards.rules import load_award_rules
from core.demo import DemoContext
from core.text import fold
from organisations.models import Member, Unit

LDTT = "lao-dong-tien-tien"
CSTD_CS = "chien-si-thi-dua-co-so"
CSTD_TINH = "chien-si-thi-dua-cap-tinh"
TTLDXS = "tap-the-lao-dong-xuat-sac"
BK_LDLD = "bang-khen-ldld-tinh"
GK_CD = "giay-khen-cong-doan-cap-tren"
VUNG_MANH = "cdcs-vung-manh"


def _minutes(batch, name: str, held_on: dt.date = dt.date(2015, 11, 20)) -> ContentFile:
    """The proposing unit's meeting minutes, as an officer would scan and attach them: an ND30
    BIÊN BẢN listing the nominees the meeting agreed to propose (demo content)."""
    year = held_on.year
    from documents.official import header_name
    from documents.rendering import OfficialDocument, Section, render_pdf

    unit = batch.proposing_unit
    nominations = list(
        batch.nominations.select_related("form", "member", "unit").order_by("sort_order", "pk")
    )
    lines = [
        Section(
            f"{chr(97 + i)})",
            [
                f"{n.nominee_name}: đề nghị tặng {n.form.name} năm {n.year} "
                f"(nhất trí 100% số thành viên dự họp)."
            ],
        )
        for i, n in enumerate(nominations[:26])
    ]
    document = OfficialDocument(
        superior_body=header_name(unit.parent, abbreviate=True) if unit.parent_id else "",
        issuer=header_name(unit, abbreviate=False),
        number_symbol="",
        place="",
        date=held_on,
        type_name="BIÊN BẢN",
        summary=f"Họp bình xét thi đua, khen thưởng năm {year}",
        preamble=[
            f"Hôm nay, ngày {held_on:%d/%m/%Y}, tại trụ sở {unit.name}, Ban Thường vụ họp bình xét "
            f"thi đua, khen thưởng {'đợt thi đua đặc biệt năm 2015' if year == 2015 else f'năm {year}'}."
        ],
        items=[
            Section(
                "1.",
                [
                    "Thành phần: đồng chí Chủ tịch (chủ trì), các đồng chí Ủy viên Ban Thường vụ, "
                    "đại diện Ủy ban kiểm tra và Ban Nữ công."
                ],
            ),
            Section(
                "2.",
                [
                    "Hội nghị đã nghe báo cáo thành tích, thảo luận dân chủ và biểu quyết công khai "
                    "đề nghị cấp trên khen thưởng:"
                ],
                children=lines,
            ),
            Section(
                "3.", ["Biên bản kết thúc lúc 11 giờ cùng ngày, đã thông qua cho các thành viên dự họp."]
            ),
        ],
        recipients=["Lưu: VT"],
        signer_authority="TM. BAN THƯỜNG VỤ",
        signer_position="CHỦ TỊCH",
        signer_name="",
    )
    return ContentFile(render_pdf(document), name=name)


def _attach_minutes(batch: NominationBatch, file_name: str, shown_name: str = "") -> None:
    """Attach the batch's meeting minutes as the officer uploads them (shown under their own name
    when the officer gave one)."""
    batch.minutes.save(file_name, _minutes(batch, file_name), save=False)
    batch.minutes_name = shown_name
    batch.save(update_fields=["minutes", "minutes_name"])


def _active_member(unit: Unit, last: bool = False) -> Member | None:
    """The unit's first (or last) active member by creation: the demo's nominee there."""
    members = unit.members.filter(status=Member.Status.ACTIVE)
    return members.order_by("-pk" if last else "pk").first()


def imported_record(form: AwardForm, year: int, *, member=None, unit=None, number: int) -> AwardRecord:
    """A past award as an import brings it (unsaved): decided on 28 December by the holder's upper level."""
    holder = member or unit
    issuer = member.unit.parent if member else unit.parent
    return AwardRecord.imported(
        form=form,
        year=year,
        member=member,
        unit=unit,
        level=form.level,
        decision_ref=f"{number:02d}/QĐ-{issuer.doc_symbol or issuer.short_name or issuer.code}",
        decision_date=dt.date(year, 12, 28),
        issuer_name=issuer.name,
        search_text=fold(f"{holder} {holder.code} {form.name}")[:400],
    )


def _history(ctx: DemoContext, forms: dict[str, AwardForm], units: list[Unit]) -> dict[str, Member]:
    """Imported records for 2013–2015: Lao động tiên tiến for most members, a few Chiến sĩ thi đua cơ sở
    (one with three consecutive years, one with a gap), gradings of the grassroots unions."""
    rng = ctx.rng
    records: list[AwardRecord] = []
    chosen: dict[str, Member] = {}

    def add(form_code: str, year: int, *, member=None, unit=None, number: int):
        records.append(imported_record(forms[form_code], year, member=member, unit=unit, number=number))

    for index, unit in enumerate(units):
        members = list(unit.members.filter(status=Member.Status.ACTIVE).order_by("pk"))
        if not members:
            continue
        for year in (2013, 2014, 2015):
            holders = [m for m in members if rng.random() < 0.72]
            for member in holders:
                add(LDTT, year, member=member, number=10 + index)
            for member in holders[: max(len(holders) * 15 // 100, 0)][:2]:
                if year < 2015 or index % 2 == 0:
                    add(CSTD_CS, year, member=member, number=30 + index)
            if year < 2015:
                add(VUNG_MANH, year, unit=unit, number=50 + index)
        if index == 0:
            chosen["consecutive"] = members[0]
            chosen["gap"] = members[-1]
            chosen["new"] = members[len(members) // 2]
    # The gap: the last member of the first unit holds Chiến sĩ thi đua cơ sở in 2013 and 2015, not 2014.
    gap = chosen.get("gap")
    if gap is not None:
        records = [r for r in records if not (r.member_id == gap.pk and r.form_code == CSTD_CS)]
        add(CSTD_CS, 2013, member=gap, number=31)
        add(CSTD_CS, 2015, member=gap, number=71)
    consecutive = chosen.get("consecutive")
    if consecutive is not None:
        records = [
            r for r in records if not (r.member_id == consecutive.pk and r.form_code in (CSTD_CS, LDTT))
        ]
        for year in (2013, 2014, 2015):
            add(LDTT, year, member=consecutive, number=10)
            add(CSTD_CS, year, member=consecutive, number=30)
    bulk_create_with_history(records, AwardRecord, batch_size=1000)
    ctx.log(f"  {len(records)} past awards (2013–2015)")
    return chosen


def load(ctx: DemoContext) -> None:
    report = load_award_rules()
    ctx.log(
        f"  {report.forms} award forms in {report.rule_sets} rule sets, {report.salaries_added} base salaries"
    )
    users = ctx.data.get("users", {})
    province = ctx.data.get("province") or Unit.objects.get(code="LDLD-CB")
    if not province.doc_symbol:  # the federation's own symbol in document numbers (01/QĐ-LĐLĐ)
        province.doc_symbol = "LĐLĐ"
        province.save(update_fields=["doc_symbol"])
    rule_set = RuleSet.objects.get(code="ND42-2010")
    forms = {f.code: f for f in rule_set.forms.all()}
    hoa_an = Unit.objects.get(code="LDLD-HOAAN")
    bao_lac = Unit.objects.get(code="LDLD-BLAC")
    hoa_an_units = list(Unit.objects.filter(parent=hoa_an).order_by("code")[:6])
    other_units = list(Unit.objects.filter(parent=bao_lac).order_by("code")[:3])
    chosen = _history(ctx, forms, hoa_an_units + other_units)

    admin, officer = users.get("admin"), users.get("canbo.tinh")
    district_officer = users.get("canbo.hoaan")
    bao_lac_officer = users.get("canbo.baolac") or officer
    grassroots_officer = users.get("canbo.cdcs") or district_officer
    council = [users[name] for name in ("hoidong1", "hoidong2", "hoidong3") if name in users]
    if not (admin and officer and district_officer and council):
        ctx.log("  awards.demo: the demo users are missing, no nominations made")
        return

    campaign = ctx.data.get("campaign_2015")
    round_ = services.open_round(
        actor=officer,
        deciding_unit=province,
        title="Khen thưởng đợt thi đua đặc biệt năm 2015",
        year=2015,
        deadline=dt.date.today() + dt.timedelta(days=1),
        rule_set=rule_set,
        campaign=campaign,
        campaign_label=""
        if campaign
        else "Đợt thi đua đặc biệt chào mừng Đại hội Đảng các cấp, Đại hội Thi đua "
        "yêu nước tỉnh Cao Bằng lần thứ IV (Kế hoạch của LĐLĐ tỉnh, 2015)",
    )

    # 1. Hòa An: forwarded to the council, voted, decided.
    decided = services.create_batch(
        actor=district_officer,
        round_=round_,
        proposing_unit=hoa_an,
        title="Hồ sơ đề nghị khen thưởng của LĐLĐ huyện Hòa An",
    )
    star = chosen["consecutive"]
    nominations = [
        services.nominate(
            actor=district_officer,
            batch=decided,
            form=forms[CSTD_TINH],
            member=star,
            achievement="Ba năm liền Chiến sĩ thi đua cơ sở; sáng kiến “Sổ tay điện tử quản lý đoàn "
            "viên” được áp dụng trong toàn tỉnh.",
            task_grade="excellent",
            initiative="Sổ tay điện tử quản lý đoàn viên",
            initiative_scope="province",
            evidence_links=["https://ldldcaobang.example/tin-tuc/so-tay-dien-tu"],
        ),
        services.nominate(
            actor=district_officer,
            batch=decided,
            form=forms[BK_LDLD],
            unit=hoa_an_units[0],
            achievement="Công đoàn cơ sở vững mạnh ba năm liền, dẫn đầu phong trào thi đua đặc biệt "
            "năm 2015 của huyện.",
            task_grade="excellent",
        ),
    ]
    for unit in hoa_an_units[1:3]:
        member = _active_member(unit)
        if member is not None:
            nominations.append(
                services.nominate(
                    actor=district_officer,
                    batch=decided,
                    form=forms[BK_LDLD],
                    member=member,
                    task_grade="excellent",
                    achievement=f"Hoàn thành xuất sắc nhiệm vụ năm 2015, tích cực trong phong trào thi đua tại {unit.name}.",
                )
            )
    gap = chosen["gap"]
    nominations.append(
        services.nominate(
            actor=district_officer,
            batch=decided,
            form=forms[CSTD_TINH],
            member=gap,
            task_grade="excellent",
            achievement="Có đề tài khoa học cấp tỉnh được nghiệm thu năm 2015.",
            initiative="Đề tài khoa học cấp tỉnh",
            initiative_scope="province",
            evidence_links=["https://ldldcaobang.example/tin-tuc/de-tai-cap-tinh"],
            override_justification="Năm 2014 đồng chí nghỉ chế độ thai sản 6 tháng nên không được bình xét; "
            "đề nghị Hội đồng xem xét thành tích đột xuất năm 2015.",
        )
    )
    _attach_minutes(decided, "bien-ban-hoa-an.pdf", "Biên bản họp bình xét LĐLĐ huyện Hòa An.pdf")
    services.submit_batch(actor=district_officer, batch=decided, comment="Kính gửi LĐLĐ tỉnh xem xét.")
    services.forward_batch(actor=officer, batch=decided, comment="Hồ sơ đầy đủ, trình Hội đồng.")
    session = services.open_session(
        actor=officer,
        deciding_unit=province,
        title="Phiên họp Hội đồng Thi đua - Khen thưởng tháng 12/2015",
        held_on=dt.date(2015, 12, 10),
        place="Hội trường LĐLĐ tỉnh Cao Bằng",
        members=council,
        nominations=nominations,
        round_=round_,
        chair=council[0],
    )
    for item in session.items.select_related("nomination"):
        for index, member in enumerate(council):
            choice = "yes"
            if item.nomination.member_id == gap.pk and index > 0:
                choice = "no"  # the gap year is not accepted by the council
            services.cast_vote(actor=member, item=item, choice=choice)
    services.close_session(actor=officer, session=session)
    # closed the evening it met (17:00 in Vietnam), not when the demo was loaded
    CouncilSession.objects.filter(pk=session.pk).update(
        closed_at=dt.datetime(2015, 12, 10, 10, 0, tzinfo=dt.UTC)
    )
    approved = list(Nomination.objects.filter(batch=decided, status=Nomination.Status.APPROVED))
    decision = services.issue_decision(
        actor=officer,
        deciding_unit=province,
        nominations=approved,
        decided_on=dt.date(2015, 12, 20),
        summary="Về việc khen thưởng các tập thể, cá nhân có thành tích xuất sắc trong đợt thi đua đặc biệt năm 2015",
        signer_position="CHỦ TỊCH",
        signer_name="Lương Văn Thắng",
        # the union's own prize money (QĐ 1564/QĐ-TLĐ) is not in the rule data: issued without it, as confirmed
        issue_without_money=True,
    )
    ctx.log(
        f"  decision {decision.number_symbol}: {decision.records.count()} awardees, "
        f"{decision.total_amount:,} đ".replace(",", ".")
    )

    # 2. Bảo Lạc: submitted, waiting for the province's review (one nominee cut on the way).
    waiting = services.create_batch(actor=bao_lac_officer, round_=round_, proposing_unit=bao_lac)
    for unit in other_units:
        member = _active_member(unit, last=True)
        if member is not None:
            services.nominate(
                actor=bao_lac_officer,
                batch=waiting,
                form=forms[BK_LDLD],
                member=member,
                task_grade="excellent",
                achievement=f"Hoàn thành xuất sắc nhiệm vụ năm 2015 tại {unit.name}.",
            )
    if other_units:
        services.nominate(
            actor=bao_lac_officer,
            batch=waiting,
            form=forms[TTLDXS],
            unit=other_units[0],
            achievement="Tập thể hoàn thành xuất sắc nhiệm vụ năm 2015.",
            task_grade="excellent",
            override_justification="Nhiều đoàn viên mới chuyển đến chưa đủ thời gian bình xét.",
        )
    _attach_minutes(waiting, "bien-ban-bao-lac.pdf", "Biên bản họp LĐLĐ huyện Bảo Lạc.pdf")
    if waiting.nominations.exists():
        services.submit_batch(actor=bao_lac_officer, batch=waiting)
        first = waiting.nominations.order_by("pk").first()
        assert first is not None, "the batch has nominations (checked above)"
        services.cut_nomination(
            actor=officer, nomination=first, reason="Đã được tặng Bằng khen năm 2014 cho cùng thành tích."
        )

    # 3. A grassroots union of Hòa An: returned by the district with a comment.
    if len(hoa_an_units) > 3:
        returned = services.create_batch(
            actor=district_officer, round_=round_, proposing_unit=hoa_an_units[3]
        )
        member = _active_member(hoa_an_units[3])
        if member is not None:
            services.nominate(
                actor=district_officer,
                batch=returned,
                form=forms[GK_CD],
                member=member,
                task_grade="good",
                achievement="Tích cực tham gia phong trào thi đua năm 2015.",
            )
            _attach_minutes(returned, "bien-ban.pdf")
            services.submit_batch(actor=district_officer, batch=returned)
            services.return_batch(
                actor=district_officer,
                batch=returned,
                comment="Bổ sung báo cáo thành tích có xác nhận của thủ trưởng đơn vị.",
            )

    # 4. The first grassroots union of Hòa An (canbo.cdcs): a draft being prepared.
    draft_unit = (
        grassroots_officer.home_unit
        if grassroots_officer and grassroots_officer.home_unit_id
        else hoa_an_units[0]
    )
    draft = services.create_batch(actor=grassroots_officer, round_=round_, proposing_unit=draft_unit)
    if draft.pk and draft.is_editable:
        newcomer = chosen.get("new")
        if newcomer is not None and newcomer.unit.path.startswith(draft_unit.path):
            try:
                services.nominate(
                    actor=grassroots_officer,
                    batch=draft,
                    form=forms[GK_CD],
                    member=newcomer,
                    task_grade="good",
                    achievement="Hoàn thành tốt nhiệm vụ năm 2015.",
                )
            except Exception:  # noqa: BLE001 - a demo nominee that does not qualify is simply left out
                pass

    # 5. Sector union: at the council, waiting for the next session.
    sectors = ctx.data.get("sectors") or list(Unit.objects.filter(parent=province, code__startswith="CD"))
    if sectors:
        sector = sectors[0]
        pending = services.create_batch(actor=officer, round_=round_, proposing_unit=sector)
        below = Unit.objects.filter(parent=sector).order_by("code").first()
        if below is not None:
            services.nominate(
                actor=officer,
                batch=pending,
                form=forms[BK_LDLD],
                unit=below,
                task_grade="excellent",
                achievement="Đơn vị dẫn đầu khối thi đua ngành năm 2015.",
            )
            _attach_minutes(pending, "bien-ban-nganh.pdf")
            services.submit_batch(actor=officer, batch=pending)
            services.forward_batch(actor=officer, batch=pending)

    # The round closed at the end of November 2015; the path of the batches dates from then.
    type(round_).objects.filter(pk=round_.pk).update(deadline=dt.date(2015, 11, 30))
    NominationBatch.objects.filter(round=round_).exclude(submitted_at=None).update(
        submitted_at=dt.datetime(2015, 11, 20, 9, 0, tzinfo=dt.UTC)
    )
    BatchEvent.objects.filter(batch__round=round_).update(at=dt.datetime(2015, 11, 25, 9, 0, tzinfo=dt.UTC))
    ctx.data["awards_round_2015"] = round_
    ctx.data["awards_decision_2015"] = decision
    ctx.log(
        f"  {Nomination.objects.filter(batch__round=round_).count()} nominations in "
        f"{NominationBatch.objects.filter(round=round_).count()} batches"
    )
