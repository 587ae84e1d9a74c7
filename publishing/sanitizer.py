"""Article bodies are HTML written by many hands (and pasted from Word or the web): every save
passes them through nh3 with a short allow-list. `unsafe_content` names what a writer put in
that would be removed, so the form can say so instead of silently dropping it."""

import html
import re

import nh3
from django.conf import settings
from django.utils.html import escape
from django.utils.translation import gettext as _

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "sub",
    "sup",
    "small",
    "mark",
    "h2",
    "h3",
    "h4",
    "blockquote",
    "ul",
    "ol",
    "li",
    "hr",
    "a",
    "img",
    "figure",
    "figcaption",
    "table",
    "caption",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
}
# Removed with everything inside them, not just unwrapped.
DROPPED_WITH_CONTENT = {
    "script",
    "style",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "svg",
    "math",
    "template",
    "noscript",
    "noembed",
    "noframes",
    "textarea",
    "select",
    "button",
    "form",
    "title",
    "xmp",
}
URL_SCHEMES = {"http", "https", "mailto"}
_NUMBER = re.compile(r"^\d{1,4}$")
_IMG_WITHOUT_SRC = re.compile(r"<img(?![^>]*\ssrc=)[^>]*>")
_MARKUP = re.compile(r"<[a-zA-Z!/?]")


def own_media_prefix() -> str:
    """Images may only come from our own article images: "/media/publishing/articles/" (not the
    models' evidence or the bulletins, which also live under publishing/)."""
    return "/" + settings.MEDIA_URL.strip("/") + "/publishing/articles/"


def is_own_media_url(url: str) -> bool:
    url = url.strip()
    # no "%": browsers read "%2e%2e" as ".."; stored names never hold one
    return (
        url.startswith(own_media_prefix())
        and ".." not in url
        and "\\" not in url
        and "//" not in url[1:]
        and "%" not in url
    )


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    if tag == "img" and attribute == "src":
        return value if is_own_media_url(value) else None
    if attribute in {"width", "height", "colspan", "rowspan", "start"}:
        return value if _NUMBER.match(value.strip()) else None
    return value


_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    clean_content_tags=DROPPED_WITH_CONTENT,
    attributes=ALLOWED_ATTRIBUTES,
    attribute_filter=_attribute_filter,
    url_schemes=URL_SCHEMES,
    link_rel="noopener noreferrer",
    strip_comments=True,
)


def text_to_html(text: str) -> str:
    """Plain text (no markup at all) becomes paragraphs: blank lines separate them."""
    if _MARKUP.search(text):
        return text
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if p.strip()]
    return "".join(f"<p>{escape(p).replace(chr(10), '<br>')}</p>" for p in paragraphs)


def sanitize_html(value: str | None) -> str:
    """The body as stored: only the allowed tags and attributes, http/https/mailto links, images
    from our own media, no scripts, event handlers, styles or frames. Idempotent: it runs on
    every save."""
    if not value:
        return ""
    cleaned = _cleaner.clean(value)
    return _IMG_WITHOUT_SRC.sub("", cleaned).strip()


def plain_text(value: str) -> str:
    """The text of a body, for search and descriptions."""
    return re.sub(r"\s+", " ", html.unescape(nh3.clean(value or "", tags=set()))).strip()


# What a writer is told when a body holds things the sanitiser would remove -------------------

_SCRIPT = re.compile(r"<\s*script\b", re.IGNORECASE)
_FRAME = re.compile(r"<\s*(iframe|frame|frameset|object|embed|applet)\b", re.IGNORECASE)
_SVG = re.compile(r"<\s*(svg|math)\b", re.IGNORECASE)
_HANDLER = re.compile(r"<[^>]*[\s/\"']on[a-z]+[^\s=>]*\s*=", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>?")
_ATTR_URL = re.compile(
    r"""(?:href|src|action|formaction|xlink:href|data)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""",
    re.IGNORECASE,
)
_IMG_SRC = re.compile(r"""<\s*img\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x20]+")


def _scheme(url: str) -> str:
    url = _CONTROL.sub("", html.unescape(html.unescape(url))).lower()
    match = re.match(r"^([a-z][a-z0-9+.\-]*):", url)
    return match.group(1) if match else ""


def unsafe_content(value: str) -> list[str]:
    """Clear messages for each kind of unsafe content found in `value` (empty when it is clean)."""
    if not value:
        return []
    problems = []
    if _SCRIPT.search(value):
        problems.append(_("Scripts (<script>) are not allowed in an article."))
    if _FRAME.search(value):
        problems.append(
            _(
                "Embedded frames and objects (<iframe>, <object>, <embed>) are not allowed; "
                "put a link to the page instead."
            )
        )
    if _SVG.search(value):
        problems.append(_("Inline SVG or MathML is not allowed; upload the picture as an image."))
    if _HANDLER.search(value):
        problems.append(_("Event attributes (onclick, onerror, onload…) are not allowed."))
    schemes = {_scheme(next(g for g in m.groups() if g is not None)) for m in _ATTR_URL.finditer(value)}
    script_urls = any(
        word in _CONTROL.sub("", html.unescape(html.unescape(tag))).lower()
        for tag in _TAG.findall(value)
        for word in ("javascript:", "vbscript:")
    )
    if schemes - URL_SCHEMES - {""} or script_urls:
        problems.append(
            _(
                "Links may only start with http://, https:// or mailto:; "
                "“javascript:”, “data:” and other kinds of links are not allowed."
            )
        )
    foreign_images = [next(g for g in m.groups() if g is not None) for m in _IMG_SRC.finditer(value)]
    if any(
        not is_own_media_url(html.unescape(src)) and _scheme(src) in URL_SCHEMES | {""}
        for src in foreign_images
    ):
        problems.append(
            _("Images must be uploaded with the article; images from other addresses are not allowed.")
        )
    return problems
