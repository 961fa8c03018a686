"""Correction orders where others' pages show them: the public posting page and the workspace."""

from django import template

from disclosure.publishing.models import PostingStatus
from disclosure.regions.access import Action, can

from ..orders import orders_of

register = template.Library()


@register.inclusion_tag("oversight/includes/notes.html")
def correction_notes(posting):
    """The township's orders on a public posting: open ones with their reason, then done."""
    return {"orders": orders_of(posting)}


@register.inclusion_tag("oversight/includes/staff_orders.html")
def staff_orders(posting, user):
    """Orders on the posting, and the way to give one for those who may."""
    existing = orders_of(posting)
    may_order = (
        posting.status == PostingStatus.PUBLISHED
        and can(user, Action.ORDER_CORRECTION, posting)
        and not any(order.is_open for order in existing)
    )
    return {"orders": existing, "posting": posting, "may_order": may_order}
