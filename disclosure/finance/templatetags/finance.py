from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

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
