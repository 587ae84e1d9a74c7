"""Printing a bulletin issue with WeasyPrint: cover, table of contents with page numbers
(CSS target-counter), the articles with their images, page numbers in the footer.

Images are inlined as data: URLs and WeasyPrint may fetch nothing else, so an article's body can
never make the server read a file or call a URL."""

import base64
import logging
import mimetypes
import re

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils import timezone

from core.text import slugify_vi
from publishing.models import ArticleImage, BulletinIssue
from publishing.sanitizer import is_own_media_url

Status = BulletinIssue.Status
logger = logging.getLogger(__name__)

TEMPLATE = "publishing/bulletin/issue.html"
_MEDIA_SRC = re.compile(r'src="([^"]+)"')

logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


def _data_url(name: str) -> str:
    try:
        with default_storage.open(name, "rb") as handle:
            content = handle.read()
    except (FileNotFoundError, OSError):
        return ""
    mime = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return f"data:{mime};base64,{base64.b64encode(content).decode()}"


def _storage_name(url: str) -> str:
    return url[len("/" + settings.MEDIA_URL.strip("/") + "/") :]


def _inline_images(body: str, own_images: set[str]) -> str:
    """The article's own images become data URLs; any other src (another article's image, a
    stored file that is no image of this article) is emptied, so the PDF cannot carry it."""

    def replace(match: re.Match) -> str:
        url = match.group(1)
        if not is_own_media_url(url) or _storage_name(url) not in own_images:
            return 'src=""'
        return f'src="{_data_url(_storage_name(url))}"'

    return _MEDIA_SRC.sub(replace, body)


def _css_string(text: str) -> str:
    """Text for a CSS string in the print stylesheet (the page headers): no quote, backslash or
    tag can break out of it."""
    text = " ".join(str(text).split())
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3C ").replace(">", "\\3E ")


def _masthead(title: str) -> tuple[str, str]:
    """ "Bản tin Công đoàn Cao Bằng" -> ("BẢN TIN", "CÔNG ĐOÀN CAO BẰNG") for a two-line cover title."""
    words = title.split()
    if len(words) > 2 and " ".join(words[:2]).lower() == "bản tin":
        return "BẢN TIN", " ".join(words[2:]).upper()
    return "", title.upper()


def issue_line(issue: BulletinIssue) -> str:
    """ "Số 3 · Tháng 10/2026" (the bulletin is printed in Vietnamese)."""
    if issue.period_kind == BulletinIssue.Period.MONTH:
        return f"Số {issue.number} · Tháng {issue.period_index:02d}/{issue.year}"
    return f"Số {issue.number} · Quý {issue.period_index}/{issue.year}"


def bulletin_context(issue: BulletinIssue) -> dict:
    entries = list(
        issue.entries.select_related("article__category", "article__unit")
        .prefetch_related(
            Prefetch("article__images", queryset=ArticleImage.objects.order_by("position", "pk"))
        )
        .order_by("position", "pk")
    )
    articles = []
    for entry in entries:
        article = entry.article
        images = list(article.images.all())
        cover = images[0] if images and images[0].image.url not in article.body else None
        articles.append(
            {
                "anchor": f"bai-{entry.position}",
                "article": article,
                "body": _inline_images(
                    article.body,
                    {name for image in images for name in (image.image.name, image.thumbnail.name) if name},
                ),
                "cover": _data_url(cover.image.name) if cover and cover.image.name else "",
                "cover_caption": cover.caption if cover else "",
            }
        )
    cover_image = next((a["cover"] for a in articles if a["cover"]), "")
    return {
        "issue": issue,
        "articles": articles,
        "cover_image": cover_image,
        "organisation_name": settings.THIDUA_ORGANISATION_NAME,
        "issue_line": issue_line(issue),
        "masthead": _masthead(issue.title),
        "css": {
            "title": _css_string(issue.title.upper()),
            "issue": _css_string(issue_line(issue)),
            "publisher": _css_string(issue.publisher.name),
        },
    }


def render_bulletin_html(issue: BulletinIssue) -> str:
    return render_to_string(TEMPLATE, bulletin_context(issue))


def render_bulletin_pdf(issue: BulletinIssue) -> tuple[bytes, int]:
    """The issue as PDF bytes, and its number of pages."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    document = HTML(
        string=render_bulletin_html(issue), url_fetcher=URLFetcher(allowed_protocols={"data"})
    ).render()
    return document.write_pdf(), len(document.pages)


def generate_bulletin_pdf(issue_id: int) -> int:
    """Print the issue and keep the PDF; the issue's status says how it ended. Returns the page count."""
    issue = BulletinIssue.objects.select_related("publisher").get(pk=issue_id)
    try:
        content, pages = render_bulletin_pdf(issue)
    except Exception as exc:  # noqa: BLE001 - any failure is shown on the issue's page
        logger.exception("bulletin %s: PDF generation failed", issue_id)
        BulletinIssue.objects.filter(pk=issue_id).update(status=Status.FAILED, error=str(exc)[:2000])
        return 0
    old_name = issue.pdf.name
    slug = slugify_vi(f"ban tin so {issue.number} {issue.year}")
    issue.pdf.save(f"{slug}.pdf", ContentFile(content), save=False)
    issue.status, issue.page_count, issue.rendered_at, issue.error = Status.READY, pages, timezone.now(), ""
    issue.save()
    if old_name and old_name != issue.pdf.name:
        issue.pdf.storage.delete(old_name)
    return pages
