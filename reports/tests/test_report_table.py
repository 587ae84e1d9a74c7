"""A figure table as HTML (`{% report_table %}`, written in Python for the dashboard's thousands of
cells): words, links and notes are escaped; numbers are written as Vietnamese readers write them and
marked as numbers; a cell's colour joins its column's class."""

from reports.figures import DECIMAL, INT, PERCENT, TEXT, Cell, Column, Table
from reports.templatetags.reports import report_table


def _table(*rows: list[Cell], totals: list[Cell] | None = None) -> str:
    columns = [
        Column("Đơn vị <b>", TEXT),
        Column("Đoàn viên", INT),
        Column("Tỷ lệ", PERCENT),
        Column("Điểm", DECIMAL),
    ]
    return str(report_table(Table("t", "Bảng & số", columns, rows=list(rows), totals=totals)))


def test_words_links_and_notes_are_escaped_and_numbers_written_as_read():
    html = _table(
        [
            Cell("A & <B>", link="/bao-cao/?unit=1&year=2026", note="đã kết thúc <01/07>"),
            Cell(12345, link="/bao-cao/ho-so/members/?unit=1&gender=female"),
            Cell(0.853),
            Cell(7.5),
        ]
    )
    assert (
        '<tr><td><a href="/bao-cao/?unit=1&amp;year=2026">A &amp; &lt;B&gt;</a>'
        ' <span class="badge badge-grey">đã kết thúc &lt;01/07&gt;</span></td>'
        '<td class="num"><a href="/bao-cao/ho-so/members/?unit=1&amp;gender=female">12.345</a></td>'
        '<td class="num">85,3%</td><td class="num">7,50</td></tr>'
    ) in html
    assert '<th scope="col">Đơn vị &lt;b&gt;</th><th scope="col" class="num">Đoàn viên</th>' in html
    assert '<caption class="visually-hidden">Bảng &amp; số</caption>' in html


def test_a_cell_colour_joins_its_column_class_and_a_missing_number_is_a_dash():
    html = _table([Cell("Hòa An", css="bad"), Cell(None, css="good"), Cell(""), Cell(None)])
    assert '<td class="cell-bad">Hòa An</td><td class="num cell-good">—</td><td class="num">—</td>' in html


def test_the_totals_row_leads_with_its_label_not_marked_as_a_number():
    html = _table(
        [Cell("Hòa An"), Cell(1), Cell(1.0), Cell(1)], totals=[Cell("Cộng"), Cell(3), Cell(None), Cell(2)]
    )
    assert (
        '<tfoot><tr><td>Cộng</td><td class="num">3</td><td class="num">—</td><td class="num">2,00</td></tr></tfoot>'
        in html
    )
