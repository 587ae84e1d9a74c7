"""Documents at scale with their cascades: the province issues plans that oblige the
intermediate unions; about 80% of those issue their own implementing plan (a child document
that fulfils the obligation) and oblige a dozen of their grassroots unions, of which about 60%
issue theirs. The rest of the registry is letters, decisions and reports without a cascade.
Numbers run per issuer, type and year as the numbering service gives them."""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections import defaultdict

from django.db.models import Max
from django.utils import timezone

from core.text import fold
from documents.models import Document, DocumentType, NumberSequence, Obligation, Recipient
from documents.tallies import rebuild_plan_tallies
from organisations.models import Unit, UnitType

from .tables import Table, has_field, indexes_dropped, next_id

THEMES = [
    "Lao động giỏi, lao động sáng tạo",
    "Xanh - Sạch - Đẹp, bảo đảm an toàn, vệ sinh lao động",
    "Giỏi việc nước, đảm việc nhà",
    "Dạy tốt - học tốt",
    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "Chuyển đổi số trong hoạt động Công đoàn",
    "Tháng Công nhân",
    "Tết Sum vầy",
    "Mái ấm Công đoàn",
    "Phát triển đoàn viên, thành lập công đoàn cơ sở",
    "Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở",
    "Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau",
    "Xây dựng nông thôn mới",
    "Đại hội Công đoàn các cấp",
    "Người tốt, việc tốt",
    "Sáng kiến, cải tiến kỹ thuật",
    "Đổi mới, sáng tạo",
    "An toàn giao thông",
    "Phòng, chống thiên tai",
    "Học tập suốt đời",
]
PLAN_SUMMARIES = [
    "Kế hoạch tổ chức phong trào thi đua “{t}” năm {y}",
    "Kế hoạch triển khai thực hiện phong trào “{t}” giai đoạn {y}-{y2}",
    "Kế hoạch hưởng ứng phong trào thi đua “{t}” năm {y}",
    "Chỉ thị về đẩy mạnh phong trào thi đua “{t}” năm {y}",
]
OTHER_SUMMARIES = [
    ("CV", "V/v hướng dẫn tổng kết phong trào thi đua “{t}” năm {y}"),
    ("CV", "V/v đề nghị khen thưởng tập thể, cá nhân có thành tích trong phong trào “{t}”"),
    ("QĐ", "Quyết định khen thưởng các tập thể, cá nhân xuất sắc trong phong trào “{t}” năm {y}"),
    ("BC", "Báo cáo kết quả thực hiện phong trào thi đua “{t}” năm {y}"),
    ("TB", "Thông báo kết luận của Ban Thường vụ về phong trào “{t}”"),
    ("HD", "Hướng dẫn chấm điểm, xếp loại phong trào “{t}” năm {y}"),
]
PARAGRAPHS = [
    "Căn cứ Luật Thi đua, khen thưởng năm 2022; Nghị định số 98/2023/NĐ-CP của Chính phủ quy định chi tiết thi hành Luật Thi đua, khen thưởng;",
    "Căn cứ Hướng dẫn của Tổng Liên đoàn Lao động Việt Nam về công tác thi đua, khen thưởng trong tổ chức Công đoàn;",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Phát huy vai trò của tổ chức Công đoàn trong việc vận động đoàn viên, người lao động hăng hái thi đua lao động sản xuất, hoàn thành xuất sắc nhiệm vụ được giao.",
    "2. Phong trào thi đua phải được triển khai sâu rộng đến các công đoàn cơ sở, có nội dung thiết thực, hình thức phong phú, phù hợp với đặc điểm của từng đơn vị.",
    "3. Kịp thời phát hiện, bồi dưỡng, biểu dương, khen thưởng và nhân rộng các điển hình tiên tiến, gương người tốt việc tốt.",
    "II. NỘI DUNG THI ĐUA",
    "1. Thi đua thực hiện tốt chức năng đại diện, bảo vệ quyền, lợi ích hợp pháp, chính đáng của đoàn viên và người lao động.",
    "2. Thi đua lao động sáng tạo, phát huy sáng kiến, cải tiến kỹ thuật, nâng cao năng suất, chất lượng, hiệu quả công việc.",
    "3. Thi đua bảo đảm an toàn, vệ sinh lao động, phòng chống cháy nổ, xây dựng môi trường làm việc xanh - sạch - đẹp.",
    "4. Thi đua học tập nâng cao trình độ chính trị, chuyên môn, nghiệp vụ, kỹ năng nghề và tác phong công nghiệp.",
    "5. Thi đua phát triển đoàn viên, xây dựng tổ chức công đoàn vững mạnh, đổi mới nội dung, phương thức hoạt động.",
    "a) Các cấp công đoàn xây dựng kế hoạch cụ thể, đăng ký thi đua và gửi về Liên đoàn Lao động tỉnh trước ngày 31 tháng 3.",
    "b) Tổ chức sơ kết giữa kỳ, tổng kết cuối năm, lựa chọn tập thể, cá nhân tiêu biểu đề nghị cấp trên khen thưởng.",
    "III. TỔ CHỨC THỰC HIỆN",
    "1. Ban Chính sách - Pháp luật Liên đoàn Lao động tỉnh chủ trì, phối hợp với các ban hướng dẫn, theo dõi, đôn đốc thực hiện.",
    "2. Công đoàn ngành, Công đoàn Viên chức tỉnh và các công đoàn cơ sở trực thuộc căn cứ kế hoạch này xây dựng kế hoạch triển khai tại đơn vị.",
    "3. Định kỳ 6 tháng, một năm báo cáo kết quả thực hiện về Thường trực Liên đoàn Lao động tỉnh (qua Ban Chính sách - Pháp luật).",
    "Trong quá trình thực hiện, nếu có vướng mắc, các đơn vị phản ánh về Liên đoàn Lao động tỉnh để được hướng dẫn.",
    "Đồng bào các dân tộc Tày, Nùng, H'Mông, Dao cùng tham gia các hoạt động văn hóa, thể thao chào mừng ngày Quốc tế Lao động.",
    "Hỗ trợ xây dựng Mái ấm Công đoàn cho đoàn viên có hoàn cảnh khó khăn về nhà ở tại các huyện vùng cao biên giới.",
    "Tổ chức Tháng Công nhân, Tháng hành động về an toàn, vệ sinh lao động với chủ đề do Tổng Liên đoàn phát động.",
]
RECIPIENTS = "Như kính gửi;\nThường trực LĐLĐ tỉnh;\nCác ban LĐLĐ tỉnh;\nLưu: VT, CSPL."
SIGNERS = [
    ("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "Nông Văn Quản"),
    ("TM. BAN THƯỜNG VỤ", "PHÓ CHỦ TỊCH", "Lương Văn Thắng"),
    ("TM. BAN CHẤP HÀNH", "CHỦ TỊCH", "Đàm Văn Long"),
]
CASCADE_SHARE = 0.7
GRASSROOTS_PER_PLAN = 12


def generate_documents(province: Unit, total: int, rng: random.Random, log) -> int:
    with indexes_dropped(Document, Obligation, Recipient):
        written = _generate_documents(province, total, rng, log)
    # the obligations were written without the services: their tallies are counted once, here
    log(f"  plan tallies: {rebuild_plan_tallies()} cells")
    return written


def _generate_documents(province: Unit, total: int, rng: random.Random, log) -> int:
    types = {t.code: t for t in DocumentType.objects.all()}
    for code, name, is_plan in [
        ("KH", "Kế hoạch", True),
        ("CT", "Chỉ thị", True),
        ("CV", "Công văn", False),
        ("QĐ", "Quyết định", False),
        ("BC", "Báo cáo", False),
        ("TB", "Thông báo", False),
        ("HD", "Hướng dẫn", False),
    ]:
        if code not in types:
            types[code] = DocumentType.objects.create(code=code, name=name, is_plan=is_plan)
    grassroots_level = UnitType.objects.get(code="cdcs").level
    units = list(
        Unit.objects.in_subtree(province)
        .current()
        .select_related("unit_type")
        .only(
            "pk",
            "name",
            "short_name",
            "code",
            "doc_symbol",
            "parent_id",
            "unit_type__level",
            "unit_type__may_have_children",
        )
    )
    middle = [
        u
        for u in units
        if u.unit_type.may_have_children and province.unit_type.level < u.unit_type.level < grassroots_level
    ]
    children: dict[int, list[Unit]] = defaultdict(list)
    for unit in units:
        if unit.unit_type.level == grassroots_level and unit.parent_id:
            children[unit.parent_id].append(unit)
    grassroots = [u for u in units if u.unit_type.level == grassroots_level]
    symbols = {}
    folded_names = {}

    def symbol(unit):
        if unit.pk not in symbols:
            symbols[unit.pk] = unit.doc_symbol or unit.short_name or unit.code
            folded_names[unit.pk] = fold(unit.name)
        return symbols[unit.pk]

    folded_paragraphs = [fold(p) for p in PARAGRAPHS]
    # Summaries, themes, type names and a number's symbol part repeat across the documents: each
    # is folded once (fold is pure, so the search text is the same).
    folded: dict[str, str] = {}

    def fold_once(text: str) -> str:
        if text not in folded:
            folded[text] = fold(text)
        return folded[text]

    doc_ids = itertools.count(next_id(Document))
    obligation_ids = itertools.count(next_id(Obligation))
    recipient_ids = itertools.count(next_id(Recipient))
    numbers: dict[tuple[int, int, int], int] = defaultdict(int)
    # Continue after numbers the demo loaders gave, so (issuer, type, year, number) stays unique.
    for row in (
        Document.objects.filter(number__isnull=False, issuer_unit__isnull=False)
        .values("issuer_unit_id", "doc_type_id", "year")
        .annotate(last=Max("number"))
    ):
        numbers[(row["issuer_unit_id"], row["doc_type_id"], row["year"])] = row["last"]
    with_office = has_field(Document, "drafting_office")
    doc_fields = [
        "id",
        "doc_type_id",
        "issuer_unit_id",
        "status",
        "number",
        "number_symbol",
        "year",
        "issued_on",
        "place",
        "summary",
        "theme",
        "body",
        "signer_authority",
        "signer_position",
        "signer_name",
        "recipients_text",
        "parent_id",
        "requires_plan",
        "plan_deadline",
        "search_text",
    ]
    if with_office:
        doc_fields.append("drafting_office")
    doc_table = Table(Document, doc_fields)
    obligation_table = Table(
        Obligation,
        [
            "id",
            "document_id",
            "unit_id",
            "requires_plan",
            "due_on",
            "acknowledged_at",
            "fulfilled_by_id",
            "fulfilled_at",
        ],
    )
    recipient_table = Table(Recipient, ["id", "document_id", "unit_id"])
    docs: list[tuple] = []
    obligations: list[tuple] = []
    recipients: list[tuple] = []

    def document(
        doc_type, issuer, issued_on, summary, theme, parent_id=None, requires_plan=False, deadline=None
    ):
        year = issued_on.year
        key = (issuer.pk, doc_type.pk, year)
        numbers[key] += 1
        number = numbers[key]
        office = "CSPL" if doc_type.code == "CV" else ""
        middle_part = (
            f"{doc_type.code}-{symbol(issuer)}"
            if getattr(doc_type, "code_in_symbol", True)
            else f"{symbol(issuer)}-{office}"
        )
        number_symbol = f"{number:02d}/{middle_part}"
        picked = sorted(rng.sample(range(len(PARAGRAPHS)), 9))
        body = "\n".join(PARAGRAPHS[i] for i in picked)
        search = " ".join(
            [
                fold_once(doc_type.name),
                f"{number:02d}/{fold_once(middle_part)}",  # fold(number_symbol): digits and "/" fold to themselves
                folded_names[issuer.pk],
                fold_once(summary),
                fold_once(theme),
                *(folded_paragraphs[i] for i in picked),
            ]
        )
        signer = SIGNERS[rng.randrange(len(SIGNERS))]
        pk = next(doc_ids)
        row = [
            pk,
            doc_type.pk,
            issuer.pk,
            "issued",
            number,
            number_symbol,
            year,
            issued_on,
            "Cao Bằng",
            summary,
            theme,
            body,
            signer[0],
            signer[1],
            signer[2],
            RECIPIENTS,
            parent_id,
            requires_plan,
            deadline,
            search,
        ]
        if with_office:
            row.append(office)
        docs.append(tuple(row))
        return pk

    def moment(day: dt.date) -> dt.datetime:
        return timezone.make_aware(dt.datetime.combine(day, dt.time(8 + rng.randrange(9), rng.randrange(60))))

    def flush():
        doc_table.write(docs)
        recipient_table.write(recipients)
        obligation_table.write(obligations)
        docs.clear()
        recipients.clear()
        obligations.clear()

    cascade_budget = int(total * CASCADE_SHARE)
    plan_types = [types["KH"], types["KH"], types["KH"], types["CT"]]
    made = 0
    while made < cascade_budget:
        year = 2015 + rng.randrange(11)
        issued = dt.date(year, 1 + rng.randrange(10), 1 + rng.randrange(28))
        deadline = issued + dt.timedelta(days=30)
        theme = THEMES[rng.randrange(len(THEMES))]
        summary = PLAN_SUMMARIES[rng.randrange(len(PLAN_SUMMARIES))].format(t=theme, y=year, y2=year + 5)
        symbol(province)
        top = document(
            plan_types[rng.randrange(4)],
            province,
            issued,
            summary,
            theme,
            requires_plan=True,
            deadline=deadline,
        )
        made += 1
        for unit in middle:
            symbol(unit)
            obligation_pk = next(obligation_ids)
            recipients.append((next(recipient_ids), top, unit.pk))
            acknowledged = (
                moment(issued + dt.timedelta(days=1 + rng.randrange(5))) if rng.random() < 0.9 else None
            )
            if rng.random() < 0.8 and made < cascade_budget:
                own_day = issued + dt.timedelta(days=5 + rng.randrange(40))
                own_deadline = own_day + dt.timedelta(days=30)
                plan = document(
                    types["KH"],
                    unit,
                    own_day,
                    f"Kế hoạch triển khai thực hiện phong trào “{theme}” năm {year}",
                    theme,
                    parent_id=top,
                    requires_plan=True,
                    deadline=own_deadline,
                )
                made += 1
                obligations.append(
                    (
                        obligation_pk,
                        top,
                        unit.pk,
                        True,
                        deadline,
                        acknowledged or moment(own_day),
                        plan,
                        moment(own_day),
                    )
                )
                below = children.get(unit.pk, [])
                for child in rng.sample(below, min(GRASSROOTS_PER_PLAN, len(below))):
                    symbol(child)
                    recipients.append((next(recipient_ids), plan, child.pk))
                    child_ack = (
                        moment(own_day + dt.timedelta(days=1 + rng.randrange(7)))
                        if rng.random() < 0.85
                        else None
                    )
                    if rng.random() < 0.6 and made < cascade_budget:
                        child_day = own_day + dt.timedelta(days=3 + rng.randrange(40))
                        child_plan = document(
                            types["KH"],
                            child,
                            child_day,
                            f"Kế hoạch thực hiện phong trào “{theme}” năm {year} tại đơn vị",
                            theme,
                            parent_id=plan,
                        )
                        made += 1
                        obligations.append(
                            (
                                next(obligation_ids),
                                plan,
                                child.pk,
                                True,
                                own_deadline,
                                child_ack or moment(child_day),
                                child_plan,
                                moment(child_day),
                            )
                        )
                    else:
                        obligations.append(
                            (next(obligation_ids), plan, child.pk, True, own_deadline, child_ack, None, None)
                        )
            else:
                obligations.append((obligation_pk, top, unit.pk, True, deadline, acknowledged, None, None))
        if len(docs) > 5000:
            flush()
    issuers = [province, *middle, *grassroots]
    weights = [40] + [10] * len(middle) + [1] * len(grassroots)
    # Accumulated once: `choices(issuers, weights)` accumulates them on every call, a pass over
    # every unit per document (~60,000 documents × 50,000 units at the scale point); the draws
    # and so the rows are the same.
    cum_weights = list(itertools.accumulate(weights))
    while made < total:
        year = 2015 + rng.randrange(11)
        issued = dt.date(year, 1 + rng.randrange(12), 1 + rng.randrange(28))
        code, pattern = OTHER_SUMMARIES[rng.randrange(len(OTHER_SUMMARIES))]
        theme = THEMES[rng.randrange(len(THEMES))]
        issuer = rng.choices(issuers, cum_weights=cum_weights)[0]
        symbol(issuer)
        pk = document(types[code], issuer, issued, pattern.format(t=theme, y=year), theme)
        made += 1
        for child in rng.sample(children.get(issuer.pk, []), min(3, len(children.get(issuer.pk, [])))):
            recipients.append((next(recipient_ids), pk, child.pk))
        if len(docs) > 5000:
            flush()
    flush()
    sequence_table = Table(NumberSequence, ["id", "issuer_unit_id", "doc_type_id", "year", "last_number"])
    sequence_ids = itertools.count(next_id(NumberSequence))
    existing = set(NumberSequence.objects.values_list("issuer_unit_id", "doc_type_id", "year"))
    for key in existing & numbers.keys():
        NumberSequence.objects.filter(issuer_unit_id=key[0], doc_type_id=key[1], year=key[2]).update(
            last_number=numbers[key]
        )
    sequence_table.write(
        (next(sequence_ids), *key, last) for key, last in numbers.items() if key not in existing
    )
    log(
        f"    documents: +{doc_table.count}, obligations: +{obligation_table.count}, recipients: +{recipient_table.count}"
    )
    return doc_table.count
