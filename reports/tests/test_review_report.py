"""The federation's review report (báo cáo sơ kết, tổng kết) generated from the data: the
figures on screen, the Excel workbook (one sheet per table), the DOCX and PDF in the ND30
layout; bad input answered with clear Vietnamese messages."""

import datetime as dt
import io
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook

from reports.models import ReportJob
from reports.review import official_report, review_docx, review_figures, review_pdf, review_xlsx

YEAR_2015 = {"date_from": "2015-01-01", "date_to": "2015-12-31", "kind": "final"}
ARTIFACTS = Path("test-artifacts/reports")


def _docx_text(content: bytes) -> str:
    document = docx.Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def test_the_figures_have_the_tables_offices_are_asked_for(world):
    figures = review_figures(world.province, dt.date(2015, 1, 1), dt.date(2015, 12, 31))
    keys = [t.key for t in figures.tables]
    assert keys == ["cascade", "reach", "registration", "awards", "awardees", "grades", "publishing"]
    awards = figures.table("awards")
    assert awards.totals[4].value == sum(r[4].value for r in awards.rows)
    assert len(figures.table("awardees").rows) == awards.totals[4].value
    assert figures.facts["collectives"] + figures.facts["individuals"] == awards.totals[4].value
    grades = figures.table("grades")
    assert {row[0].value for row in grades.rows} >= {"Yearly grading of grassroots unions"} or grades.rows


def test_the_docx_is_a_report_in_the_official_layout(world):
    figures = review_figures(world.province, dt.date(2015, 1, 1), dt.date(2015, 12, 31))
    text = _docx_text(review_docx(figures))
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "LIÊN ĐOÀN LAO ĐỘNG TỈNH CAO BẰNG" in text
    assert "BÁO CÁO" in text
    assert "Tổng kết công tác thi đua, khen thưởng năm 2015" in text
    assert "I. KẾT QUẢ THỰC HIỆN" in text and "II. ĐÁNH GIÁ CHUNG" in text
    assert "Nơi nhận" in text
    assert "PHỤ LỤC I" in text
    awards = figures.table("awards")
    assert f"Trong kỳ, đã khen thưởng {awards.totals[4].value} lượt tập thể, cá nhân" in text


def test_an_interim_report_of_part_of_a_year_says_so(world):
    figures = review_figures(world.province, dt.date(2015, 1, 1), dt.date(2015, 6, 30), kind="interim")
    document = official_report(figures)
    assert document.summary == "Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2015"
    figures = review_figures(world.province, dt.date(2015, 3, 1), dt.date(2015, 9, 30), kind="interim")
    assert official_report(figures).summary == (
        "Sơ kết công tác thi đua, khen thưởng từ ngày 01/03/2015 đến ngày 30/09/2015"
    )


def test_an_empty_period_gives_an_empty_report_that_says_so(world):
    figures = review_figures(world.province, dt.date(2030, 1, 1), dt.date(2030, 12, 31))
    assert figures.is_empty
    text = _docx_text(review_docx(figures))
    assert "chưa ghi nhận số liệu thi đua, khen thưởng nào" in text
    assert "PHỤ LỤC" not in text
    book = load_workbook(io.BytesIO(review_xlsx(figures)))
    assert book.sheetnames == ["No data"] or len(book.sheetnames) == 1


def test_the_workbook_has_one_sheet_per_table_with_the_same_numbers(world, english):
    figures = review_figures(world.province, dt.date(2015, 1, 1), dt.date(2015, 12, 31))
    book = load_workbook(io.BytesIO(review_xlsx(figures)))
    assert len(book.sheetnames) == len(figures.tables)
    awards = figures.table("awards")
    sheet = book[book.sheetnames[[t.key for t in figures.tables].index("awards")]]
    values = [row for row in sheet.iter_rows(values_only=True) if row and row[0] == "Total"]
    assert values and values[0][2:5] == tuple(c.value for c in awards.totals[2:5])


@pytest.mark.skipif(
    not shutil.which("pdftoppm") or not shutil.which("pdftotext"), reason="poppler-utils missing"
)
def test_the_pdf_reads_like_the_reports_offices_send(world):
    figures = review_figures(world.province, dt.date(2015, 1, 1), dt.date(2015, 12, 31))
    pdf = review_pdf(figures)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    target = ARTIFACTS / "bao-cao-tong-ket-2015.pdf"
    target.write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", "-layout", str(target), "-"], capture_output=True, check=True
    ).stdout.decode()
    assert "BÁO CÁO" in text and "Tổng kết công tác thi đua, khen thưởng năm 2015" in text
    assert "TM. BAN THƯỜNG VỤ" in text
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", str(target), str(ARTIFACTS / "bao-cao-tong-ket-2015")], check=True
    )
    assert list(ARTIFACTS.glob("bao-cao-tong-ket-2015*.png"))


# The pages ---------------------------------------------------------------------------------


def test_the_report_page_shows_the_figures_of_the_period(world, federation_officer, client_as):
    page = client_as(federation_officer).get(
        "/bao-cao/so-ket-tong-ket/", {"unit": world.province.pk, **YEAR_2015}
    )
    assert page.status_code == 200
    body = page.content.decode()
    assert 'name="format" value="docx"' in body
    assert world.middles[0].name in body


def test_a_period_that_ends_before_it_starts_is_refused_in_vietnamese(world, federation_officer, client_as):
    page = client_as(federation_officer).get(
        "/bao-cao/so-ket-tong-ket/",
        {"unit": world.province.pk, "kind": "final", "date_from": "2015-12-31", "date_to": "2015-01-01"},
    )
    assert page.status_code == 200
    assert "Kỳ báo cáo kết thúc trước khi bắt đầu" in page.content.decode()
    response = client_as(federation_officer).post(
        "/bao-cao/so-ket-tong-ket/tao/",
        {
            "unit": world.province.pk,
            "kind": "final",
            "date_from": "2015-12-31",
            "date_to": "2015-01-01",
            "format": "docx",
        },
    )
    assert response.status_code == 400
    assert not ReportJob.objects.exists()


def test_a_subtree_the_user_may_not_see_is_refused_in_vietnamese(tree, officer_a, client_as):
    client = client_as(officer_a)
    page = client.get("/bao-cao/so-ket-tong-ket/", {"unit": tree.district_b.pk, **YEAR_2015})
    assert page.status_code == 403
    assert "Bạn không được xem báo cáo của đơn vị này" in page.content.decode()
    response = client.post(
        "/bao-cao/so-ket-tong-ket/tao/", {"unit": tree.district_b.pk, **YEAR_2015, "format": "pdf"}
    )
    assert response.status_code == 403
    assert not ReportJob.objects.exists()


@pytest.mark.parametrize("output,magic", [("docx", b"PK"), ("xlsx", b"PK"), ("pdf", b"%PDF")])
def test_asking_for_the_report_generates_it_in_the_background_and_downloads_it(
    world, federation_officer, client_as, output, magic
):
    client = client_as(federation_officer)
    response = client.post(
        "/bao-cao/so-ket-tong-ket/tao/", {"unit": world.province.pk, **YEAR_2015, "format": output}
    )
    job = ReportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/bao-cao/so-ket-tong-ket/{job.pk}/"
    assert job.status == ReportJob.Status.READY  # tests run tasks inline
    download = client.get(f"/bao-cao/so-ket-tong-ket/{job.pk}/tai-ve/")
    assert b"".join(download.streaming_content).startswith(magic)
    assert (
        f"bao-cao-tong-ket-{world.province.code.lower()}-20150101-20151231.{output}"
        in download["Content-Disposition"]
    )


def test_another_user_cannot_download_someone_elses_report(world, federation_officer, client_as):
    from accounts.models import Role
    from accounts.testing import user_with_role

    client_as(federation_officer).post(
        "/bao-cao/so-ket-tong-ket/tao/", {"unit": world.province.pk, **YEAR_2015, "format": "xlsx"}
    )
    job = ReportJob.objects.get()
    other = user_with_role(Role.ADMIN, world.province, username="other")
    assert client_as(other).get(f"/bao-cao/so-ket-tong-ket/{job.pk}/tai-ve/").status_code == 404


def _inflated(world):
    """The 2015 figures with counts a large federation reaches, so that every number printed has
    a thousands separator to get right."""
    figures = review_figures(world.province, dt.date(2015, 1, 1), dt.date(2015, 12, 31))
    awards = figures.table("awards")
    family, _n = figures.facts["awards_by_family"][0]
    figures.facts["awards"] = {**figures.facts["awards"], "total": 12345}
    figures.facts["awards_by_family"] = [(family, 12345)]
    figures.facts["collectives"], figures.facts["individuals"] = 2345, 10000
    awards.totals[4].value = 12345
    return figures, family


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_the_report_prints_every_count_with_a_thousands_dot(world, kind):
    figures, family = _inflated(world)
    if kind == "docx":
        text = _docx_text(review_docx(figures))
    else:
        pdf = review_pdf(figures)
        text = subprocess.run(
            ["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True
        ).stdout.decode()
        text = " ".join(text.split())
    assert "đã khen thưởng 12.345 lượt tập thể, cá nhân" in " ".join(text.split())
    assert f"(12.345 {family})" in " ".join(text.split())
    assert "2.345 tập thể và 10.000 cá nhân" in " ".join(text.split())
    assert "12345" not in text and "10000" not in text
