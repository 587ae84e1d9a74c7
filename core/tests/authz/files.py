"""Every kind of stored file: who may get it, and through which door.

`/media/` serves article images and nothing else (an image of a published article to anyone, of
an unpublished one to those who may see the article); every other stored file is downloaded only
through the view of the object it belongs to, whose Page entry (in the app's module) says who may.
A file with personal data is downloaded by nobody but those who may see the personal data of its
unit (the member and award-history workbooks have no download at all).

`core/tests/test_authorization_matrix.py` requests each file at /media/ (by its name and through
path tricks) and through its view, as every user, on both sides; a model FileField or ImageField
without an entry here fails `test_every_stored_file_kind_has_an_entry`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from core.tests.authz import ANY_ROLE, NOBODY, Side


@dataclass(frozen=True)
class StoredFile:
    field: str  # "awards.NominationBatch.minutes"
    app: str  # the app whose side holds the object
    obj: Callable[[Side], Any]
    attribute: str  # the file attribute on obj
    view: str | None = None  # the Page entry (URL name) that downloads it; None: no download at all
    media_public: bool = False  # /media/ serves it to anyone, anonymous included
    media_own: frozenset[str] = NOBODY  # users /media/ serves it to, on its own side (unpublished images)
    personal: bool = False  # holds personal data (birth dates, ethnicity...)
    note: str = ""

    @property
    def key(self) -> str:
        return self.field

    def file(self, side):
        return getattr(self.obj(side), self.attribute)


def _image(kind: str, published: bool) -> list[StoredFile]:
    obj = (lambda s: s.published_image) if published else (lambda s: s.image)
    return [
        StoredFile(
            f"publishing.ArticleImage.{kind}",
            "publishing",
            obj,
            kind,
            media_public=published,
            media_own=NOBODY if published else ANY_ROLE,
            note="public once the article is" if published else "the roles of the article's unit",
        )
    ]


FILES = [
    StoredFile(
        "awards.NominationBatch.minutes",
        "awards",
        lambda s: s.draft_batch,
        "minutes",
        view="awards:batch_minutes_file",
    ),
    StoredFile(
        "awards.NominationAttachment.file",
        "awards",
        lambda s: s.nomination_attachment,
        "file",
        view="awards:nomination_attachment",
    ),
    StoredFile(
        "awards.AwardImport.file",
        "awards",
        lambda s: s.award_import,
        "file",
        personal=True,
        note="a workbook of past awards of named members: checked and applied, never downloaded",
    ),
    StoredFile(
        "organisations.MemberImport.file",
        "core",
        lambda s: s.member_import,
        "file",
        personal=True,
        note="members with birth dates: checked and imported, never downloaded",
    ),
    StoredFile(
        "campaigns.ScoreEvidence.file",
        "campaigns",
        lambda s: s.evidence,
        "file",
        view="campaigns:evidence_file",
    ),
    StoredFile(
        "documents.Document.source_file",
        "documents",
        lambda s: s.draft,
        "source_file",
        view="documents:source",
    ),
    StoredFile(
        "documents.Attachment.file",
        "documents",
        lambda s: s.attachment,
        "file",
        view="documents:attachment_download",
    ),
    StoredFile(
        "documents.Reading.file",
        "documents",
        lambda s: s.reading,
        "file",
        note="read by the plan reader; shown inline only to its own officer (documents:reading_original)",
    ),
    *_image("image", published=True),
    *_image("image", published=False),
    *_image("thumbnail", published=True),
    *_image("thumbnail", published=False),
    StoredFile(
        "publishing.ModelEvidence.file",
        "publishing",
        lambda s: s.evidence,
        "file",
        view="publishing:model_evidence",
    ),
    StoredFile(
        "publishing.BulletinIssue.pdf",
        "publishing",
        lambda s: s.bulletin,
        "pdf",
        view="publishing:bulletin_pdf",
    ),
    StoredFile(
        "signing.SignedPdf.file",
        "signing",
        lambda s: s.signed_certificate,
        "file",
        view="signing:certificate_file",
        note="a signed certificate; a signed decision is served by awards:decision_pdf instead of the unsigned one",
    ),
    StoredFile(
        "signing.SignedPdf.file",
        "signing",
        lambda s: s.signed_document,
        "file",
        view="documents:docx",
        note="a signed issued document: its registry downloads answer it instead of the unsigned renderings",
    ),
    StoredFile(
        "signing.SignedPdf.file",
        "signing",
        lambda s: s.signed_minutes,
        "file",
        view="awards:session_minutes",
        note="signed council minutes: the minutes download answers it instead of the unsigned DOCX",
    ),
    StoredFile(
        "reports.ReportJob.file", "reports", lambda s: s.report_job, "file", view="reports:job_download"
    ),
]

# Ways to ask /media/ for a stored name from behind the public prefix (issue 13, finding 1).
TRICKS = [
    "{name}",
    "publishing/articles/..%2f..%2f{name}",
    "publishing/articles/%2e%2e/%2e%2e/{name}",
    "publishing/articles/../../{name}",
    "publishing/articles/%252e%252e%252f%252e%252e%252f{name}",
    "publishing/articles/..%5c..%5c{name}",
    "%2f{name}",
]
