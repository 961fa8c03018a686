"""Ordering a correction (责令更正, art. 31): a township official names what is wrong with a
published posting; villagers see the order on the posting until a correction is published.
An order is a public record (publishing/records.py): giving it appends its leaf to the county's
transparency log."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from disclosure.publishing import records
from disclosure.publishing.audit import record
from disclosure.publishing.masking import mask_text
from disclosure.publishing.models import Posting, PostingStatus
from disclosure.publishing.notify import notify
from disclosure.regions.access import Action, require

from .models import CorrectionOrder

REASON_MAX_CHARS = 1000


def _clean(text: str) -> str:
    # The reason is shown publicly: personal data typed into it is masked, as in postings.
    return mask_text((text or "").replace("\r\n", "\n").strip())


@transaction.atomic
def order_correction(*, posting: Posting, reason: str, by, ip=None) -> CorrectionOrder:
    posting = Posting.objects.select_for_update().select_related("village").get(pk=posting.pk)
    require(by, Action.ORDER_CORRECTION, posting)
    if posting.status != PostingStatus.PUBLISHED:
        raise ValidationError(_("Only a published posting can be ordered corrected."))
    reason = _clean(reason)
    if not reason:
        raise ValidationError({"reason": _("Say what must be corrected; villagers will see it.")})
    if len(reason) > REASON_MAX_CHARS:
        raise ValidationError(
            {"reason": _("At most %(limit)s characters.") % {"limit": REASON_MAX_CHARS}}
        )
    if CorrectionOrder.objects.filter(posting=posting).open().exists():
        raise ValidationError(_("This posting already has a correction order not yet carried out."))
    order = CorrectionOrder(
        posting=posting,
        village=posting.village,
        reason=reason,
        ordered_by=by,
        ordered_by_name=by.public_name,
    )
    records.publish("correction_order", order)
    record(
        by=by,
        action="correction.order",
        village=posting.village,
        target=posting.code,
        ip=ip,
        reason=reason,
    )
    notify(
        Action.CORRECT,
        posting.village,
        "oversight/email/order.txt",
        {"order": order, "posting": posting, "title": posting.current.title},
    )
    return order


def orders_of(posting: Posting) -> list[CorrectionOrder]:
    """The posting's orders, oldest first, each knowing whether it was carried out."""
    orders = CorrectionOrder.objects.filter(posting=posting)
    # Nearly every posting has none: the plain question costs far less than building the closure.
    if not orders.exists():
        return []
    return list(orders.with_closure().order_by("ordered_at", "pk"))
