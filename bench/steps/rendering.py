"""Document output: the app's path, which reads the record from the database and builds what
the renderer prints, against the renderer alone on the same prebuilt data (target ≤ 1.3×).

  plan as DOCX    documents.official.document_docx(document)  vs  render_docx(prebuilt)
  plan as PDF     documents.official.document_pdf(document)   vs  render_pdf(prebuilt)
  certificates    awards.printing.certificates_pdf(decision) with N award records
                  vs  WeasyPrint alone printing the same template's HTML with the N
                      certificates' data inlined (built once, outside the timing)

The N records are added to the demo's decision inside a transaction that is rolled back.
Usage: python -m bench.steps.rendering OUT.json CERTIFICATES
"""

from __future__ import annotations

import sys

from bench.common import QUICK, Result, alternate, median, ratio_result, setup_django, write_results

GROUP = "document output"


def plan_results() -> list[Result]:
    from documents.models import Document
    from documents.official import document_docx, document_pdf, official_document
    from documents.rendering import render_docx, render_pdf

    plan = (
        Document.objects.filter(doc_type__code="KH", issuer_unit__code="LDLD-CB", status="issued")
        .order_by("pk")
        .first()
    )
    pk = plan.pk
    prebuilt = official_document(Document.objects.get(pk=pk))
    fetch = _view_fetch()
    results = []
    for name, app, renderer, rounds in [
        (
            "plan as DOCX (the download view's fetch + documents.official.document_docx)",
            lambda: document_docx(fetch(pk)),
            lambda: render_docx(prebuilt),
            3 if QUICK else 7,
        ),
        (
            "plan as PDF (the download view's fetch + documents.official.document_pdf)",
            lambda: document_pdf(fetch(pk)),
            lambda: render_pdf(prebuilt),
            2 if QUICK else 5,
        ),
    ]:
        app(), renderer()  # warm: imports, fonts, templates
        app_times, renderer_times = alternate(app, renderer, rounds)
        results.append(_against_renderer(name, app_times, renderer_times))
    return results


def _view_fetch():
    """What the download views do before printing: the document from the user's visible ones,
    with what the header needs in the same query (documents.views.common.printable_document_or_404,
    before it documents.views.common.document_or_404)."""
    from django.contrib.auth import get_user_model
    from django.test import RequestFactory

    from bench.common import OFFICER

    try:
        from documents.views import common
    except ImportError:
        from documents.models import Document

        return lambda pk: Document.objects.get(pk=pk)
    document_or_404 = getattr(common, "printable_document_or_404", common.document_or_404)

    def fetch(pk):
        request = RequestFactory().get("/")
        request.user = get_user_model().objects.get(username=OFFICER)
        return document_or_404(request, pk)

    return fetch


def certificate_results(count: int) -> list[Result]:
    from django.db import transaction

    try:
        from awards.models import AwardRecord, Decision
        from awards.printing import certificates, certificates_pdf
    except ImportError as exc:
        return [
            Result(f"{count} certificates as one PDF", None, "ms", group=GROUP, note=f"not measured: {exc}")
        ]
    from weasyprint import HTML

    from documents.rendering.certificates import certificates_html
    from organisations.models import Member

    decision = Decision.objects.filter(records__isnull=False).order_by("pk").first()
    if decision is None:
        return [
            Result(
                f"{count} certificates as one PDF",
                None,
                "ms",
                group=GROUP,
                note="not measured here: no award decision with records in this database "
                "(the awards demo loader did not run: see the data notes)",
            )
        ]
    with transaction.atomic():
        template = decision.records.order_by("pk").first()
        have = decision.records.count()
        # Members without this award in this year (a member holds a form once a year: the database says so).
        holders = AwardRecord.objects.filter(
            form_code=template.form_code, year=template.year, member__isnull=False
        )
        members = list(
            Member.objects.filter(status="active")
            .exclude(pk__in=holders.values("member_id"))
            .order_by("pk")
            .values_list("pk", flat=True)[: max(0, count - have)]
        )
        fields = {
            f.attname: getattr(template, f.attname)
            for f in AwardRecord._meta.concrete_fields
            if not f.primary_key
        }
        extra = []
        for member_id in members:
            record = AwardRecord(**{**fields, "member_id": member_id, "unit_id": None, "nomination_id": None})
            extra.append(record)
        AwardRecord.objects.bulk_create(extra, batch_size=1000)
        decision = Decision.objects.get(pk=decision.pk)
        total = decision.records.count()
        template_html = decision.certificate_template.html if decision.certificate_template else None
        # The baseline: the same certificate template with every certificate's data already in
        # the HTML, printed by WeasyPrint alone (no database, no template rendering of ours).
        inlined = certificates_html(certificates(decision), template_html)
        rounds = 1 if QUICK else 2
        app_times, renderer_times = alternate(
            lambda: certificates_pdf(Decision.objects.get(pk=decision.pk)),
            lambda: HTML(string=inlined).write_pdf(),
            rounds,
        )
        transaction.set_rollback(True)
    return [
        _against_renderer(
            f"{total} award certificates as one PDF (against WeasyPrint alone on the same HTML, data inlined)",
            app_times,
            renderer_times,
            certificates=total,
            html_bytes=len(inlined.encode()),
        )
    ]


def _against_renderer(name: str, app_times: list[float], renderer_times: list[float], **extra) -> Result:
    """The application's path (fetch + build + render) against the bare renderer: at most 1.3 times."""
    return ratio_result(
        name,
        median(app_times) * 1000,
        median(renderer_times) * 1000,
        "ms",
        at_most=1.3,
        group=GROUP,
        extra={
            **extra,
            "app_ms": [round(t * 1000) for t in app_times],
            "renderer_ms": [round(t * 1000) for t in renderer_times],
        },
    )


def main(out: str, count: int) -> None:
    setup_django()
    from django.db import connection

    global GROUP
    GROUP = f"document output ({connection.vendor})"
    results = []
    for part in (plan_results, lambda: certificate_results(count)):
        try:
            results += part()
        except Exception as exc:  # noqa: BLE001 - an app being rebuilt: say so, go on
            results.append(Result("document output", None, "ms", group=GROUP, note=f"failed: {exc!r}"))
    write_results(out, results)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
