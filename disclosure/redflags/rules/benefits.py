"""Rule on benefits paid otherwise than listed: a township's disbursement files (一卡通) against
the published lists, as benefits.reconciliation matches them. Each mismatch is a flag."""

from datetime import date

from django.urls import reverse
from django.utils.translation import gettext as _

from disclosure.benefits.models import Disbursement
from disclosure.benefits.reconciliation import (
    AMOUNT_DIFFERS,
    LISTED_NOT_PAID,
    PAID_LATE,
    PAID_NOT_LISTED,
    Mismatch,
    reconcile,
)
from disclosure.regions.models import Region

from ..flags import Flag, money, revision_url

BENEFIT_PAYMENTS = "benefit_payments"


def _listed(mismatch: Mismatch) -> dict:
    entry = mismatch.listed
    return {
        "title": entry.title,
        "position": entry.position,
        "benefit": mismatch.benefit,
        "period": entry.period,
        "listed": money(entry.amount),
    }


def _paid(mismatch: Mismatch, file: str) -> dict:
    payment = mismatch.paid
    return {
        "file": file,
        "row": payment.row,
        "benefit": mismatch.benefit,
        "paid": money(payment.amount),
        "on": payment.paid_on.isoformat(),
    }


def _explain(mismatch: Mismatch, disbursement: Disbursement) -> str:
    file = disbursement.filename
    if mismatch.kind == LISTED_NOT_PAID:
        return _(
            "Line %(position)d of “%(title)s” (%(benefit)s, %(period)s) lists %(listed)s yuan; "
            "the disbursement file %(file)s has no payment for this person."
        ) % {**_listed(mismatch), "file": file}
    if mismatch.kind == PAID_NOT_LISTED:
        return _(
            "Row %(row)d of the disbursement file %(file)s pays %(paid)s yuan of %(benefit)s on "
            "%(on)s to a person on no list published from %(from)s to %(to)s."
        ) % {
            **_paid(mismatch, file),
            "from": disbursement.lists_from.isoformat(),
            "to": disbursement.lists_to.isoformat(),
        }
    if mismatch.kind == AMOUNT_DIFFERS:
        return _(
            "Line %(position)d of “%(title)s” (%(benefit)s, %(period)s) lists %(listed)s yuan; "
            "row %(row)d of the disbursement file %(file)s paid %(paid)s yuan on %(on)s."
        ) % {**_listed(mismatch), **_paid(mismatch, file)}
    if mismatch.kind == PAID_LATE:
        return _(
            "Line %(position)d of “%(title)s” (%(benefit)s, %(period)s), public from %(start)s, "
            "was paid on %(on)s (row %(row)d of %(file)s): %(days)d days later."
        ) % {
            **_listed(mismatch),
            **_paid(mismatch, file),
            "start": mismatch.listed.start.isoformat(),
            "days": (mismatch.paid.paid_on - mismatch.listed.start).days,
        }
    if mismatch.detail == "shared":
        sentence = _(
            "Row %(row)d of the disbursement file %(file)s pays %(paid)s yuan of %(benefit)s on "
            "%(on)s into an account that also receives another person's payments."
        )
    else:
        sentence = _(
            "Row %(row)d of the disbursement file %(file)s pays %(paid)s yuan of %(benefit)s on "
            "%(on)s into an account held by someone other than the payee."
        )
    return sentence % _paid(mismatch, file)


def _flag(mismatch: Mismatch, disbursement: Disbursement) -> Flag:
    listed, paid = mismatch.listed, mismatch.paid
    if listed is not None:
        url, posting_id = revision_url(listed.revision_id), listed.posting_id
    else:
        url = reverse("benefits_staff:disbursement", args=[disbursement.pk])
        posting_id = None
    return Flag(
        rule=BENEFIT_PAYMENTS,
        village_id=mismatch.village_id,
        strong=True,
        title=f"{mismatch.label}: {mismatch.benefit}",
        explanation=_explain(mismatch, disbursement),
        url=url,
        on=paid.paid_on if paid else listed.start,
        amount=(paid or listed).amount,
        posting_id=posting_id,
    )


def benefit_payments(village_ids, today: date) -> list[Flag]:
    village_ids = set(village_ids)
    townships = Region.objects.filter(pk__in=village_ids).values("parent_id")
    files = Disbursement.objects.filter(township_id__in=townships)
    flags = []
    for disbursement in files.select_related("township").order_by("pk"):
        result = reconcile(disbursement, village_ids)
        flags += [_flag(mismatch, disbursement) for mismatch in result.mismatches]
    return flags
