from django.contrib import admin

from .models import CountyPolicy


@admin.register(CountyPolicy)
class CountyPolicyAdmin(admin.ModelAdmin):
    """Administrators set, per county, how names appear and how long lists stay public."""

    list_display = ["county", "name_display", "window_days"]
    list_select_related = ["county"]
    autocomplete_fields = ["county"]
