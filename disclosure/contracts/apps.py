from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContractsConfig(AppConfig):
    name = "disclosure.contracts"
    verbose_name = _("Contracts and projects")

    def ready(self):
        from disclosure.portal import slots
        from disclosure.publishing import kinds, records
        from disclosure.publishing.catalogue import Section

        from . import models, projects, services

        kinds.register(
            models.ContractsKind.CONTRACT,
            section=Section.CONTRACTS,
            rows=services.contract_rows,
            subject=services.contract_subject,
            template="contracts/kinds/contract.html",
            check=services.check_contract,
            copy=services.copy_contract,
            row_key=services.contract_row_key,
            live=True,
            content=[models.Contract, models.Instalment, models.Bid],
        )
        kinds.register(
            models.ContractsKind.PROJECT,
            section=Section.CONTRACTS,
            rows=projects.project_rows,
            template="contracts/kinds/project.html",
            check=projects.check_project,
            copy=projects.copy_project,
            row_key=projects.stage_key,
            content=[models.ProjectStage, models.Bid],
        )
        records.register(
            "payment",
            model=models.Payment,
            public=models.Payment.objects.public,
            document=models.Payment.record_document,
            describe=models.Payment.describe,
            title=_("payment"),
            posting="posting",
            related=["posting"],
        )
        slots.add("section_end", "contracts/includes/village_link.html", section=Section.CONTRACTS)
