"""Charts drawn on the server as inline SVG: no script, a few hundred bytes, readable without CSS.

Each chart is an image with a title (role="img", <title>) and always sits beside a table with
the same numbers, which is what screen readers and careful readers use. Amounts stay Decimal
until they become coordinates; the figures printed in a chart are formatted from the Decimals.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from .money import format_money

# The drawing is 320 units wide, about the width of a 360 px phone after the page margins,
# so that its 12-unit text is read at about the size it is drawn.
WIDTH = 320
FONT = 12
LABEL_HEIGHT = 18
BAR_HEIGHT = 14
BAR_GAP = 3
GROUP_GAP = 8
VALUE_ROOM = 104
LEGEND_HEIGHT = 22
TREND_HEIGHT = 180
TREND_TOP = 34
TREND_BOTTOM = 22
# Colours with at least 4.5:1 contrast on white, told apart by the legend's words too.
COLOURS = ("#0b4a9e", "#b35900", "#1d6b3a", "#595959")


@dataclass(frozen=True)
class Series:
    name: str
    values: list  # Decimal, or None where there is nothing yet (a month still to come)


def _number(value) -> str:
    """A coordinate, short: 12.3 rather than 12.300000000001."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _svg(chart_id: str, title: str, height: float, body: SafeString) -> SafeString:
    return format_html(
        '<svg class="chart" id="{}" role="img" aria-labelledby="{}-t" viewBox="0 0 {} {}" '
        'width="100%" font-size="{}" '
        'font-family="system-ui,sans-serif"><title id="{}-t">{}</title>{}</svg>',
        chart_id,
        chart_id,
        WIDTH,
        _number(height),
        FONT,
        chart_id,
        title,
        body,
    )


def _legend(series: list[Series]) -> SafeString:
    if len(series) < 2:
        return mark_safe("")  # noqa: S308 - an empty string
    x, parts = 0, []
    for index, one in enumerate(series):
        parts.append((x, COLOURS[index], x + 16, one.name))
        x += 28 + FONT * len(one.name)
    return format_html_join(
        "",
        '<rect x="{}" y="4" width="12" height="12" fill="{}"/><text x="{}" y="15">{}</text>',
        parts,
    )


def _bar(x: float, y: float, width: float, colour: str, text: str) -> SafeString:
    return format_html(
        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/><text x="{}" y="{}">{}</text>',
        _number(x),
        _number(y),
        _number(width),
        BAR_HEIGHT,
        colour,
        _number(x + width + 4),
        _number(y + BAR_HEIGHT - 3),
        text,
    )


def bar_chart(*, chart_id: str, title: str, labels: list[str], series: list[Series]) -> SafeString:
    """Horizontal bars, one group per label (a category), one bar per series (income, budget…).

    A None value draws no bar (an income category has no expenditure). Bars grow from zero;
    a negative amount (a refund larger than the spending) is drawn as a zero-length bar and its
    figure keeps its minus sign.
    """
    largest = max((v for one in series for v in one.values if v is not None), default=0)
    scale = (WIDTH - VALUE_ROOM) / largest if largest > 0 else 0
    y = LEGEND_HEIGHT if len(series) > 1 else 0
    parts = [_legend(series)]
    for row, label in enumerate(labels):
        parts.append(format_html('<text x="0" y="{}">{}</text>', _number(y + FONT + 2), label))
        y += LABEL_HEIGHT
        for index, one in enumerate(series):
            value = one.values[row]
            if value is None:
                continue
            width = float(max(value, Decimal(0)) * Decimal(scale))
            parts.append(_bar(0, y, width, COLOURS[index], format_money(value)))
            y += BAR_HEIGHT + BAR_GAP
        y += GROUP_GAP
    return _svg(chart_id, title, y, mark_safe("".join(parts)))  # noqa: S308 - escaped above


def trend_chart(
    *, chart_id: str, title: str, labels: list[str], series: list[Series]
) -> SafeString:
    """Lines over the months of a year, with a dot per month that has figures."""
    values = [v for one in series for v in one.values if v is not None]
    largest = max([Decimal(0), *values])
    smallest = min([Decimal(0), *values])
    span = float(largest - smallest) or 1.0
    plot_height = TREND_HEIGHT - TREND_TOP - TREND_BOTTOM
    step = (WIDTH - 16) / max(len(labels) - 1, 1)

    def x_of(index: int) -> float:
        return 8 + index * step

    def y_of(value: Decimal) -> float:
        return TREND_TOP + plot_height * float(largest - value) / span

    zero = y_of(Decimal(0))
    parts = [
        _legend(series),
        format_html('<text x="0" y="{}">{}</text>', TREND_TOP - 4, format_money(largest)),
        format_html(
            '<line x1="0" y1="{}" x2="{}" y2="{}" stroke="#595959"/>',
            _number(zero),
            WIDTH,
            _number(zero),
        ),
    ]
    for index, label in enumerate(labels):
        parts.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="middle">{}</text>',
                _number(x_of(index)),
                TREND_HEIGHT - 6,
                label,
            )
        )
    for colour, one in zip(COLOURS, series, strict=False):
        points = [(x_of(i), y_of(v)) for i, v in enumerate(one.values) if v is not None]
        if not points:
            continue
        line = " ".join(f"{_number(x)},{_number(y)}" for x, y in points)
        parts.append(
            format_html(
                '<polyline points="{}" fill="none" stroke="{}" stroke-width="2"/>', line, colour
            )
        )
        parts.append(
            format_html_join(
                "",
                '<circle cx="{}" cy="{}" r="3" fill="{}"/>',
                ((_number(x), _number(y), colour) for x, y in points),
            )
        )
    return _svg(chart_id, title, TREND_HEIGHT, mark_safe("".join(parts)))  # noqa: S308
