"""Rules on contracts: large contracts awarded without competition, rent left unpaid."""

from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.utils.translation import gettext as _

from disclosure.contracts import arrears
from disclosure.contracts.models import AwardMethod, Contract, Direction
from disclosure.contracts.selectors import current_contracts

from .. import selectors
from ..flags import Flag, money, revision_url, whole

WITHOUT_COMPETITION = "contract_without_competition"
RENT_IN_ARREARS = "rent_in_arrears"

# Public bidding and auction put several parties in competition; the others choose one.
NOT_COMPETITIVE = (AwardMethod.NEGOTIATION, AwardMethod.DIRECT_AWARD)


def contract_title(contract: Contract) -> str:
    return _("Contract: %(subject)s with %(counterparty)s") % {
        "subject": contract.subject,
        "counterparty": contract.counterparty,
    }


def contract_without_competition(village_ids, today: date) -> list[Flag]:
    """A contract of at least FLAGS_COMPETITION_THRESHOLD awarded by negotiation or directly."""
    threshold = Decimal(settings.FLAGS_COMPETITION_THRESHOLD)
    contracts = (
        selectors.contracts(village_ids)
        .filter(total_amount__gte=threshold, award_method__in=NOT_COMPETITIVE)
        .order_by("village_id", "start_date", "pk")
    )
    return [
        Flag(
            rule=WITHOUT_COMPETITION,
            village_id=contract.village_id,
            strong=True,
            title=contract_title(contract),
            explanation=_(
                "The contract's total of %(amount)s yuan reaches the threshold of %(threshold)s "
                "yuan for competition, yet the counterparty was chosen by %(method)s, not by "
                "public bidding or auction."
            )
            % {
                "amount": money(contract.total_amount),
                "threshold": whole(threshold),
                "method": contract.get_award_method_display().lower(),
            },
            url=revision_url(contract.revision_id),
            on=contract.start_date,
            amount=contract.total_amount,
            posting_id=contract.revision.posting_id,
            subject=f"contract/{contract.revision.posting_id}",
        )
        for contract in contracts
    ]


def rent_in_arrears(village_ids, today: date) -> list[Flag]:
    """An income contract (lease, contracting out) with an instalment unpaid for more than
    FLAGS_ARREARS_GRACE_DAYS after it fell due; payments settle the earliest instalments first,
    as in contracts.arrears."""
    grace = settings.FLAGS_ARREARS_GRACE_DAYS
    # Judged as of the last day of grace: what fell due before it is more than `grace` days late.
    cutoff = today - timedelta(days=grace)
    contracts = current_contracts().filter(
        village_id__in=list(village_ids), direction=Direction.INCOME
    )
    flags = []
    for contract in contracts:
        schedule = [(i.due_date, i.amount) for i in contract.revision.instalments.all()]
        late = [
            instalment
            for instalment in arrears.standing(schedule, contract.paid, cutoff).instalments
            if instalment.status == arrears.Status.OVERDUE
        ]
        if late:
            flags.append(_arrears_flag(contract, late, today, grace))
    return sorted(flags, key=lambda flag: (flag.village_id, flag.on))


def _arrears_flag(contract: Contract, late: list, today: date, grace: int) -> Flag:
    owed = sum((instalment.outstanding for instalment in late), Decimal(0))
    oldest = late[0]
    return Flag(
        rule=RENT_IN_ARREARS,
        village_id=contract.village_id,
        strong=True,
        title=contract_title(contract),
        explanation=_(
            "%(owed)s yuan of rent is unpaid more than %(grace)s days after falling due: "
            "%(count)s instalments, the oldest due on %(due)s (%(days)s days ago)."
        )
        % {
            "owed": money(owed),
            "grace": grace,
            "count": len(late),
            "due": oldest.due_date.isoformat(),
            "days": (today - oldest.due_date).days,
        },
        url=revision_url(contract.revision_id),
        on=oldest.due_date,
        amount=owed,
        posting_id=contract.revision.posting_id,
        subject=f"contract/{contract.revision.posting_id}",
    )
