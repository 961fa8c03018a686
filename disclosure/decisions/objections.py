"""Villagers' objections during the public-notice period, their moderation and their answers.

Anyone may object without an account; the supervision committee of the village lists or rejects
each objection before villagers see it; the clerk or a supervisor answers it. Implementation waits
until every objection is moderated and every listed one answered (see implementation.py). A
listed objection is a public record (publishing/records.py): listing it and answering it each
append its leaf to the county's transparency log.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from disclosure import clock
from disclosure.publishing import records
from disclosure.publishing.audit import record
from disclosure.publishing.masking import mask_text
from disclosure.regions.access import Action, may_answer_objection, require
from disclosure.web import limits

from . import rules
from .models import Matter, Objection, ObjectionStatus
from .states import notice_remaining


def _clean(text: str) -> str:
    return mask_text((text or "").replace("\r\n", "\n").strip())


@transaction.atomic
def lodge_objection(*, matter: Matter, text: str, name: str = "", ip=None) -> Objection:
    """A villager's objection, open to anyone while the public-notice period runs."""
    matter = (
        Matter.objects.select_for_update(of=("self",))
        .select_related("resolution")
        .get(pk=matter.pk)
    )
    if notice_remaining(matter) is None:
        raise ValidationError(
            _("Objections can be lodged only while the resolution is in public notice.")
        )
    text, name = _clean(text), _clean(name)
    errors = {}
    if not text:
        errors["text"] = _("Please write your objection.")
    elif len(text) > rules.OBJECTION_MAX_CHARS:
        errors["text"] = _("An objection may be at most %(limit)s characters long.") % {
            "limit": rules.OBJECTION_MAX_CHARS
        }
    if len(name) > rules.OBJECTION_NAME_MAX_CHARS:
        errors["name"] = _("A name may be at most %(limit)s characters long.") % {
            "limit": rules.OBJECTION_NAME_MAX_CHARS
        }
    if errors:
        raise ValidationError(errors)
    limits.check(
        kind="objection",
        who=ip,
        limit=rules.objections_per_hour(),
        message=_(
            "Too many objections were sent from your network in the last hour; please try later."
        ),
    )
    return Objection.objects.create(matter=matter, village=matter.village, name=name, text=text)


def _lock(objection: Objection) -> Objection:
    return Objection.objects.select_for_update().get(pk=objection.pk)


@transaction.atomic
def moderate_objection(*, objection: Objection, approve: bool, by, ip=None) -> Objection:
    """The supervision committee lists an objection publicly, or rejects it (abuse, off topic)."""
    objection = _lock(objection)
    require(by, Action.REVIEW, objection)
    if objection.status != ObjectionStatus.PENDING:
        raise ValidationError(_("This objection has already been moderated."))
    objection.status = ObjectionStatus.APPROVED if approve else ObjectionStatus.REJECTED
    objection.moderated_by = by
    objection.moderated_at = clock.now()
    if approve:
        records.publish("objection", objection)
    else:
        objection.save()
    record(
        by=by,
        action="objection.approve" if approve else "objection.reject",
        village=objection.village,
        target=str(objection.matter),
        ip=ip,
        objection=objection.pk,
    )
    return objection


@transaction.atomic
def answer_objection(*, objection: Objection, text: str, by, ip=None) -> Objection:
    """The village's answer, published beside the listed objection; given once, then kept."""
    objection = _lock(objection)
    if not may_answer_objection(by, objection):
        raise PermissionDenied
    if objection.status != ObjectionStatus.APPROVED:
        raise ValidationError(
            _("Only an objection listed by the supervision committee is answered.")
        )
    if objection.answer:
        raise ValidationError(_("This objection has already been answered."))
    text = _clean(text)
    if not text:
        raise ValidationError({"answer": _("Please write the answer.")})
    objection.answer = text
    objection.answered_by = by
    objection.answered_by_name = by.public_name
    objection.answered_at = clock.now()
    records.publish("objection", objection)
    record(
        by=by,
        action="objection.answer",
        village=objection.village,
        target=str(objection.matter),
        ip=ip,
        objection=objection.pk,
    )
    return objection
