import datetime

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from disclosure import clock

from .. import glance, yearly
from ..models import LedgerEntry
from ..money import format_money, format_plain_money
from ..views import lines
from ..views.content import period_context

register = template.Library()


@register.filter
def money(value) -> str:
    return format_money(value)


@register.simple_tag(takes_context=True)
def period_content(context, revision) -> str:
    """Everything the period page shows of a revision, drafts in the staff preview included.

    A published revision's rendering is kept with the rest of its content (portal/content.py).
    """
    unfolded = context.get("unfolded", False)
    html = render_to_string(
        "finance/includes/period_content.html", {**period_context(revision), "unfolded": unfolded}
    )
    return mark_safe(html)  # noqa: S308 - rendered from our template, escaped there


@register.simple_tag
def entry_amounts(entry) -> str:
    """An entry's amounts in words, reversals (冲红) said as such (views.lines)."""
    return lines.entry_amounts(entry.income, entry.expenditure)


@register.filter
def plain_money(value) -> str:
    """An amount as one says it, rounded to the yuan: 12.8万元, 8,560元, or ¥8,560 in English."""
    return format_plain_money(value)


@register.simple_tag(takes_context=True)
def money_glance(context, village):
    """This year's and last year's money of the village, from checked periods (glance.py)."""
    found = glance.money_glance(village, clock.today())
    if found.unverified:
        context["request"].content_unverified = True
    return found


@register.simple_tag
def overdue_periods(village) -> list:
    """Periods of this year and last whose disclosure is past due and not yet published; none
    that ended before the village joined the portal, as the township's calendar counts them."""
    today = clock.today()
    joined = village.joined_on or datetime.date.min
    late = []
    for year in (today.year - 1, today.year):
        rows = yearly.standings(village, year, today)
        late += [
            (year, row)
            for row in rows
            if row.standing == yearly.Standing.OVERDUE and row.end >= joined
        ]
    return late


@register.simple_tag(takes_context=True)
def draft_steps(context, revision) -> str:
    """What a clerk does next with a period's draft: check what was imported, add vouchers,
    submit; with how many entries still have no voucher."""
    entries = LedgerEntry.objects.filter(revision=revision)
    steps = {
        "revision": revision,
        "entries": entries.count(),
        "without_voucher": entries.filter(vouchers__isnull=True).count(),
        "may_submit": context.get("may_submit"),
    }
    html = render_to_string("finance/staff/draft_steps.html", steps, context.get("request"))
    return mark_safe(html)  # noqa: S308 - rendered from our template, escaped there
