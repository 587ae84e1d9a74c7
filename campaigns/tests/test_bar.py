"""The progress bar drawn as plain text gives the markup format_html gave, escaping the label."""

from decimal import Decimal

import pytest
from django.utils.html import format_html

from campaigns.templatetags.campaigns import _percent, bar


def _bar_as_first_written(ratio, threshold=None, label=""):
    pct = _percent(ratio)
    low = threshold is not None and float(ratio) * 100 < float(threshold)
    text = f"{float(ratio) * 100:.1f}%".replace(".", ",")
    return format_html(
        '<span class="bar-wrap{}"><svg class="bar" viewBox="0 0 100 8" preserveAspectRatio="none" role="img" '
        'aria-label="{}"><rect class="bar-bg" width="100" height="8" rx="4"/>'
        '<rect class="bar-fill" width="{}" height="8" rx="4"/>{}</svg><span class="bar-text">{}</span></span>',
        " is-low" if low else "",
        label or text,
        pct,
        format_html('<line class="bar-mark" x1="{0}" x2="{0}" y1="0" y2="8"/>', int(threshold))
        if threshold
        else "",
        text,
    )


@pytest.mark.parametrize("ratio", [0, 0.0004, 0.5, Decimal("0.799"), 0.8, 1, 1.5, -0.1])
@pytest.mark.parametrize("threshold", [None, 0, 80, Decimal("80.5")])
@pytest.mark.parametrize("label", ["", 'Hòa An <b>&</b> "x"'])
def test_the_bar_is_the_markup_it_was(ratio, threshold, label):
    assert str(bar(ratio, threshold, label)) == str(_bar_as_first_written(ratio, threshold, label))


def test_a_unit_below_the_threshold_shows_red_and_a_label_cannot_inject_markup():
    html = str(bar(0.5, 80, '"><script>x</script>'))
    assert "is-low" in html and "<script>" not in html and "&lt;script&gt;" in html
    assert 'x1="80"' in html and 'width="50"' in html and "50,0%" in html
