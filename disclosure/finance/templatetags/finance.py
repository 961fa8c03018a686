from django import template

from ..money import format_money
from ..views.content import period_context

register = template.Library()


@register.filter
def money(value) -> str:
    return format_money(value)


@register.inclusion_tag("finance/includes/period_content.html")
def period_content(revision):
    """Everything the period page shows of a revision, drafts in the staff preview included."""
    return period_context(revision)
