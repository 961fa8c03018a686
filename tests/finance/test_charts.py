from decimal import Decimal
from xml.etree import ElementTree

import pytest

from disclosure.finance.charts import Series, bar_chart, trend_chart

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ElementTree.Element:
    # Inline SVG in HTML needs no namespace; give it one to parse it as XML.
    namespaced = svg.replace("<svg ", f'<svg xmlns="{SVG[1:-1]}" ', 1)
    return ElementTree.fromstring(namespaced)  # noqa: S314 - our own markup


def texts(root) -> list[str]:
    return [element.text for element in root.iter(f"{SVG}text")]


def test_a_bar_chart_is_an_image_with_a_title_and_no_script():
    svg = bar_chart(
        chart_id="c1",
        title="收支分类",
        labels=["经营收入"],
        series=[Series("收入", [Decimal("1234.50")])],
    )
    root = parse(svg)
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == "收支分类"
    assert root.get("aria-labelledby") == "c1-t"
    assert "<script" not in svg


def test_a_bar_chart_prints_every_amount_exactly_as_the_table_does():
    svg = bar_chart(
        chart_id="c1",
        title="收支分类",
        labels=["管理费用", "公益支出"],
        series=[Series("支出", [Decimal("1234.50"), Decimal("98765.01")])],
    )
    assert {"管理费用", "公益支出", "¥1,234.50", "¥98,765.01"} <= set(texts(parse(svg)))


def test_bars_are_as_long_as_their_amounts_in_proportion():
    svg = bar_chart(
        chart_id="c1",
        title="t",
        labels=["甲", "乙"],
        series=[Series("支出", [Decimal("100"), Decimal("50")])],
    )
    widths = [float(rect.get("width")) for rect in parse(svg).iter(f"{SVG}rect")]
    assert widths[0] == pytest.approx(2 * widths[1], abs=0.1)


def test_two_series_get_a_legend_with_their_names():
    svg = bar_chart(
        chart_id="c1",
        title="预算执行",
        labels=["管理费用"],
        series=[Series("预算", [Decimal("100")]), Series("实际", [Decimal("80")])],
    )
    assert {"预算", "实际"} <= set(texts(parse(svg)))


def test_a_negative_amount_keeps_its_minus_sign_and_draws_no_bar():
    svg = bar_chart(
        chart_id="c1", title="t", labels=["其他支出"], series=[Series("支出", [Decimal("-20")])]
    )
    root = parse(svg)
    assert "−¥20.00" in texts(root)
    assert float(next(root.iter(f"{SVG}rect")).get("width")) == 0


def test_text_in_labels_is_escaped():
    svg = bar_chart(
        chart_id="c1", title="<b>", labels=["<script>"], series=[Series("x", [Decimal(1)])]
    )
    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg


def test_a_trend_chart_draws_one_dot_per_month_with_figures():
    months = [f"{m}" for m in range(1, 13)]
    income = [Decimal(m * 100) for m in range(1, 4)] + [None] * 9
    svg = trend_chart(
        chart_id="t1", title="月度走势", labels=months, series=[Series("收入", income)]
    )
    root = parse(svg)
    assert len(list(root.iter(f"{SVG}circle"))) == 3
    assert len(list(root.iter(f"{SVG}polyline"))) == 1
    assert "¥300.00" in texts(root)


def test_a_higher_month_is_drawn_higher():
    svg = trend_chart(
        chart_id="t1",
        title="t",
        labels=["1", "2"],
        series=[Series("收入", [Decimal("10"), Decimal("90")])],
    )
    first, second = (float(c.get("cy")) for c in parse(svg).iter(f"{SVG}circle"))
    assert second < first


def test_a_year_without_figures_still_draws_an_empty_chart():
    svg = trend_chart(
        chart_id="t1", title="t", labels=["1", "2"], series=[Series("收入", [None, None])]
    )
    root = parse(svg)
    assert not list(root.iter(f"{SVG}circle"))
    assert root.get("role") == "img"
