from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BenefitsConfig(AppConfig):
    name = "disclosure.benefits"
    verbose_name = _("Policy benefits")

    def ready(self):
        from disclosure.portal import slots
        from disclosure.publishing import kinds
        from disclosure.publishing.catalogue import Section

        from . import content, models

        kinds.register(
            models.BenefitsKind.BENEFIT_LIST,
            section=Section.BENEFITS,
            rows=content.canonical_rows,
            subject=content.subject,
            template="benefits/kinds/benefit_list.html",
            check=content.check_ready,
            copy=content.copy_rows,
            verify=content.personal_values_problem,
            row_key=content.row_key,
            live=True,
            content=[models.Recipient, models.BenefitList],
        )
        slots.add("section_end", "benefits/includes/village_link.html", section=Section.BENEFITS)
        slots.add("glance_ask", "benefits/includes/glance_link.html")
