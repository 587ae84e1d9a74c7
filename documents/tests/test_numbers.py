"""Numbers and symbols of documents: "Số, ký hiệu của văn bản" (Nghị định 30/2020/NĐ-CP,
Điều 8 and Appendix III), as the state and unions write them, and as the Party does."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from documents.reader.numbers import (
    TYPE_CODES,
    NumberSymbol,
    find_number_symbols,
    format_number_symbol,
    parse_number_symbol,
)


@pytest.mark.parametrize(
    ("text", "number", "year", "symbol", "type_code", "issuer_code"),
    [
        ("01/KH-LĐLĐ", "01", None, "KH-LĐLĐ", "KH", "LĐLĐ"),
        ("34-CT/TW", "34", None, "CT/TW", "CT", "TW"),
        ("35/CT-TTg", "35", None, "CT-TTg", "CT", "TTg"),
        ("05/KH-TLĐ", "05", None, "KH-TLĐ", "KH", "TLĐ"),
        ("08/CT-UBND", "08", None, "CT-UBND", "CT", "UBND"),
        ("98/2023/NĐ-CP", "98", 2023, "NĐ-CP", "NĐ", "CP"),
        ("06/2022/QH15", "06", 2022, "QH15", None, "QH15"),
        ("123/QĐ-LĐLĐ", "123", None, "QĐ-LĐLĐ", "QĐ", "LĐLĐ"),
        ("456/TTr-SNV", "456", None, "TTr-SNV", "TTr", "SNV"),
        ("01/2024/TTLT-BTC-BNV", "01", 2024, "TTLT-BTC-BNV", "TTLT", "BTC-BNV"),
        ("215/LĐLĐ-CSPL", "215", None, "LĐLĐ-CSPL", None, "LĐLĐ"),
        ("05-CT/TU", "05", None, "CT/TU", "CT", "TU"),
    ],
)
def test_it_parses_number_symbols_as_written(text, number, year, symbol, type_code, issuer_code):
    parsed = parse_number_symbol(text)
    assert parsed == NumberSymbol(number, year, symbol, type_code, issuer_code)
    assert str(parsed) == text


def test_it_reads_nfd_input_and_legacy_eth_as_the_same_symbol():
    expected = parse_number_symbol("123/QĐ-LĐLĐ")
    assert parse_number_symbol(unicodedata.normalize("NFD", "123/QĐ-LĐLĐ")) == expected
    assert parse_number_symbol("123/Q\u00d0-L\u00d0L\u00d0") == expected  # TCVN3 converters' Ð


def test_it_forgives_what_people_type_around_a_number():
    assert str(parse_number_symbol("Số: 15 /KH - LĐLĐ")) == "15/KH-LĐLĐ"
    assert str(parse_number_symbol("12/KH\u2013LĐLĐ")) == "12/KH-LĐLĐ"  # en dash from Word
    assert str(parse_number_symbol(" 08/CT-UBND. ")) == "08/CT-UBND"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "abc",
        "12/KH",
        "08/ct-ubnd",
        "0/KH-LĐLĐ",
        "12/KH-",
        "/KH-LĐLĐ",
        "12//KH-LĐLĐ",
        "12/KH-LĐLĐ/",
        "25/5/2015",
        "KH-LĐLĐ",
        "12/KH-LĐLĐ abc",
        "1234567/KH-LĐLĐ",
        "12-KH",
    ],
)
def test_it_rejects_malformed_strings(text):
    assert parse_number_symbol(text) is None


def test_it_rejects_what_is_not_text():
    assert parse_number_symbol(None) is None
    assert parse_number_symbol(12) is None


def test_type_codes_follow_the_decree_appendix():
    assert TYPE_CODES["KH"] == "Kế hoạch"
    assert TYPE_CODES["CT"] == "Chỉ thị"
    assert TYPE_CODES["QĐ"] == "Quyết định"
    assert TYPE_CODES["HD"] == "Hướng dẫn"
    assert TYPE_CODES["TB"] == "Thông báo"
    assert TYPE_CODES["CV"] == "Công văn"
    assert TYPE_CODES["BC"] == "Báo cáo"
    assert TYPE_CODES["TTr"] == "Tờ trình"
    assert TYPE_CODES["NQ"] == "Nghị quyết"
    assert TYPE_CODES["NĐ"] == "Nghị định"
    assert TYPE_CODES["TT"] == "Thông tư"
    assert TYPE_CODES["L"] == "Luật"
    assert TYPE_CODES["QC"] == "Quy chế"
    assert parse_number_symbol("98/2023/NĐ-CP").type_name == "Nghị định"
    assert parse_number_symbol("12-TT/TW").type_name == "Thông tri"  # Party's TT


def test_format_number_symbol_pads_small_numbers_as_the_decree_requires():
    assert format_number_symbol(5, "KH", "LĐLĐ") == "05/KH-LĐLĐ"
    assert format_number_symbol("005", "KH", "LĐLĐ") == "005/KH-LĐLĐ"
    assert format_number_symbol(98, "NĐ", "CP", 2023) == "98/2023/NĐ-CP"
    assert format_number_symbol(34, "CT", "TW", party=True) == "34-CT/TW"
    assert format_number_symbol(215, None, "LĐLĐ-CSPL") == "215/LĐLĐ-CSPL"
    with pytest.raises(ValueError):
        format_number_symbol(1, "KH", "")


def test_it_finds_numbers_in_running_text_but_not_dates_or_ranges():
    text = "Chỉ thị 34-CT/TW ngày 07/4/2014 và số 35/CT-TTg, ngày 19/12/2014; KT- XH 2011-2015."
    found = [str(number) for number, _, _ in find_number_symbols(text)]
    assert found == ["34-CT/TW", "35/CT-TTg"]


_codes = st.sampled_from(sorted(TYPE_CODES))
_issuers = st.sampled_from(["LĐLĐ", "TW", "TTg", "CP", "UBND", "TLĐ", "BTC-BNV", "HĐND", "CĐN", "SNV"])
_numbers = st.integers(min_value=1, max_value=99999).map(str) | st.integers(1, 9).map(lambda n: f"0{n}")
_years = st.none() | st.integers(min_value=1945, max_value=2099)


@given(_numbers, _codes, _issuers, _years)
def test_state_style_numbers_round_trip(number, type_code, issuer_code, year):
    parsed = parse_number_symbol(format_number_symbol(number, type_code, issuer_code, year))
    assert (parsed.number, parsed.type_code, parsed.issuer_code, parsed.year) == (
        number,
        type_code,
        issuer_code,
        year,
    )
    assert parse_number_symbol(str(parsed)) == parsed


@given(_numbers, _codes, _issuers)
def test_party_style_numbers_round_trip(number, type_code, issuer_code):
    parsed = parse_number_symbol(format_number_symbol(number, type_code, issuer_code, party=True))
    assert (parsed.number, parsed.type_code, parsed.issuer_code) == (number, type_code, issuer_code)
    assert parse_number_symbol(str(parsed)) == parsed


@given(st.text())
def test_parsing_never_raises_on_arbitrary_text(text):
    parsed = parse_number_symbol(text)
    assert parsed is None or parse_number_symbol(str(parsed)) == parsed
    list(find_number_symbols(text))


@given(st.text(alphabet="0123456789/-–KHCTĐLQUBNDTWgr .:Số", max_size=30))
def test_parsing_never_raises_on_symbol_like_text(text):
    parsed = parse_number_symbol(text)
    assert parsed is None or parse_number_symbol(str(parsed)) == parsed


def test_it_reads_joint_numbers_with_the_type_before_the_issuers():
    parsed = parse_number_symbol("01/QCPH/UBND-UBMTTQ")
    assert (str(parsed), parsed.issuer_code, parsed.type_code) == ("01/QCPH/UBND-UBMTTQ", "UBND-UBMTTQ", None)
    joint = parse_number_symbol("19/2008/NQLT/CP-UBTUMTTQVN")
    assert (str(joint), joint.year, joint.type_name) == (
        "19/2008/NQLT/CP-UBTUMTTQVN",
        2008,
        "Nghị quyết liên tịch",
    )


def test_a_party_code_printed_with_u_horn_is_read_as_written_by_the_party():
    assert str(parse_number_symbol("445-KL/TƯ")) == "445-KL/TU"
