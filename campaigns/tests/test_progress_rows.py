"""The campaign page's rows by child unit, written in Python (`{% progress_rows %}`), give the
markup the template gave: the template they replace is kept here as the specification."""

import re

from django.template import engines
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from campaigns.models import Campaign
from campaigns.selectors.progress import Progress, ProgressRow
from campaigns.selectors.reach import Reach
from organisations.models import Unit

ROWS_AS_TEMPLATE = """{% load i18n campaigns %}{% translate "scores confirmed" as scores_confirmed %}
{% for row in progress.rows %}
      <tr class="{% if row.is_root %}row-root{% endif %}{% if row.reach.below_threshold %} row-low{% endif %}">
    <td>
      {% if row.is_root %}{{ row.unit.display_name }} <span class="small muted">({% translate "this unit itself" %})</span>{% else %}<a href="{% url 'campaigns:unit_page' campaign.pk row.unit.pk %}">{{ row.unit.display_name }}</a>{% endif %}
    </td>
    <td class="num">{{ row.participants|number }}</td>
    <td>{% bar row.registration_ratio %}</td>
    <td>
      {% bar row.reach.ratio campaign.reach_threshold %}
      <div class="small muted">
        {% if row.is_root %}{% blocktranslate with r=row.reach.reached|number s=row.reach.scope|number %}{{ r }} / {{ s }} members{% endblocktranslate %}{% else %}<a href="{% url 'campaigns:reach' campaign.pk row.unit.pk %}">{% blocktranslate with r=row.reach.reached|number s=row.reach.scope|number %}{{ r }} / {{ s }} members{% endblocktranslate %}</a>{% endif %}
      </div>
    </td>
    <td class="num">
      {% if row.reach.below_threshold %}<span class="badge badge-red">{{ row.reach.below_threshold }}</span>{% else %}0{% endif %}
    </td>
    <td>
      {% bar row.submitted_ratio %}
      <div class="small muted">
        {{ row.confirmed }}/{{ row.scores }} {{ scores_confirmed }}
      </div>
    </td>
    <td>{% bar row.reports_ratio %}</td>
  </tr>{% empty %}<tr><td colspan="7" class="empty">{% translate "No unit of this subtree takes part." %}</td></tr>{% endfor %}"""


def _tidy(html: str) -> str:
    """The markup without the template's layout: whitespace that holds a line break."""
    return re.sub(r"\s*\n\s*", "", html)


def _both(progress: Progress, campaign: Campaign) -> tuple[str, str]:
    engine = engines["django"]
    context = {"progress": progress, "campaign": campaign}
    written = engine.from_string("{% load campaigns %}{% progress_rows progress campaign %}").render(context)
    return _tidy(written), _tidy(engine.from_string(ROWS_AS_TEMPLATE).render(context))


names = st.sampled_from(
    ["LĐLĐ huyện Hòa An", "CĐ ngành Giáo dục", 'Công ty "A & B" <Cao Bằng>', "Trường THCS Bảo Lạc"]
)
counts = st.integers(0, 25_000)


@st.composite
def progress_rows(draw) -> Progress:
    root = Unit(
        pk=2, name="Liên đoàn Lao động tỉnh Cao Bằng", short_name=draw(st.sampled_from(["", "LĐLĐ tỉnh"]))
    )
    rows = []
    for index in range(draw(st.integers(0, 6))):
        is_root = index == 0 and draw(st.booleans())
        unit = root if is_root else Unit(pk=draw(st.integers(3, 99_999)), name=draw(names), short_name="")
        participants = draw(st.integers(1, 2_000))
        scope = draw(counts)
        reached = draw(st.integers(0, scope))
        scores = draw(st.integers(0, 400))
        rows.append(
            ProgressRow(
                unit=unit,
                is_root=is_root,
                participants=participants,
                registered=draw(st.integers(0, participants)),
                reach=Reach(
                    scope, reached, reached, draw(st.integers(0, 50)), draw(st.integers(0, participants))
                ),
                sheets_submitted=draw(st.integers(0, participants)),
                scores=scores,
                confirmed=draw(st.integers(0, scores)),
                reports_submitted=draw(st.integers(0, participants)),
            )
        )
    return Progress(root=root, rows=rows, total=sum(rows, ProgressRow(unit=root)), review_round=None)


@given(progress=progress_rows(), threshold=st.integers(1, 100), language=st.sampled_from(["vi", "en"]))
def test_the_rows_written_in_python_are_the_rows_the_template_wrote(progress, threshold, language):
    campaign = Campaign(pk=7, reach_threshold=threshold)
    with translation.override(language):
        written, templated = _both(progress, campaign)
    assert written == templated


def test_a_row_links_to_the_childs_page_and_marks_units_below_the_threshold():
    campaign = Campaign(pk=7, reach_threshold=80)
    root = Unit(pk=2, name="LĐLĐ tỉnh")
    child = Unit(pk=42, name='Công ty "A & B"')
    rows = [
        ProgressRow(unit=root, is_root=True, participants=1, reach=Reach(10, 9, 9, 1, 0)),
        ProgressRow(unit=child, participants=3, reach=Reach(1_200, 300, 300, 4, 2), scores=5, confirmed=4),
    ]
    progress = Progress(root=root, rows=rows, total=sum(rows, ProgressRow(unit=root)), review_round=None)
    with translation.override("vi"):
        written, templated = _both(progress, campaign)
    assert written == templated
    assert 'LĐLĐ tỉnh <span class="small muted">(bản thân đơn vị)</span>' in written
    assert '<a href="/phong-trao/7/don-vi/42/">Công ty &quot;A &amp; B&quot;</a>' in written
    assert '<tr class=" row-low">' in written and '<span class="badge badge-red">2</span>' in written
    assert "300 / 1.200" in written and "4/5 điểm đã thẩm định" in written


def test_a_subtree_without_participants_says_so():
    campaign = Campaign(pk=7, reach_threshold=80)
    root = Unit(pk=2, name="LĐLĐ tỉnh")
    progress = Progress(root=root, rows=[], total=ProgressRow(unit=root), review_round=None)
    with translation.override("vi"):
        written, templated = _both(progress, campaign)
    assert written == templated
    assert (
        written
        == '<tr><td colspan="7" class="empty">Không có đơn vị nào trong phạm vi này tham gia.</td></tr>'
    )
