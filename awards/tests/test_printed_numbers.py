"""What an award decision prints reads the Vietnamese way whatever the interface language (issue 17):
prize money as "1.150.000" (thousands dot), dates as dd/mm/yyyy or "ngày 20 tháng 12 năm 2015",
and the award history workbook keeps money and dates as numbers and dates Excel shows that way."""

import datetime as dt
import io
import re
import subprocess

import pytest
from django.utils import translation
from openpyxl import load_workbook

from awards import printing, services
from awards.exports import history_workbook
from awards.models import AwardRecord
from core.text import decimal_vi
from documents.reader.docx_text import docx_text

DECIDED_ON = dt.date(2015, 12, 5)


def pdf_text(content: bytes) -> str:
    result = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=content, capture_output=True, check=True
    )
    return result.stdout.decode("utf-8")


@pytest.fixture
def decision(approved, tree, province_officer):
    return services.issue_decision(
        actor=province_officer, deciding_unit=tree.province, nominations=approved, decided_on=DECIDED_ON
    )


def _amounts(decision) -> list[str]:
    amounts = [r.amount for r in decision.records.all()]
    assert all(a and a >= 1000 for a in amounts), "the test needs amounts with a thousands separator"
    return [decimal_vi(a) for a in [*amounts, decision.total_amount]]


@pytest.mark.parametrize("render", [printing.decision_docx, printing.decision_pdf])
def test_the_decision_prints_money_with_a_thousands_dot_and_dates_day_first_in_english_too(decision, render):
    with translation.override("en"):
        content = render(decision)
    text = docx_text(content) if render is printing.decision_docx else pdf_text(content)
    for amount in _amounts(decision):
        assert re.search(rf"(?<![\d.,]){re.escape(amount)}(?![\d,])", text), amount
    assert "ngày 05 tháng 12 năm 2015" in text
    assert f"{decision.number_symbol} ngày 05/12/2015" in text
    assert not re.search(r"\d{4,}", text.replace("2015", "")), (
        "a number of four digits or more printed ungrouped"
    )


def test_certificates_print_the_official_date_and_the_decision_day_first(decision):
    with translation.override("en"):
        text = pdf_text(printing.certificates_pdf(decision))
    assert "ngày 05 tháng 12 năm 2015" in text
    assert "ngày 05/12/2015" in text
    assert "12/05/2015" not in text and "2015-12-05" not in text


def test_the_award_history_workbook_keeps_money_and_dates_as_numbers_excel_shows_the_vietnamese_way(decision):
    records = AwardRecord.objects.filter(decision=decision).select_related("form", "member__unit", "unit")
    sheet = load_workbook(io.BytesIO(history_workbook(records))).active
    header = [c.value for c in sheet[1]]
    money, when = header.index("Tiền thưởng (đồng)"), header.index("Ngày quyết định")
    rows = list(sheet.iter_rows(min_row=2))
    assert rows
    for row in rows:
        assert isinstance(row[money].value, int) and row[money].value >= 1000
        assert row[money].number_format == "#,##0"
        assert row[when].value.date() == DECIDED_ON
        assert row[when].number_format == "dd/mm/yyyy"
