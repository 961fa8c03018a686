from django.contrib import admin

from disclosure.regions.admin import CountsPublicChanges

from .models import CountyBenefit, CountyPolicy


@admin.register(CountyPolicy)
class CountyPolicyAdmin(CountsPublicChanges, admin.ModelAdmin):
    """Administrators set, per county, how names appear and how long lists stay public."""

    list_display = ["county", "name_display", "window_days", "household_ceiling"]
    list_select_related = ["county"]
    autocomplete_fields = ["county"]


@admin.register(CountyBenefit)
class CountyBenefitAdmin(CountsPublicChanges, admin.ModelAdmin):
    """A county names its own benefits (imported as "other") and what each is paid per."""

    list_display = ["name", "county", "unit"]
    list_select_related = ["county"]
    autocomplete_fields = ["county"]
