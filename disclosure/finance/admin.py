from django import forms
from django.contrib import admin

from disclosure.regions.admin import CountsPublicChanges
from disclosure.web.addresses import client_ip

from .accounts import THREE_PUBLIC_WORDS
from .models import FinanceRule, MappingRule, SpendingPurpose, ThreePublicScope
from .services import mapping, rules


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


class ThreePublicScopeForm(forms.ModelForm):
    class Meta:
        model = ThreePublicScope
        fields = ["county", "words", "account_prefixes"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("county") is not None:
            mapping.checked_scope(
                county=cleaned["county"],
                words=cleaned.get("words", ""),
                account_prefixes=cleaned.get("account_prefixes", ""),
            )
        return cleaned


@admin.register(ThreePublicScope)
class ThreePublicScopeAdmin(admin.ModelAdmin):
    """A county's words and account codes for three-public spending; ledgers checked after a
    save use them, what was published keeps its own answer."""

    form = ThreePublicScopeForm
    list_display = ["county", "set_at"]
    autocomplete_fields = ["county"]
    fields = ["county", "words", "account_prefixes"]

    def get_changeform_initial_data(self, request):
        return {"words": "\n".join(THREE_PUBLIC_WORDS)}

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        saved = mapping.set_three_public_scope(
            county=obj.county,
            words=obj.words,
            account_prefixes=obj.account_prefixes,
            by=request.user,
            ip=client_ip(request),
        )
        obj.pk, obj.set_at = saved.pk, saved.set_at
