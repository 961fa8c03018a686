"""The disclosure catalogue (村务公开目录): the sections a village publishes.

The catalogue names every section the law asks for, so the village page can show what is
missing. Each app registers its kinds of posting under a section (publishing.kinds).
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
    """The kinds publishing holds itself; each domain app registers its own (publishing.kinds)."""

    NOTICE = "notice", _("Notice")
    AUDIT_REPORT = "audit_report", _("Audit report")
    POWER_LIST = "power_list", _("List of small powers")
