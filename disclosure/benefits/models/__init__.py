"""The benefits app's models: published lists (lists.py), disbursement files (disbursements.py)."""

from .disbursements import Death, Disbursement, DisbursementRow
from .lists import (
    DEFAULT_WINDOW_DAYS,
    UNITS,
    BenefitList,
    BenefitsKind,
    BenefitType,
    CountyBenefit,
    CountyPolicy,
    NameDisplay,
    NonReceipt,
    PersonalValues,
    Recipient,
    Slip,
    Unit,
    benefit_label,
)

__all__ = [
    "DEFAULT_WINDOW_DAYS",
    "UNITS",
    "BenefitList",
    "BenefitsKind",
    "BenefitType",
    "CountyBenefit",
    "CountyPolicy",
    "Death",
    "Disbursement",
    "DisbursementRow",
    "NameDisplay",
    "NonReceipt",
    "PersonalValues",
    "Recipient",
    "Slip",
    "Unit",
    "benefit_label",
]
