from django.contrib import admin

from .models import FinanceSettings, MappingRule


@admin.register(MappingRule)
class MappingRuleAdmin(admin.ModelAdmin):
    """Counties change how account codes are disclosed here, without code."""

    list_display = ["prefix", "account_name", "category", "county"]
    list_filter = ["category", "county"]
    search_fields = ["prefix", "account_name"]
    autocomplete_fields = ["county"]


@admin.register(FinanceSettings)
class FinanceSettingsAdmin(admin.ModelAdmin):
    list_display = ["village", "frequency", "due_days"]
    list_filter = ["frequency"]
    autocomplete_fields = ["village"]
