from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FinanceConfig(AppConfig):
    name = "disclosure.finance"
    verbose_name = _("Finances")

    def ready(self):
        from disclosure.portal import slots
        from disclosure.publishing import kinds
        from disclosure.publishing.catalogue import Section

        from . import models, purposes
        from .services import content, publication

        kinds.register(
            models.FinanceKind.FINANCE_PERIOD,
            section=Section.FINANCE,
            rows=content.period_rows,
            subject=content.period_subject,
            template="finance/period.html",
            check=content.check_period,
            copy=content.copy_period,
            prepare=publication.store_totals,
            verify=publication.period_problem,
            row_key=content.period_row_key,
            presentation=purposes.presentation_key,
            content=[models.LedgerEntry, models.Balance, models.Voucher],
            derived=[models.PeriodTotal, models.PeriodSummary],
        )
        kinds.register(
            models.FinanceKind.BUDGET,
            section=Section.FINANCE,
            rows=content.budget_rows,
            subject=content.budget_subject,
            template="finance/budget.html",
            check=content.check_budget,
            copy=content.copy_budget,
            verify=content.budget_problem,
            row_key=content.budget_row_key,
            content=[models.BudgetLine],
        )
        slots.add("section_top", "finance/includes/village_link.html", section=Section.FINANCE)
        slots.add("glance", "finance/includes/glance.html")
