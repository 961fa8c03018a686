from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FinanceConfig(AppConfig):
    name = "disclosure.finance"
    verbose_name = _("Finances")

    def ready(self):
        from disclosure.publishing import kinds

        from .services import content, publication

        kinds.register(
            "finance_period",
            rows=content.period_rows,
            template="finance/period.html",
            check=content.check_period,
            copy=content.copy_period,
            prepare=publication.store_totals,
        )
        kinds.register(
            "budget",
            rows=content.budget_rows,
            template="finance/budget.html",
            check=content.check_budget,
            copy=content.copy_budget,
        )
