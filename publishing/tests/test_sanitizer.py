"""The article body sanitiser against a corpus of known XSS payloads, and what it keeps."""

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from publishing.sanitizer import sanitize_html, text_to_html, unsafe_content

PAYLOADS = [
    line for line in (Path(__file__).parent / "xss_payloads.txt").read_text().splitlines() if line.strip()
]
FORBIDDEN_TAGS = {
    "script",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "svg",
    "math",
    "style",
    "link",
    "meta",
    "base",
    "form",
    "input",
    "button",
    "body",
    "applet",
    "template",
    "noscript",
    "xmp",
    "video",
    "audio",
    "source",
    "details",
    "marquee",
    "bgsound",
}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "background", "data", "xlink:href", "poster"}


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    handle_startendtag = handle_starttag


def assert_safe(cleaned: str) -> None:
    lowered = cleaned.lower()
    assert "<script" not in lowered
    assert not re.search(r"<(iframe|object|embed|svg|math|style|frame)\b", lowered)
    parser = _Tags()
    parser.feed(cleaned)
    for tag, attrs in parser.tags:
        assert tag not in FORBIDDEN_TAGS, tag
        for name, value in attrs:
            assert not name.startswith("on"), name
            assert name != "style"
            if name in URL_ATTRIBUTES and value is not None:
                url = re.sub(r"[\x00-\x20]+", "", html.unescape(value)).lower()
                assert not url.startswith(("javascript:", "vbscript:", "data:")), url
                if tag == "img" and name == "src":
                    assert url.startswith("/media/publishing/") and ".." not in url, url


def test_the_corpus_has_at_least_40_payloads():
    assert len(PAYLOADS) >= 40


@pytest.mark.parametrize("payload", PAYLOADS)
def test_no_payload_survives_the_sanitiser(payload):
    assert_safe(sanitize_html(payload))


@pytest.mark.parametrize("payload", PAYLOADS)
def test_sanitising_twice_changes_nothing_more(payload):
    once = sanitize_html(payload)
    assert sanitize_html(once) == once


@pytest.mark.parametrize(
    "payload", [p for p in PAYLOADS if re.search(r"<\s*script|onerror|onload|javascript:|<iframe", p, re.I)]
)
def test_the_writer_is_told_about_scripts_handlers_frames_and_script_links(payload):
    assert unsafe_content(payload)


def test_basic_formatting_is_kept():
    body = (
        "<h3>Tiêu đề</h3><p><strong>Đậm</strong>, <em>nghiêng</em>, <u>gạch</u>.</p>"
        '<ul><li>một</li></ul><ol start="2"><li>hai</li></ol><blockquote>Trích dẫn</blockquote>'
        '<table><tr><th>Chỉ tiêu</th><td colspan="2">100%</td></tr></table>'
    )
    cleaned = sanitize_html(body)
    for fragment in (
        "<h3>Tiêu đề</h3>",
        "<strong>Đậm</strong>",
        "<em>nghiêng</em>",
        "<li>một</li>",
        '<ol start="2">',
        "<blockquote>Trích dẫn</blockquote>",
        '<td colspan="2">100%</td>',
    ):
        assert fragment in cleaned


def test_links_keep_http_https_and_mailto_only_and_never_open_the_opener():
    cleaned = sanitize_html(
        '<a href="https://ldld.caobang.gov.vn/">web</a> <a href="mailto:bantin@ldld.vn">thư</a> '
        '<a href="ftp://x.example/">ftp</a>'
    )
    assert 'href="https://ldld.caobang.gov.vn/"' in cleaned and 'href="mailto:bantin@ldld.vn"' in cleaned
    assert "ftp:" not in cleaned
    assert cleaned.count('rel="noopener noreferrer"') == 3


def test_images_only_from_our_own_media():
    cleaned = sanitize_html(
        '<img src="/media/publishing/articles/2026/10/a.jpg" alt="Mái ấm" width="800">'
        '<img src="https://evil.example/x.png"><img src="/media/documents/x.png">'
    )
    assert cleaned == '<img src="/media/publishing/articles/2026/10/a.jpg" alt="Mái ấm" width="800">'


def test_plain_text_becomes_paragraphs():
    assert (
        sanitize_html(text_to_html("Dòng một\ndòng hai\n\nĐoạn 2 < 3 & ba"))
        == "<p>Dòng một<br>dòng hai</p><p>Đoạn 2 &lt; 3 &amp; ba</p>"
    )


def test_clean_bodies_raise_no_warning():
    assert (
        unsafe_content(
            '<p>Xem <a href="https://caobang.gov.vn">cổng tỉnh</a>.</p>'
            '<img src="/media/publishing/articles/a.jpg" alt="">'
        )
        == []
    )
