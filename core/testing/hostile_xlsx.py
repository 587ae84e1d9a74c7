"""Workbooks an attacker would upload to an Excel import (issue 13, finding 6), built from a
normal workbook by editing its XML: a declared dimension of A1:XFD1048576, a lone cell at the
sheet's far corner, and zip bombs (a part that unpacks to hundreds of MB from a few hundred KB);
`padded` makes a bomb of any Office file (a .docx for the documents reader)."""

from __future__ import annotations

import io
import re
import zipfile

from openpyxl import Workbook

SHEET = "xl/worksheets/sheet1.xml"
STRINGS = "xl/sharedStrings.xml"


def plain(rows) -> bytes:
    """A normal workbook (shared strings, as Excel writes them)."""
    book = Workbook()
    sheet = book.worksheets[0]
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _rewrite(content: bytes, edit) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(content))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for part in source.infolist():
            data = source.read(part.filename)
            if not edit(target, part.filename, data):
                target.writestr(part.filename, data)
    return buffer.getvalue()


def _edit_sheet(content: bytes, change) -> bytes:
    def edit(target, name, data):
        if name != SHEET:
            return False
        target.writestr(name, change(data.decode()).encode())
        return True

    return _rewrite(content, edit)


def declared_everything(rows) -> bytes:
    """The sheet says it spans A1:XFD1048576 (the whole grid); its cells are those of `rows`."""
    return _edit_sheet(
        plain(rows),
        lambda xml: re.sub(r'<dimension ref="[^"]*"\s*/>', '<dimension ref="A1:XFD1048576"/>', xml),
    )


def far_corner(rows, *, row: int = 1048576, column: str = "XFD") -> bytes:
    """`rows`, the whole-grid dimension, and one more cell at the grid's last row and column."""
    cell = f'<row r="{row}"><c r="{column}{row}" t="inlineStr"><is><t>x</t></is></c></row>'
    return _edit_sheet(
        declared_everything(rows), lambda xml: xml.replace("</sheetData>", cell + "</sheetData>")
    )


def _write_padded(target, name: str, head: bytes, tail: bytes, *, fill: bytes, megabytes: int) -> None:
    """Write part `name` as `head`, `megabytes` MB of `fill`, `tail`, deflated: it packs small."""
    chunk = fill * (1024 * 1024)
    info = zipfile.ZipInfo(name)
    info.compress_type = zipfile.ZIP_DEFLATED
    with target.open(info, "w", force_zip64=True) as out:
        out.write(head)
        for _n in range(megabytes):
            out.write(chunk)
        out.write(tail)


def bomb(rows, *, part: str = STRINGS, megabytes: int = 300) -> bytes:
    """`rows`, with a shared-strings part holding one string of `megabytes` MB of "A"s (declared
    in the workbook, so openpyxl loads it on opening), or with that many MB of blank space in the
    sheet. Either packs to a few hundred KB."""
    fill = b"A" if part == STRINGS else b" "

    def write(target, name, head, tail):
        _write_padded(target, name, head, tail, fill=fill, megabytes=megabytes)

    def edit(target, name, data):
        if part == STRINGS and name == "[Content_Types].xml":
            target.writestr(
                name,
                data.replace(
                    b"</Types>",
                    (
                        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
                        b'officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
                    ),
                ),
            )
            return True
        if part == STRINGS and name == "xl/_rels/workbook.xml.rels":
            target.writestr(
                name,
                data.replace(
                    b"</Relationships>",
                    (
                        b'<Relationship Id="rIdBomb" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                        b'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
                    ),
                ),
            )
            write(
                target,
                STRINGS,
                b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                b'count="1" uniqueCount="1"><si><t>',
                b"</t></si></sst>",
            )
            return True
        if part == SHEET and name == SHEET:
            head, _sep, tail = data.partition(b"</sheetData>")
            write(target, name, head, b"</sheetData>" + tail)
            return True
        return False

    return _rewrite(plain(rows), edit)


def padded(content: bytes, part: str, *, megabytes: int = 300, before: bytes = b"</w:body>") -> bytes:
    """Any Office file with `megabytes` MB of blank space inserted in `part` before `before`."""

    def edit(target, name, data):
        if name != part:
            return False
        head, sep, tail = data.partition(before)
        _write_padded(target, name, head, sep + tail, fill=b" ", megabytes=megabytes)
        return True

    return _rewrite(content, edit)
