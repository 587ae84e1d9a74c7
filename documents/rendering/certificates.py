"""Certificates (Bằng khen, Giấy khen): one landscape A4 page per awardee.

A federation may upload its own HTML for the page. Such a template is data from a user,
so it may only contain the Certificate placeholders (`{{ recipient_name }}` …): no tags,
no filters, no attribute look-ups. It is checked by `validate_certificate_template`
before Django compiles it, it is rendered with autoescaping on, and WeasyPrint loads no
external resource while printing it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass, fields
from typing import cast

from django.template import Context, Engine
from django.template.backends.django import Template as DjangoTemplate
from django.template.loader import get_template

from .pdf import html_to_pdf

__all__ = ["Certificate", "render_certificates_pdf", "validate_certificate_template"]

DEFAULT_TEMPLATE = "documents/official/certificate.html"


@dataclass(frozen=True)
class Certificate:
    """What one certificate prints. `signer_position` may hold two lines
    ("TM. BAN CHẤP HÀNH\\nCHỦ TỊCH")."""

    title: str
    authority: str
    verb: str
    recipient_name: str
    recipient_detail: str
    achievement: str
    decision_ref: str
    place_date: str
    signer_position: str
    signer_name: str
    serial: str

    def __post_init__(self) -> None:
        for f in fields(self):
            object.__setattr__(self, f.name, unicodedata.normalize("NFC", getattr(self, f.name)))


PLACEHOLDERS = tuple(f.name for f in fields(Certificate))

_VARIABLE = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)
_TAG = re.compile(r"\{%(.*?)%\}", re.DOTALL)
_COMMENT = re.compile(r"\{#(.*?)#\}", re.DOTALL)
_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.DOTALL | re.IGNORECASE)

# A private engine without loaders: even a tag that slipped through could load no file.
_ENGINE = Engine(autoescape=True)

# What every certificate page needs whatever the template: landscape A4, one page each.
_PAGE_CSS = """
@page { size: A4 landscape; margin: 0; }
html, body { margin: 0; padding: 0; }
.certificate-page {
  page: certificate; break-before: page; break-inside: avoid;
  position: relative; box-sizing: border-box; width: 297mm; height: 210mm; overflow: hidden;
}
"""


def validate_certificate_template(html: str) -> None:
    """Refuse an uploaded certificate template unless its only template syntax is the
    Certificate placeholders. The ValueError's message (Vietnamese, shown to the user)
    names every offending piece."""
    problems: list[str] = []
    unknown = []
    for match in _VARIABLE.finditer(html):
        name = match.group(1).strip()
        if name not in PLACEHOLDERS:
            unknown.append(f"{{{{ {name} }}}}")
    if unknown:
        problems.append("trường không được hỗ trợ: " + ", ".join(dict.fromkeys(unknown)))
    tags = [f"{{% {m.group(1).strip()} %}}" for m in _TAG.finditer(html)]
    tags += [f"{{# {m.group(1).strip()} #}}" for m in _COMMENT.finditer(html)]
    if tags:
        problems.append("không được dùng thẻ lệnh hay chú thích mẫu: " + ", ".join(dict.fromkeys(tags)))
    rest = _COMMENT.sub("", _TAG.sub("", _VARIABLE.sub("", html)))
    if any(mark in rest for mark in ("{{", "}}", "{%", "%}", "{#", "#}")):
        problems.append("có dấu ngoặc mẫu “{{”, “{%” hoặc “{#” chưa được đóng")
    if not any(match.group(1).strip() == "recipient_name" for match in _VARIABLE.finditer(html)):
        problems.append("thiếu trường bắt buộc {{ recipient_name }}")
    if problems:
        allowed = ", ".join(f"{{{{ {name} }}}}" for name in PLACEHOLDERS)
        raise ValueError(
            "Mẫu bằng khen/giấy khen không hợp lệ: "
            + "; ".join(problems)
            + f". Chỉ được dùng các trường: {allowed}."
        )


def render_certificates_pdf(certs: list[Certificate], template_html: str | None = None) -> bytes:
    """All certificates in one PDF, one landscape A4 page each, in one WeasyPrint pass.
    `template_html` is a federation's own page template (validated here); None uses the
    default one."""
    return html_to_pdf(certificates_html(certs, template_html))


def certificates_html(certs: list[Certificate], template_html: str | None = None) -> str:
    if template_html is None:
        source = cast(DjangoTemplate, get_template(DEFAULT_TEMPLATE)).template.source
    else:
        validate_certificate_template(template_html)
        source = template_html
    # The template's own <style> goes once into <head>, not once per page.
    styles = "\n".join(_STYLE.findall(source))
    page = _ENGINE.from_string(_STYLE.sub("", source))
    pages = "".join(
        f'<section class="certificate-page">{page.render(Context(asdict(cert), autoescape=True))}</section>'
        for cert in certs
    )
    return (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Bằng khen, giấy khen</title>'
        f"<style>{_PAGE_CSS}</style><style>{styles}</style></head><body>{pages}</body></html>"
    )
