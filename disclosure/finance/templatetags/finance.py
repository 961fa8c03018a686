from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from ..models import LedgerEntry
from ..money import format_money
from ..views import lines
from ..views.content import period_context

register = template.Library()


@register.filter
def money(value) -> str:
    return format_money(value)


@register.simple_tag
def period_content(revision) -> str:
    """Everything the period page shows of a revision, drafts in the staff preview included.

    A published revision's rendering is kept with the rest of its content (portal/content.py).
    """
    html = render_to_string("finance/includes/period_content.html", period_context(revision))
    return mark_safe(html)  # noqa: S308 - rendered from our template, escaped there


@register.simple_tag
def entry_amounts(entry) -> str:
    """An entry's amounts in words, reversals (冲红) said as such (views.lines)."""
    return lines.entry_amounts(entry.income, entry.expenditure)


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
