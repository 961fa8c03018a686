"""Payment status as of a day: pure functions of a schedule, payments and `today`.

Payments settle the earliest instalments first, as a village's books would: what is paid never
depends on which instalment a clerk meant, so villagers and staff always see the same arrears.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from django.utils.translation import pgettext_lazy

ZERO = Decimal("0.00")


class Status(StrEnum):
    PAID = "paid"
    DUE = "due"
    OVERDUE = "overdue"


STATUS_LABELS = {
    Status.PAID: pgettext_lazy("payment status", "Paid"),
    Status.DUE: pgettext_lazy("payment status", "Due"),
    Status.OVERDUE: pgettext_lazy("payment status", "Overdue"),
}


@dataclass(frozen=True)
class InstalmentStatus:
    due_date: datetime.date
    amount: Decimal
    paid: Decimal
    status: Status

    @property
    def outstanding(self) -> Decimal:
        return self.amount - self.paid

    @property
    def label(self):
        return STATUS_LABELS[self.status]


@dataclass(frozen=True)
class Standing:
    instalments: list[InstalmentStatus]
    paid: Decimal
    arrears: Decimal
    status: Status

    @property
    def label(self):
        return STATUS_LABELS[self.status]

    @property
    def next_due(self) -> InstalmentStatus | None:
        return next((i for i in self.instalments if i.status == Status.DUE), None)


def standing(
    schedule: list[tuple[datetime.date, Decimal]], paid: Decimal, today: datetime.date
) -> Standing:
    """Each instalment's status, and the arrears: what fell due before today and is unpaid."""
    remaining = max(paid, ZERO)
    instalments = []
    for due_date, amount in sorted(schedule):
        settled = min(remaining, amount)
        remaining -= settled
        if settled == amount:
            status = Status.PAID
        elif due_date < today:
            status = Status.OVERDUE
        else:
            status = Status.DUE
        instalments.append(InstalmentStatus(due_date, amount, settled, status))
    arrears = sum((i.outstanding for i in instalments if i.status == Status.OVERDUE), ZERO)
    return Standing(instalments, paid, arrears, _overall(instalments))


def _overall(instalments: list[InstalmentStatus]) -> Status:
    statuses = {i.status for i in instalments}
    if Status.OVERDUE in statuses:
        return Status.OVERDUE
    if Status.DUE in statuses:
        return Status.DUE
    return Status.PAID


def expires_within(end_date: datetime.date, today: datetime.date, days: int) -> bool:
    """Still running today and ending within the next `days` days."""
    return today <= end_date <= today + datetime.timedelta(days=days)
