"""A reversal (冲红) is said in words, not left as a bare minus sign."""

import pytest

from disclosure.finance.views.lines import entry_amounts

from .ledgers import CLEANER, FEE, Line, page, published_period

REVERSAL = Line(
    "冲红：退回多付的材料款", "532", "公益支出", "public_welfare", expenditure="-3150.00"
)


def test_a_reversed_expenditure_is_named_on_the_period_page(village_a, clerk_a, supervisor_a):
    revision = published_period(village_a, clerk_a, supervisor_a, lines=[FEE, CLEANER, REVERSAL])

    html = page(revision.posting.get_absolute_url())

    assert "冲红：冲减以前的支出 ¥3,150.00" in html
    assert "支 −¥3,150.00" not in html


@pytest.mark.usefixtures("english")
def test_a_reversed_income_says_what_was_taken_off():
    assert entry_amounts(-500, 0) == "reversal (冲红) of earlier income: ¥500.00 taken off"
    assert entry_amounts(1200, 0) == "in ¥1,200.00"
