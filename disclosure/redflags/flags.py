"""What a red flag says. Flags are computed from published data and the clock; what is done
about one is its case (models.FlagCase), found by the flag's key."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.urls import reverse


@dataclass(frozen=True)
class Flag:
    rule: str
    village_id: int
    # False only for a related-party match on the name alone, which may be a namesake.
    strong: bool
    title: str
    explanation: str
    url: str
    on: date | None
    amount: Decimal | None
    posting_id: int | None
    # What the flag is about within its rule, the same from day to day and across corrections of
    # the posting (a voucher, a contract, a matter), so that its case (cases.py) follows it.
    subject: str = ""

    @property
    def key(self) -> str:
        """The flag's identity within its village: the rule and its subject."""
        subject = self.subject or f"{self.posting_id or 0}/{self.on or ''}"
        return f"{self.rule}/{subject}"


def money(amount: Decimal) -> str:
    """68,000.00: the figures of an explanation as a village account book writes them."""
    return f"{amount:,.2f}"


def whole(amount) -> str:
    """50,000: thresholds are whole yuan."""
    return f"{int(amount):,}"


def revision_url(revision_id: int) -> str:
    return reverse("workspace:revision", args=[revision_id])
