"""Rule on payments under contracts: more paid to a contract's counterparty than its value."""

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db.models import F
from django.utils.translation import gettext as _

from disclosure.contracts.models import Direction
from disclosure.contracts.selectors import current_contracts

from ..flags import Flag, money, revision_url, whole
from .contracts import contract_title

OVERPAID = "paid_above_contract_value"


def paid_above_contract_value(village_ids, today: date) -> list[Flag]:
    """An expenditure contract whose recorded payments (reversals deducted) exceed its total by
    more than FLAGS_OVERPAYMENT_TOLERANCE yuan: money left the village beyond what was agreed."""
    tolerance = Decimal(settings.FLAGS_OVERPAYMENT_TOLERANCE)
    contracts = (
        current_contracts()
        .filter(village_id__in=list(village_ids), direction=Direction.EXPENDITURE)
        .filter(paid__gt=F("total_amount") + tolerance)
        .order_by("village_id", "start_date", "pk")
    )
    return [
        Flag(
            rule=OVERPAID,
            village_id=contract.village_id,
            strong=True,
            title=contract_title(contract),
            explanation=_(
                "%(paid)s yuan has been paid under this contract, %(excess)s yuan more than its "
                "total of %(total)s yuan (tolerance %(tolerance)s yuan)."
            )
            % {
                "paid": money(contract.paid),
                "excess": money(contract.paid - contract.total_amount),
                "total": money(contract.total_amount),
                "tolerance": whole(tolerance),
            },
            url=revision_url(contract.revision_id),
            on=contract.start_date,
            amount=contract.paid - contract.total_amount,
            posting_id=contract.revision.posting_id,
            subject=f"contract/{contract.revision.posting_id}",
        )
        for contract in contracts
    ]
