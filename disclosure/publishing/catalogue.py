"""The disclosure catalogue (村务公开目录): the sections a village publishes and their kinds.

Later apps (finance, assets, decisions) publish their kinds through the same lifecycle; the
catalogue names every section the law asks for so the village page can show what is missing.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Section(models.TextChoices):
    FINANCE = "finance", _("Finances")
    BENEFITS = "benefits", _("Policy benefits")
    ASSETS = "assets", _("Collective assets and resources")
    CONTRACTS = "contracts", _("Contracts")
    DECISIONS = "decisions", _("Major decisions")
    POWERS = "powers", _("Small powers and procedures")
    NOTICES = "notices", _("Notices and audit reports")


class Kind(models.TextChoices):
    NOTICE = "notice", _("Notice")
    AUDIT_REPORT = "audit_report", _("Audit report")
    POWER_LIST = "power_list", _("List of small powers")
    FINANCE_PERIOD = "finance_period", _("Income and expenditure of a period")
    BUDGET = "budget", _("Annual budget")
    BENEFIT_LIST = "benefit_list", _("List of benefit recipients")
    ASSET_REGISTER = "asset_register", _("Register of assets and resources")
    CONTRACT = "contract", _("Contract")
    PROJECT = "project", _("Construction or purchase project")
    RESOLUTION = "resolution", _("Resolution of a major matter")
    DECISION_RESULT = "decision_result", _("Result of a major matter")


SECTION_OF_KIND = {
    Kind.NOTICE: Section.NOTICES,
    Kind.AUDIT_REPORT: Section.NOTICES,
    Kind.POWER_LIST: Section.POWERS,
    Kind.FINANCE_PERIOD: Section.FINANCE,
    Kind.BUDGET: Section.FINANCE,
    Kind.BENEFIT_LIST: Section.BENEFITS,
    Kind.ASSET_REGISTER: Section.ASSETS,
    Kind.CONTRACT: Section.CONTRACTS,
    Kind.PROJECT: Section.CONTRACTS,
    Kind.RESOLUTION: Section.DECISIONS,
    Kind.DECISION_RESULT: Section.DECISIONS,
}


def section_of(kind: str) -> Section:
    return SECTION_OF_KIND[kind]
