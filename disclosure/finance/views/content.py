"""The content of a period's revision, shared by the posting page and the staff preview."""

from django.utils.translation import gettext as _

from disclosure.publishing.models import Revision, RevisionAction, RevisionState

from ..charts import Series, bar_chart
from ..figures import hospitality_entries, period_figures
from ..purposes import expenditure_entries, spending_by_purpose
from ..selectors import listed_entries
from ..services.diff import ledger_diff
from .lines import entry_lines

# The posting page shows this many entries; the rest are on the paginated entries page,
# so that a period of hundreds of entries keeps the page light on a phone.
ENTRIES_ON_PAGE = 30


def category_chart(income: list, spent: list, *, chart_id: str, title: str):
    """Income categories in one colour, expenditure categories in the other, one chart."""
    return bar_chart(
        chart_id=chart_id,
        title=title,
        labels=[line.label for line in income + spent],
        series=[
            Series(_("Income"), [line.amount for line in income] + [None] * len(spent)),
            Series(_("Expenditure"), [None] * len(income) + [line.amount for line in spent]),
        ],
    )


def changes(revision):
    """For a correction: the earlier published revision and what changed in the ledger since."""
    if revision.action != RevisionAction.CORRECTION:
        return None, None
    earlier = (
        Revision.objects.published()
        .filter(posting_id=revision.posting_id, number__lt=revision.number)
        .order_by("-number")
        .first()
    )
    if earlier is None:
        return None, None
    return earlier, ledger_diff(earlier, revision)


def period_context(revision) -> dict:
    earlier, diff = changes(revision)
    figures = period_figures(revision)
    return {
        "revision": revision,
        "figures": figures,
        "chart": category_chart(
            figures.income_lines,
            figures.expenditure_lines,
            chart_id=f"categories-{revision.pk}",
            title=_("Income and expenditure by category"),
        ),
        "purposes": spending_by_purpose(revision, expenditure_entries(revision)),
        "entries": entry_lines(listed_entries(revision)[:ENTRIES_ON_PAGE]),
        "more_entries": figures.entries > ENTRIES_ON_PAGE,
        "hospitality_entries": entry_lines(hospitality_entries(revision)),
        "published": revision.state == RevisionState.PUBLISHED,
        "earlier": earlier,
        "diff": diff,
    }
