"""reports: the dashboard, the records behind its figures, Excel of a table, the review report
and its generated files, and the dashboard API.

Every role over a unit sees its figures (aggregates; the lists show no personal data); a
generated report is downloaded only by whoever asked for it. Own: district A; foreign: B."""

import datetime as dt

from django.core.files.base import ContentFile

from core.tests.authz import ANY_ROLE, ANY_USER, OFFICER, Api, Page


def build(world):
    from reports.models import ReportJob

    for side, user in ((world.own, world.users[OFFICER]), (world.foreign, world.foreign.colleague)):
        job = ReportJob.objects.create(
            unit=side.district,
            date_from=dt.date(2015, 1, 1),
            date_to=dt.date(2015, 12, 31),
            format=ReportJob.Format.XLSX,
            status=ReportJob.Status.READY,
            requested_by=user,
        )
        job.file.save(job.filename, ContentFile(b"PK\x03\x04 report"), save=True)
        side.report_job = job


def _period(side, **extra):
    return {
        "unit": side.district.pk,
        "kind": "final",
        "date_from": "2015-01-01",
        "date_to": "2015-12-31",
        **extra,
    }


ENTRIES = [
    Page(
        "reports:dashboard",
        allow=ANY_USER,
        scoped=False,
        note="opens on the user's own unit; a user without a role gets a page saying so",
    ),
    Page("reports:dashboard", query=lambda s: {"unit": s.district.pk}, allow=ANY_ROLE),
    Page("reports:dashboard", query=lambda s: {"unit": s.grassroots.pk, "year": 2015}, allow=ANY_ROLE),
    Page(
        "reports:table_xlsx", query=lambda s: {"unit": s.district.pk, "table": "organisation"}, allow=ANY_ROLE
    ),
    Page(
        "reports:records",
        kwargs=lambda s: {"kind": "members"},
        query=lambda s: {"unit": s.district.pk},
        allow=ANY_ROLE,
        note="names, codes, units and categories only: no personal data",
    ),
    Page(
        "reports:records",
        kwargs=lambda s: {"kind": "obligations"},
        query=lambda s: {"unit": s.district.pk, "state": "open"},
        allow=ANY_ROLE,
    ),
    Page("reports:index", allow=ANY_USER, scoped=False),
    Page("reports:index", query=_period, allow=ANY_ROLE, note="a foreign unit answers 403 with the reason"),
    Page(
        "reports:generate", method="post", data=lambda w, s: {**_period(s), "format": "xlsx"}, allow=ANY_ROLE
    ),
    Page(
        "reports:job",
        kwargs=lambda s: {"pk": s.report_job.pk},
        allow=frozenset({OFFICER}),
        note="only the user who asked for the report",
    ),
    Page("reports:job_download", kwargs=lambda s: {"pk": s.report_job.pk}, allow=frozenset({OFFICER})),
    Api("GET", "/api/v1/reports/dashboard", query=lambda s: {"unit_id": s.district.pk}, allow=ANY_ROLE),
]
