from django import template
from django.core.cache import caches
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from ..money import format_money
from ..views.content import period_context

register = template.Library()


@register.filter
def money(value) -> str:
    return format_money(value)


@register.simple_tag
def period_content(revision) -> str:
    """Everything the period page shows of a revision, drafts in the staff preview included.

    A published revision can never change, so its rendering is kept, once per language.
    """
    if not revision.is_published:
        return _rendered(revision)
    key = f"period:{revision.pk}:{get_language()}"
    kept = caches["revisions"]
    html = kept.get(key)
    if html is None:
        html = _rendered(revision)
        kept.set(key, html)
    return mark_safe(html)  # noqa: S308 - rendered from our template, escaped there


def _rendered(revision) -> str:
    return render_to_string("finance/includes/period_content.html", period_context(revision))
