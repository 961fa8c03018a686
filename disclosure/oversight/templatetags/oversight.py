"""Correction orders where others' pages show them: the public posting page and the workspace."""

from django import template

from disclosure.publishing import records
from disclosure.publishing.models import PostingStatus
from disclosure.regions.access import Action, can
from disclosure.transparency import services as log

from ..models import CorrectionOrder
from ..orders import orders_of

# The name correction orders are registered under as public records (publishing/records.py).
RECORD = "correction_order"

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


@register.simple_tag(takes_context=True)
def open_orders_of_village(context, village) -> list[CorrectionOrder]:
    """The village's correction orders not yet carried out, for the top of its page. Each is a
    public record: one whose digest no longer matches is left out and the page is kept by no
    cache (portal/content.py)."""
    orders = list(
        CorrectionOrder.objects.public()
        .open()
        .filter(village=village)
        .select_related("posting__current")
        .order_by("ordered_at", "pk")
    )
    logged = log.logged_among(village=village, digests=[o.record_digest for o in orders])
    checked = []
    for order in orders:
        if records.state_problem(RECORD, order, logged=order.record_digest in logged) is None:
            checked.append(order)
        else:
            context["request"].content_unverified = True
    return checked
