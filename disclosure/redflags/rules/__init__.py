"""The registry of red-flag rules: code → (title, function).

Each rule is a plain function `rule(village_ids, today) -> list[Flag]` reading published data
only, with its thresholds read from settings.FLAGS_* when it runs, and a fixed number of queries
whatever the number of villages.
"""

from django.utils.translation import gettext_lazy as _

from .benefits import benefit_payments
from .bidders import related_bidder
from .competition import same_counterparty_across_villages, single_bid
from .contracts import contract_without_competition, rent_in_arrears
from .decisions import resolution_without_quorum, result_overdue
from .money import large_expenditure_without_decision, split_purchases
from .payments import paid_above_contract_value
from .periods import period_not_disclosed
from .recipients import benefit_recipients
from .related import related_party
from .threepublic import three_public_rose

RULES = {
    "large_expenditure_without_decision": (
        _("Large expenditure without a decision"),
        large_expenditure_without_decision,
    ),
    "split_purchases": (_("Purchases split under the threshold"), split_purchases),
    "contract_without_competition": (
        _("Contract awarded without competition"),
        contract_without_competition,
    ),
    "rent_in_arrears": (_("Rent in arrears"), rent_in_arrears),
    "resolution_without_quorum": (
        _("Carried out without a valid resolution"),
        resolution_without_quorum,
    ),
    "result_overdue": (_("Result disclosure overdue"), result_overdue),
    "period_not_disclosed": (_("Finance period not disclosed"), period_not_disclosed),
    "related_party": (_("Contract or payment to a cadre or relative"), related_party),
    "single_bid": (_("Tender or auction with a single bid"), single_bid),
    "same_counterparty_across_villages": (
        _("Same counterparty across villages of the township"),
        same_counterparty_across_villages,
    ),
    "related_bidder": (_("Losing bid from a cadre or relative"), related_bidder),
    "paid_above_contract_value": (
        _("Paid above the contract's value"),
        paid_above_contract_value,
    ),
    "benefit_payments": (_("Benefit paid otherwise than listed"), benefit_payments),
    "benefit_recipients": (
        _("Benefit listed for someone who should not receive it"),
        benefit_recipients,
    ),
    "three_public_rose": (_("“Three public” spending up on last year"), three_public_rose),
}
