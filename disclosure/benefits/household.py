"""查询本户: a household finds its own entries with its name, identity number and slip code.

A wrong answer of any kind (no such person, a wrong name, a wrong code) gives the same empty
result, so the lookup tells nobody whether a person is on any list. Every lookup is counted per
address and every empty one per identity number; each is written to the audit log without the
identity number. Each entry shown is proved against the commitments in the chain, so entries of
lists whose personal values have been removed are found and proved alike.
"""

import datetime
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from disclosure.publishing.audit import record
from disclosure.publishing.models import posting_is_in_force, revision_is_published
from disclosure.reports import services as reports
from disclosure.reports.models import ReportCategory
from disclosure.web import limits

from . import slips
from .models import NonReceipt, Recipient, Slip, Unit
from .personal import commitment

WRONG_CODES_WINDOW = datetime.timedelta(days=1)
# Kinds of attempts the limiter (web/limits.py) counts: lookups by address, and lookups that found
# nothing by the identity number tried, so that nobody can guess a household's code.
LOOKUP = "household lookup"
WRONG_SLIP = "household lookup found nothing"


@dataclass(frozen=True)
class Entry:
    """One row of a published list, proved to be the household's own."""

    recipient_id: int
    village: str
    title: str
    url: str
    digest: str
    published_on: datetime.date
    group: str
    benefit: str
    period: str
    amount: Decimal
    quantity: Decimal | None
    unit: str


def _checked_inputs(identity_number: str, code: str) -> tuple[str, str]:
    errors = {}
    identity = slips.normalise_identity(identity_number)
    if identity is None:
        errors["identity_number"] = _(
            "An identity number has 18 characters; the last one is a digit or X."
        )
    normalised_code = slips.normalise_code(code)
    if normalised_code is None:
        errors["code"] = _("The code on the slip has 8 letters and digits, like 7K2M-Q4PX.")
    if errors:
        raise ValidationError(errors)
    return identity, normalised_code


def _refuse_when_over_limits(ip: str | None, identity: str) -> None:
    if limits.free_at(kind=LOOKUP, who=ip, limit=settings.BENEFITS_LOOKUPS_PER_HOUR):
        raise ValidationError(
            _("Too many lookups were made from your network in the last hour; try again later.")
        )
    wrong = settings.BENEFITS_WRONG_CODES_PER_DAY
    if limits.free_at(kind=WRONG_SLIP, who=identity, limit=wrong, window=WRONG_CODES_WINDOW):
        raise ValidationError(
            _("Too many lookups with this identity number found nothing today; try tomorrow.")
        )


def find_household(*, name: str, identity_number: str, code: str, ip=None) -> list[Entry]:
    """The household's entries in current published lists, newest first; [] for any wrong answer."""
    identity, normalised_code = _checked_inputs(identity_number, code)
    _refuse_when_over_limits(ip, identity)
    limits.note(kind=LOOKUP, who=ip)
    name = unicodedata.normalize("NFKC", name or "").strip()
    entries = [
        _entry(slip.recipient)
        for slip in _slips_of(identity)
        if _proves(slip, name, identity, normalised_code)
    ]
    if not entries:
        limits.note(kind=WRONG_SLIP, who=identity)
    record(by=None, action="benefits.lookup", ip=ip, found=len(entries))
    return sorted(entries, key=lambda entry: entry.published_on, reverse=True)


def _slips_of(identity: str):
    """Slips of the rows of current revisions of published lists (not drafts, not superseded)."""
    return (
        Slip.objects.filter(
            posting_is_in_force("recipient__revision__posting"),
            revision_is_published("recipient__revision"),
            person_key=slips.person_key(identity),
            recipient__revision__posting__current_id=F("recipient__revision_id"),
        )
        .select_related("recipient__revision__posting", "recipient__village")
        .order_by("pk")
    )


def _proves(slip: Slip, name: str, identity: str, code: str) -> bool:
    salts = slips.unseal(slip.sealed, identity_number=identity, code=code)
    if salts is None:
        return False
    name_salt, identity_salt = salts
    recipient = slip.recipient
    return (
        commitment(identity_salt, identity) == recipient.identity_commitment
        and commitment(name_salt, name) == recipient.name_commitment
    )


def _entry(recipient) -> Entry:
    revision = recipient.revision
    return Entry(
        recipient_id=recipient.pk,
        village=recipient.village.name,
        title=revision.title,
        url=revision.get_absolute_url(),
        digest=revision.digest,
        published_on=timezone.localdate(revision.published_at),
        group=recipient.group,
        benefit=recipient.label,
        period=recipient.period,
        amount=recipient.amount,
        quantity=recipient.quantity,
        unit=str(Unit(recipient.unit).label) if recipient.unit else "",
    )


def _report_text(entry: Entry, note: str) -> str:
    text = _(
        "Reported from the household lookup: this household says it did not receive this "
        "payment. List: %(title)s (%(url)s), village group %(group)s, %(benefit)s, "
        "%(period)s, %(amount)s yuan."
    ) % {
        "title": entry.title,
        "url": entry.url,
        "group": entry.group,
        "benefit": entry.benefit,
        "period": entry.period,
        "amount": f"{entry.amount:,.2f}",
    }
    return f"{text}\n{note.strip()}" if note.strip() else text


@transaction.atomic
def report_not_received(
    *, recipient_id: int, proven: list[int], note: str = "", ip=None
) -> tuple[NonReceipt, str]:
    """A report to the township with the entry attached, and its tracking code.

    Only an entry the household proved in this session can be reported, once.
    """
    if recipient_id not in proven:
        raise ValidationError(_("Look up your household again before reporting an entry."))
    recipient = Recipient.objects.select_related("revision__posting", "village").get(
        pk=recipient_id
    )
    if recipient.non_receipts.exists():
        raise ValidationError(_("This payment has already been reported as not received."))
    filing = reports.Filing(
        village=recipient.village,
        category=ReportCategory.BENEFITS,
        text=_report_text(_entry(recipient), note[:1000]),
        anonymous=True,
    )
    report, code = reports.file_report(filing=filing, ip=ip)
    non_receipt = NonReceipt.objects.create(
        recipient=recipient, report=report, village=recipient.village
    )
    record(by=None, action="benefits.not_received", village=recipient.village, target=str(report))
    return non_receipt, code
