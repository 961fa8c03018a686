from django.contrib import admin

from disclosure.regions.admin import CountsPublicChanges
from disclosure.web.addresses import client_ip

from .models import FinanceRule, MappingRule, SpendingPurpose
from .services import rules


@admin.register(MappingRule)
class MappingRuleAdmin(admin.ModelAdmin):
    """Counties, townships or single villages change how account codes are disclosed here,
    without code; each rule says whose ledgers it applies to."""

    list_display = ["prefix", "account_name", "category", "region"]
    list_filter = ["category", "region__level"]
    search_fields = ["prefix", "account_name", "region__name"]
    autocomplete_fields = ["region"]


@admin.register(FinanceRule)
class FinanceRuleAdmin(admin.ModelAdmin):
    """A county's finance disclosure calendar; each save is a new rule from the next quarter on,
    so a rule once in force is kept as history and never edited."""

    list_display = ["region", "applies_from", "frequency", "due_days", "set_at"]
    list_filter = ["frequency"]
    autocomplete_fields = ["region"]
    fields = ["region", "frequency", "due_days"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        saved = rules.set_county_rule(
            county=obj.region,
            frequency=obj.frequency,
            due_days=obj.due_days,
            by=request.user,
            ip=client_ip(request),
        )
        obj.pk, obj.applies_from, obj.set_at = saved.pk, saved.applies_from, saved.set_at


@admin.register(SpendingPurpose)
class SpendingPurposeAdmin(CountsPublicChanges, admin.ModelAdmin):
    """The plain purposes a period's spending is grouped under (干部报酬和补贴, 道路和水利 …).
    A county, township or village given purposes of its own uses only those; each change shows
    on the period pages of its villages at once."""

    list_display = ["name", "position", "region", "words", "account_prefixes"]
    list_filter = ["region__level"]
    search_fields = ["name", "words", "region__name"]
    autocomplete_fields = ["region"]
    ordering = ["region_id", "position"]
