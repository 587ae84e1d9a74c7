"""Recipients lines that name groups of our units, as the seed plan writes them."""

import datetime as dt

import pytest

from documents.recipient_groups import clean_line, groups_in, match_lines, units_for_lines
from organisations import services as unit_services
from organisations.testing import UnitTypeFactory

SEED_LINES = [
    "Ban CSKT-XH và TĐKT TLĐ",
    "Ban Dân vận Tỉnh ủy",
    "Thường trực LĐLĐ tỉnh",
    "Ban Thi đua - Khen thưởng tỉnh",
    "LĐLĐ các huyện, thành phố",
    "CĐ ngành, CĐVC tỉnh",
    "CĐCS trực thuộc",
    "CĐ ngành TW tại địa phương",
    "Lưu: CS-PL, VT",
]


@pytest.fixture
def province_2015(db):
    """A province shaped like Cao Bằng in 2015, with the real unit type codes."""

    def unit_type(code, level, grassroots=False):
        return UnitTypeFactory(
            code=code,
            name=code,
            level=level,
            is_grassroots=grassroots,
            may_have_members=grassroots,
            may_have_children=not grassroots,
        )

    def make(code, parent, name, kind, **fields):
        return unit_services.create_unit(unit_type=kinds[kind], parent=parent, name=name, code=code, **fields)

    kinds = {
        "tinh": unit_type("ldld-tinh", 2),
        "huyen": unit_type("ldld-huyen", 3),
        "nganh": unit_type("cd-nganh-tinh", 3),
        "vc": unit_type("cd-vien-chuc", 3),
        "tw": unit_type("cd-nganh-tw", 3),
        "cs": unit_type("cdcs", 4, grassroots=True),
    }
    province = make("P", None, "Liên đoàn Lao động tỉnh Cao Bằng", "tinh")
    units = {
        "hoa_an": make("H1", province, "Liên đoàn Lao động huyện Hòa An", "huyen", short_name="LĐLĐ Hòa An"),
        "bao_lac": make("H2", province, "Liên đoàn Lao động huyện Bảo Lạc", "huyen"),
        "old": make("H3", province, "Liên đoàn Lao động huyện Cũ", "huyen", valid_to=dt.date(2010, 1, 1)),
        "giao_duc": make("N1", province, "Công đoàn Giáo dục tỉnh", "nganh"),
        "vien_chuc": make("VC", province, "Công đoàn Viên chức tỉnh", "vc"),
        "dien_luc": make("TW1", province, "Công đoàn Điện lực Cao Bằng", "tw"),
        "bao": make("CS1", province, "CĐCS Báo Cao Bằng", "cs"),
    }
    units["deep"] = make("CS2", units["hoa_an"], "CĐCS xã Dân Chủ", "cs")
    return province, units


def test_the_seed_plans_lines_name_these_groups():
    assert [g.key for g in groups_in("- LĐLĐ các huyện, thành phố;")] == ["districts"]
    assert [g.key for g in groups_in("CĐ ngành, CĐVC tỉnh")] == ["sectors", "civil_servants"]
    assert [g.key for g in groups_in("CĐCS trực thuộc")] == ["direct_grassroots"]
    assert [g.key for g in groups_in("CĐ ngành TW tại địa phương")] == ["central_sector"]
    for line in ("Thường trực LĐLĐ tỉnh", "Ban Dân vận Tỉnh ủy", "Lưu: CS-PL, VT", "Ban CSKT-XH và TĐKT TLĐ"):
        assert groups_in(line) == [], line


def test_lines_are_cleaned_of_their_dash_and_semicolon():
    assert clean_line("- CĐCS trực thuộc;  ") == "CĐCS trực thuộc"
    assert clean_line("+ Lưu: VT.") == "Lưu: VT"


def test_each_group_selects_the_units_of_its_type_under_the_issuer_existing_on_the_date(province_2015):
    province, u = province_2015
    on = dt.date(2015, 6, 15)
    by_line = {m.line: set(m.units) for m in match_lines(SEED_LINES, province, on=on)}
    assert by_line["LĐLĐ các huyện, thành phố"] == {u["hoa_an"], u["bao_lac"]}  # not the one ended in 2010
    assert by_line["CĐ ngành, CĐVC tỉnh"] == {u["giao_duc"], u["vien_chuc"]}
    assert by_line["CĐCS trực thuộc"] == {u["bao"]}  # not the grassroots union under Hòa An
    assert by_line["CĐ ngành TW tại địa phương"] == {u["dien_luc"]}
    assert by_line["Ban Dân vận Tỉnh ủy"] == set() and by_line["Lưu: CS-PL, VT"] == set()


def test_a_line_naming_one_unit_matches_it(province_2015):
    province, u = province_2015
    assert units_for_lines(["LĐLĐ Hòa An", "Công đoàn Giáo dục tỉnh"], province) == [
        u["hoa_an"],
        u["giao_duc"],
    ]


def test_units_are_listed_once_whatever_the_lines(province_2015):
    province, u = province_2015
    units = units_for_lines(["LĐLĐ các huyện, thành phố", "LĐLĐ Hòa An"], province, on=dt.date(2015, 1, 1))
    assert units.count(u["hoa_an"]) == 1


def test_without_an_issuer_of_ours_nothing_is_matched():
    assert [m.units for m in match_lines(["LĐLĐ các huyện, thành phố"], None)] == [[]]
