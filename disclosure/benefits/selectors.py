"""Reading benefit lists: the county's policy, the publicity window, and what the public sees.

Every public surface (the page, print view, downloads and API) reads recipients through
`public_view`: names and identity numbers are masked, and withheld after the window, in one place.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from disclosure import clock
from disclosure.publishing.models import revision_is_published
from disclosure.regions.models import Level, Region

from .models import (
    DEFAULT_WINDOW_DAYS,
    BenefitList,
    BenefitType,
    CountyBenefit,
    CountyPolicy,
    NameDisplay,
    Unit,
    benefit_label,
)
from .personal import public_identity_number, public_name


def policies_by_county() -> dict[str, CountyPolicy]:
    """Every county's policy at once, for pages that list many villages' lists."""
    policies = CountyPolicy.objects.select_related("county")
    return {policy.county.code: policy for policy in policies}


def policy_for(village: Region, policies: dict | None = None) -> CountyPolicy:
    """The policy of the village's county; the defaults where the county has set none."""
    county_code = village.code[:6] + "000000"
    if policies is None:
        policy = CountyPolicy.objects.filter(
            county__code=county_code, county__level=Level.COUNTY
        ).first()
    else:
        policy = policies.get(county_code)
    return policy or CountyPolicy(name_display=NameDisplay.SURNAME, window_days=DEFAULT_WINDOW_DAYS)


def county_benefits(village: Region) -> dict[str, str]:
    """The benefits the village's county named itself, each with its unit."""
    county_code = village.code[:6] + "000000"
    rows = CountyBenefit.objects.filter(county__code=county_code).values_list("name", "unit")
    return dict(rows)


def window_end(
    benefit_list: BenefitList, policy: CountyPolicy | None = None
) -> datetime.date | None:
    """The last day on which the recipients' names are public; None before publication."""
    start = benefit_list.start_date()
    if start is None:
        return None
    policy = policy or policy_for(benefit_list.village)
    return start + datetime.timedelta(days=policy.window_days)


def is_within_window(
    benefit_list: BenefitList,
    today: datetime.date | None = None,
    policy: CountyPolicy | None = None,
) -> bool:
    if benefit_list.expired_at is not None:
        return False
    end = window_end(benefit_list, policy)
    return end is None or (today or clock.today()) <= end


def due_for_expiry(today: datetime.date) -> list[BenefitList]:
    lists = BenefitList.objects.filter(
        revision_is_published("revision"), expired_at__isnull=True
    ).select_related("revision", "village")
    return [item for item in lists if not is_within_window(item, today)]


@dataclass(frozen=True)
class Total:
    benefit_type: str
    label: str
    recipients: int
    amount: Decimal
    item: str = ""


@dataclass(frozen=True)
class PublicRecipient:
    position: int
    name: str
    identity_number: str
    group: str
    benefit_type: str
    benefit_label: str
    amount: Decimal
    period: str
    quantity: Decimal | None = None
    unit_label: str = ""

    @property
    def per_unit(self) -> Decimal | None:
        if not self.quantity:
            return None
        return (self.amount / self.quantity).quantize(Decimal("0.01"))


@dataclass
class PublicView:
    """A benefit list as anyone may see it."""

    totals: list[Total]
    recipients_count: int
    total_amount: Decimal
    window_end: datetime.date | None
    expired: bool
    recipients: list[PublicRecipient] = field(default_factory=list)


def totals_of(revision) -> list[Total]:
    """Recipients and amounts per benefit (a county's own benefits apart, by name); reads
    prefetched recipients when there are any."""
    counts: dict[tuple, int] = {}
    amounts: dict[tuple, Decimal] = {}
    for recipient in revision.recipients.all():
        key = (BenefitType.values.index(recipient.benefit_type), recipient.item)
        counts[key] = counts.get(key, 0) + 1
        amounts[key] = amounts.get(key, Decimal("0.00")) + recipient.amount
    totals = []
    for key in sorted(counts):
        kind, item = BenefitType.values[key[0]], key[1]
        totals.append(Total(kind, benefit_label(kind, item), counts[key], amounts[key], item))
    return totals


def _benefit_list_of(revision) -> BenefitList | None:
    try:
        return revision.benefit_list
    except BenefitList.DoesNotExist:
        return None


def public_view(
    revision,
    today: datetime.date | None = None,
    *,
    with_recipients: bool = True,
    policies: dict | None = None,
) -> PublicView:
    totals = totals_of(revision)
    view = PublicView(
        totals=totals,
        recipients_count=sum(total.recipients for total in totals),
        total_amount=sum((total.amount for total in totals), Decimal("0.00")),
        window_end=None,
        expired=True,
    )
    benefit_list = _benefit_list_of(revision)
    if benefit_list is None:
        return view
    policy = policy_for(revision.village, policies)
    view.window_end = window_end(benefit_list, policy)
    view.expired = not is_within_window(benefit_list, today, policy)
    if with_recipients and not view.expired:
        view.recipients = _public_recipients(revision, policy)
    return view


def _public_recipients(revision, policy: CountyPolicy) -> list[PublicRecipient]:
    recipients = revision.recipients.select_related("personal").order_by("position")
    shown = []
    for recipient in recipients:
        personal = getattr(recipient, "personal", None)
        if personal is None:
            continue
        shown.append(
            PublicRecipient(
                position=recipient.position,
                name=public_name(personal.name, policy.name_display),
                identity_number=public_identity_number(personal.identity_number),
                group=recipient.group,
                benefit_type=recipient.benefit_type,
                benefit_label=recipient.label,
                amount=recipient.amount,
                period=recipient.period,
                quantity=recipient.quantity,
                unit_label=Unit(recipient.unit).label if recipient.unit else "",
            )
        )
    return shown
