"""Read-only views for administrators: contracts change through the lifecycle, payments through
the workspace (which audits them), and the database refuses changes to either once recorded.
"""

from django.contrib import admin

from disclosure.web.admin import ReadOnlyAdminMixin

from .models import Contract, Payment, ProjectStage


@admin.register(Contract)
class ContractAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["subject", "counterparty", "village", "start_date", "end_date", "total_amount"]
    list_filter = ["award_method", "direction"]
    search_fields = ["subject", "counterparty", "revision__posting__code"]
    list_select_related = ["village"]


@admin.register(Payment)
class PaymentAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["posting", "village", "paid_on", "amount", "ledger_reference", "recorded_by"]
    search_fields = ["posting__code", "ledger_reference"]
    list_select_related = ["posting", "village", "recorded_by"]


@admin.register(ProjectStage)
class ProjectStageAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["revision", "village", "stage", "date", "amount"]
    list_filter = ["stage"]
    list_select_related = ["revision", "village"]
