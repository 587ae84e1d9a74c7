"""Roll-ups over a whole province and the document search, on the database of DATABASE_URL.

Roll-ups: the app's selector against one hand-written SQL aggregate over the same rows, timed
alternately, medians compared (target: the selector at most 1.5× the SQL). The results of both
are compared too, so a fast but wrong hand query cannot flatter the app.
Search: documents.selectors.search_documents over the registry, first page and count, p95 over
a set of queries typed with and without diacritics. The exact count has its target (< 50 ms);
the registry list's capped count (up to 1,000, core.counting.count_up_to) and the API's
(exact up to 1,000, core.counting.count_at_most, since the API stopped counting exactly)
are reported beside it with the same target, never in its place.
Usage: python -m bench.steps.rollups OUT.json SIZE
"""

from __future__ import annotations

import sys
import time

from bench.common import (
    OFFICER,
    QUICK,
    Result,
    absolute_result,
    alternate,
    median,
    percentile,
    ratio_result,
    setup_django,
    write_results,
)

ROUNDS = 3 if QUICK else 7
QUERIES = [
    "kế hoạch",
    "thi dua lao dong gioi",
    "Mái ấm Công đoàn",
    "an toan ve sinh lao dong",
    "chuyen doi so",
    "tet sum vay",
    "nong thon moi",
    "Hòa An",
    "đại hội công đoàn",
    "phong chong thien tai",
    "xanh sach dep",
    "sang kien cai tien ky thuat",
    "hoc tap suot doi",
    "nguoi tot viec tot",
    "quyết định khen thưởng",
    "huong dan cham diem",
    "Bảo Lạc",
    "day tot hoc tot",
    "02/KH",
    "bao cao ket qua",
]


def _child_sql(vendor: str, column: str) -> str:
    """SQL for the id of the province's child whose subtree holds the row (the same rule as
    reports.rollup.child_key), with the prefix length as the parameter %(n)s."""
    rest = f"substr({column} || '0/', %(n)s)"
    if vendor == "postgresql":
        return f"split_part({rest}, '/', 1)"
    return f"substr({rest}, 1, instr({rest}, '/') - 1)"


def _fetch(sql: str, params: dict):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def rollups(province, size: int) -> list[Result]:
    from django.db import connection
    from django.utils import timezone

    vendor = connection.vendor
    group = f"roll-ups ({vendor}, {size} units)"
    params = {"n": len(province.path) + 1, "prefix": province.path + "%", "today": timezone.localdate()}
    results: list[Result] = []
    cases = []

    from organisations.selectors import unit_summary

    def summary_sql():
        row = _fetch(
            """SELECT (SELECT COUNT(*) FROM organisations_unit c WHERE c.path LIKE %(prefix)s AND c.path <> %(path)s
                         AND (c.valid_from IS NULL OR c.valid_from <= %(today)s)
                         AND (c.valid_to IS NULL OR c.valid_to > %(today)s)),
                      SUM(CASE WHEN m.status = 'active' THEN 1 ELSE 0 END),
                      SUM(CASE WHEN m.status = 'active' AND m.gender = 'F' THEN 1 ELSE 0 END),
                      SUM(CASE WHEN m.status <> 'active' THEN 1 ELSE 0 END)
               FROM organisations_member m JOIN organisations_unit u ON u.id = m.unit_id
               WHERE u.path LIKE %(prefix)s""",
            {**params, "path": province.path},
        )[0]
        return {"unit_count": row[0], "total": row[1], "female": row[2], "left": row[3]}

    cases.append(
        (
            "members of the province by status (organisations.selectors.unit_summary)",
            lambda: unit_summary(province),
            summary_sql,
            "members",
        )
    )

    try:
        from reports.rollup import Breakdown
        from reports.selectors.organisation import organisation_counts
    except ImportError:
        Breakdown = None
    if Breakdown is not None:
        child = _child_sql(vendor, "u.path")

        def member_counts_sql():
            rows = _fetch(
                f"""SELECT {child}, COUNT(*), SUM(CASE WHEN m.gender = 'F' THEN 1 ELSE 0 END)
                              FROM organisations_member m JOIN organisations_unit u ON u.id = m.unit_id
                              WHERE m.status = 'active' AND u.path LIKE %(prefix)s GROUP BY 1""",
                params,
            )
            return {int(key or 0): {"members": members, "women": women} for key, members, women in rows}

        cases.append(
            (
                "active members by child unit (reports organisation_counts)",
                lambda: organisation_counts(Breakdown.of(province))[0],
                member_counts_sql,
                "members",
            )
        )
        try:
            from reports.selectors.cascade import _counts, plan_obligations
        except ImportError:
            plan_obligations = None
        if plan_obligations is not None:

            def compliance_app():
                today = timezone.localdate()
                return Breakdown.of(province).group(
                    plan_obligations(province), "unit__path", **_counts(today)
                )

            def compliance_sql():
                rows = _fetch(
                    f"""SELECT {child}, COUNT(*),
                         SUM(CASE WHEN o.fulfilled_at IS NOT NULL THEN 1 ELSE 0 END),
                         SUM(CASE WHEN o.fulfilled_at IS NULL AND o.due_on < %(today)s THEN 1 ELSE 0 END),
                         SUM(CASE WHEN o.fulfilled_at IS NULL AND (o.due_on IS NULL OR o.due_on >= %(today)s)
                             THEN 1 ELSE 0 END)
                       FROM documents_obligation o JOIN documents_document d ON d.id = o.document_id
                       JOIN organisations_unit u ON u.id = o.unit_id
                       WHERE o.requires_plan AND d.status = 'issued' AND u.path LIKE %(prefix)s GROUP BY 1""",
                    params,
                )
                return {
                    int(k or 0): {"total": t, "done": d, "late": la, "waiting": w} for k, t, d, la, w in rows
                }

            cases.append(
                (
                    "plan compliance by child unit (reports cascade roll-up)",
                    compliance_app,
                    compliance_sql,
                    "obligations",
                )
            )
    cases.extend(_optional_cases(province, vendor, params))

    for name, app, sql, rows_label in cases:
        try:
            started = time.perf_counter()
            app_result = app()  # warm both (and compare what they say)
            first = time.perf_counter() - started
            sql_result = sql()
            same = _same(app_result, sql_result)
            # Fewer rounds for slow cases, so one slow selector cannot take the whole run's time.
            app_times, sql_times = alternate(app, sql, max(3, min(ROUNDS, int(30 / max(first, 1e-3)))))
        except Exception as exc:  # noqa: BLE001 - an app being rebuilt: say so, go on
            results.append(
                Result(name, None, "ms", group=group, note=f"failed: {exc.__class__.__name__}: {exc}")
            )
            continue
        results.append(
            ratio_result(
                name,
                median(app_times) * 1000,
                median(sql_times) * 1000,
                "ms",
                at_most=1.5,
                group=group,
                note="" if same else "the selector and the SQL disagree: check the hand query",
                extra={
                    "size": size,
                    "rows": rows_label,
                    "app_ms": [round(t * 1000, 2) for t in app_times],
                    "sql_ms": [round(t * 1000, 2) for t in sql_times],
                    "same_answer": same,
                },
            )
        )
    return results


def _optional_cases(province, vendor, params):
    """Campaign reach, when campaigns' selector and data exist. (Award counts: not yet, see bench/README.md.)"""
    cases = []
    try:
        from campaigns.models import Campaign
        from campaigns.selectors.reach import reach_total
    except ImportError:
        return cases
    campaign = Campaign.objects.filter(participants__isnull=False).order_by("-pk").first()
    if campaign is not None:

        def reach_sql():
            row = _fetch(
                """WITH scope AS (SELECT unit_id, COUNT(*) AS n FROM organisations_member
                                           WHERE (joined_on IS NULL OR joined_on <= %(ends)s)
                                             AND (status = 'active' OR left_on >= %(starts)s)
                                           GROUP BY unit_id),
                                  said AS (SELECT unit_id, COUNT(*) AS sessions,
                                           SUM(officers + members + civil_servants + public_employees + workers) AS n
                                           FROM campaigns_disseminationsession WHERE campaign_id = %(campaign)s
                                           GROUP BY unit_id),
                                  per_unit AS (SELECT COALESCE(scope.n, 0) AS scope, COALESCE(said.n, 0) AS reported,
                                               COALESCE(said.sessions, 0) AS sessions
                                           FROM campaigns_participant p JOIN organisations_unit u ON u.id = p.unit_id
                                           LEFT JOIN scope ON scope.unit_id = p.unit_id
                                           LEFT JOIN said ON said.unit_id = p.unit_id
                                           WHERE p.campaign_id = %(campaign)s AND u.path LIKE %(prefix)s)
                             SELECT SUM(scope), SUM(reported),
                                    SUM(CASE WHEN reported < scope THEN reported ELSE scope END), SUM(sessions),
                                    SUM(CASE WHEN scope > 0 AND scope * %(threshold)s
                                             - (CASE WHEN reported < scope THEN reported ELSE scope END) * 100 > 0
                                        THEN 1 ELSE 0 END)
                             FROM per_unit""",
                {
                    **params,
                    "campaign": campaign.pk,
                    "threshold": campaign.reach_threshold,
                    # people in scope: the members of the campaign's period (organisations.selectors)
                    "starts": campaign.starts_on,
                    "ends": campaign.ends_on,
                },
            )[0]
            return {
                "scope": row[0],
                "reported": row[1],
                "reached": row[2],
                "sessions": row[3],
                "below_threshold": row[4],
            }

        def reach_app():
            reach = reach_total(campaign, province)
            return {
                "scope": reach.scope,
                "reported": reach.reported,
                "reached": reach.reached,
                "sessions": reach.sessions,
                "below_threshold": reach.below_threshold,
            }

        cases.append(
            ("campaign reach over the province (campaigns reach_total)", reach_app, reach_sql, "participants")
        )
    return cases


def _same(app_result, sql_result) -> bool | None:
    """Whether the selector's figures equal the SQL's (None when they cannot be compared)."""
    try:
        if isinstance(app_result, dict) and isinstance(sql_result, dict):
            if all(isinstance(v, dict) for v in app_result.values()):
                return all(
                    {k: v for k, v in app_result.get(key, {}).items() if k in row} == row
                    for key, row in sql_result.items()
                ) and set(app_result) == set(sql_result)
            return all(app_result.get(k) == v for k, v in sql_result.items())
    except Exception:  # noqa: BLE001
        return None
    return None


def dashboard_build(province, size: int) -> list[Result]:
    """The whole dashboard of the province computed without the cache (what ?fresh=1 does)."""
    from django.db import connection

    try:
        from reports.selectors.dashboard import build_dashboard, default_year
    except ImportError:
        return []
    year = default_year(province)
    started = time.perf_counter()
    build_dashboard(province, year)
    first = time.perf_counter() - started
    times = []
    for _ in range(max(2, min(ROUNDS, int(30 / max(first, 1e-3))))):
        started = time.perf_counter()
        build_dashboard(province, year)
        times.append(time.perf_counter() - started)
    return [
        Result(
            f"dashboard of the province, built uncached (reports build_dashboard {year})",
            median(times) * 1000,
            "ms",
            group=f"roll-ups ({connection.vendor}, {size} units)",
            extra={"size": size, "ms": [round(t * 1000, 1) for t in times]},
        )
    ]


def search(size: int) -> list[Result]:
    from django.contrib.auth import get_user_model
    from django.db import connection

    from documents import selectors
    from documents.models import Document
    from documents.selectors import search_documents

    group = f"search ({connection.vendor}, {size} units)"
    total = Document.objects.count()
    page_times, count_times, exact_times, api_times, registry_times = [], [], [], [], []
    user = get_user_model().objects.get(username=OFFICER)
    try:
        from documents.selectors import DocumentFilters, filter_documents
    except ImportError:
        filter_documents = None
    # What the registry list counts: up to 1,000, then “more than 1,000” (documents.views.registry).
    try:
        from core.counting import count_up_to
    except ImportError:

        def count_up_to(queryset, cap):
            return queryset.count()

    # What the API's list counts (documents.api.RegistryPagination): exact up to 1,000, then
    # “1,000, not exact”. Before it had one, the API counted exactly.
    try:
        from core.counting import count_at_most

        def api_count(queryset):
            return count_at_most(queryset, selectors.COUNT_CAP)

    except ImportError:

        def api_count(queryset):
            return queryset.count(), True

    repeats = 1 if QUICK else 2
    budget = time.monotonic() + (45 if QUICK else 100)  # a slow search must not eat the whole run
    for index, query in enumerate(QUERIES * repeats):
        if index >= 5 and time.monotonic() > budget:
            break
        found = search_documents(Document.objects.all(), query)
        started = time.perf_counter()
        list(found.order_by("-issued_on", "-pk")[:20])
        page_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        count_up_to(found, 1000)
        count_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        found.count()
        exact_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        api_count(found)
        api_times.append(time.perf_counter() - started)
        if filter_documents is not None:
            started = time.perf_counter()
            listed = filter_documents(user, DocumentFilters(q=query))
            list(listed[:20])
            count_up_to(listed, 1000)
            registry_times.append(time.perf_counter() - started)

    def p95(name: str, times: list[float], below: int, **extra) -> Result:
        return absolute_result(
            name,
            percentile(times, 95) * 1000,
            "ms",
            below=below,
            group=group,
            extra={"size": size, "documents": total, "p50_ms": percentile(times, 50) * 1000, **extra},
        )

    results = [
        p95(
            "document search, first page of 20 (search_documents) p95",
            page_times,
            50,
            queries=len(page_times),
        ),
        p95(
            "document search, count of matches as the API gives it (exact up to 1,000, documents.api) p95",
            api_times,
            50,
        ),
        p95(
            "document search, exact count of matches (QuerySet.count, as the API counted before its cap) p95",
            exact_times,
            50,
        ),
        p95(
            "document search, count of matches as the registry shows it (up to 1,000) p95",
            count_times,
            50,
        ),
    ]
    if registry_times:
        results.append(
            p95(
                "registry search as the officer sees it (filter_documents: page + count up to 1,000) p95",
                registry_times,
                300,
            )
        )
    return results


def main(out: str, size: int) -> None:
    setup_django()
    from organisations.models import Unit

    province = Unit.objects.get(code="LDLD-CB")
    results = rollups(province, size)
    try:
        results += dashboard_build(province, size)
    except Exception as exc:  # noqa: BLE001
        results.append(
            Result("dashboard of the province, built uncached", None, "ms", note=f"failed: {exc!r}")
        )
    results += search(size)
    write_results(out, results)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
