"""Fixtures of the registry's tests: the seeded document types, a plan of the province sent
to both districts, and the same plan issued."""

import datetime as dt
import importlib
from dataclasses import dataclass

import pytest
from django.apps import apps

from accounts.models import Role
from accounts.testing import user_with_role
from documents import services
from documents.models import DocumentType
from organisations import services as unit_services
from organisations.testing import UnitTypeFactory

ISSUED_ON = dt.date(2015, 6, 15)
DEADLINE = dt.date(2015, 7, 15)


def seed_types() -> dict[str, DocumentType]:
    """The types seeded by migration 0003, by abbreviation; seeded again after a transactional
    test has emptied the tables."""
    if not DocumentType.objects.exists():
        importlib.import_module("documents.migrations.0003_seed_document_types").seed(apps, None)
    return {t.code: t for t in DocumentType.objects.all()}


@pytest.fixture
def types(db) -> dict[str, DocumentType]:
    return seed_types()


@pytest.fixture
def symbols(tree):
    for unit in (tree.province, tree.district_a, tree.district_b):
        unit.doc_symbol = "LĐLĐ"
        unit.save()
    tree.sector.doc_symbol = "CĐGD"
    tree.sector.save()
    return tree


@pytest.fixture
def plan(symbols, admin_user, types):
    """A draft plan of the province asking both districts for their plans by 15/7/2015."""
    tree = symbols
    document = services.create_draft(
        actor=admin_user,
        issuer=tree.province,
        doc_type=types["KH"],
        place="Cao Bằng",
        summary="Phát động đợt thi đua đặc biệt chào mừng Đại hội Đảng các cấp",
        requires_plan=True,
        plan_deadline=DEADLINE,
        theme="Đoàn kết - sáng tạo - vượt khó",
        body="Ban Thường vụ LĐLĐ tỉnh đề nghị các cấp Công đoàn xây dựng kế hoạch:\n"
        "1. Tổ chức quán triệt, tuyên truyền Chỉ thị 35/CT-TTg.\n"
        "2. Phát hiện, bồi dưỡng và nhân rộng điển hình tiên tiến.",
        signer_authority="TM. BAN THƯỜNG VỤ",
        signer_position="PHÓ CHỦ TỊCH",
        signer_name="Lương Văn Thắng",
        recipients_text="LĐLĐ các huyện, thành phố\nBan Dân vận Tỉnh ủy\nLưu: VT",
    )
    services.set_recipients(actor=admin_user, document=document, units=[tree.district_a, tree.district_b])
    return document


@pytest.fixture
def issued_plan(plan, admin_user):
    return services.issue_document(actor=admin_user, document=plan, issued_on=ISSUED_ON)


@dataclass
class CaoBang:
    """A province shaped like Cao Bằng in 2015, with the real unit type codes the recipient
    groups know (ldld-huyen, cd-nganh-tinh, cd-vien-chuc, cd-nganh-tw)."""

    national: object
    province: object
    districts: list
    sectors: list
    civil_servants: object
    direct: list
    central: list
    grassroots_hoa_an: object
    admin: object
    officer_hoa_an: object


@pytest.fixture
def cao_bang(db) -> CaoBang:
    def kind(code, level, grassroots=False):
        return UnitTypeFactory(
            code=code,
            name=f"Loại {code}",
            level=level,
            is_grassroots=grassroots,
            may_have_members=grassroots,
            may_have_children=not grassroots,
        )

    kinds = {
        "tld": kind("tld", 1),
        "tinh": kind("ldld-tinh", 2),
        "huyen": kind("ldld-huyen", 3),
        "nganh": kind("cd-nganh-tinh", 3),
        "vc": kind("cd-vien-chuc", 3),
        "tw": kind("cd-nganh-tw", 3),
        "cs": kind("cdcs", 4, grassroots=True),
    }

    def make(k, parent, name, code, **fields):
        return unit_services.create_unit(unit_type=kinds[k], parent=parent, name=name, code=code, **fields)

    national = make(
        "tld", None, "Tổng Liên đoàn Lao động Việt Nam", "TLD", short_name="TLĐ", doc_symbol="TLĐ"
    )
    province = make(
        "tinh",
        national,
        "Liên đoàn Lao động tỉnh Cao Bằng",
        "LDLD-CB",
        short_name="LĐLĐ tỉnh",
        doc_symbol="LĐLĐ",
    )
    districts = [
        make(
            "huyen",
            province,
            f"Liên đoàn Lao động huyện {n}",
            f"LDLD-{i}",
            short_name=f"LĐLĐ {n}",
            doc_symbol="LĐLĐ",
        )
        for i, n in enumerate(["Hòa An", "Bảo Lạc", "Trùng Khánh"])
    ]
    sectors = [
        make(
            "nganh",
            province,
            "Công đoàn Giáo dục tỉnh Cao Bằng",
            "CDGD",
            short_name="CĐ Giáo dục",
            doc_symbol="CĐGD",
        ),
        make(
            "nganh",
            province,
            "Công đoàn ngành Y tế tỉnh Cao Bằng",
            "CDYT",
            short_name="CĐ Y tế",
            doc_symbol="CĐYT",
        ),
    ]
    civil = make(
        "vc",
        province,
        "Công đoàn Viên chức tỉnh Cao Bằng",
        "CDVC",
        short_name="CĐ Viên chức tỉnh",
        doc_symbol="CĐVC",
    )
    direct = [make("cs", province, "CĐCS Báo Cao Bằng", "CS-BAO")]
    central = [make("tw", province, "Công đoàn Điện lực Cao Bằng", "TW-01")]
    grassroots = make("cs", districts[0], "CĐCS Trường Tiểu học Nước Hai", "CS-NH")
    return CaoBang(
        national=national,
        province=province,
        districts=districts,
        sectors=sectors,
        civil_servants=civil,
        direct=direct,
        central=central,
        grassroots_hoa_an=grassroots,
        admin=user_with_role(Role.ADMIN, province, username="admin.cb"),
        officer_hoa_an=user_with_role(Role.OFFICER, districts[0], username="canbo.hoaan.cb"),
    )
