"""The register in the admin: identity numbers are shown masked and are not editable here
(the staff pages replace them), so the full number never appears on a page."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Cadre, Relative


class RelativeInline(admin.TabularInline):
    model = Relative
    fields = ("name", "relation", "masked")
    readonly_fields = ("masked",)
    extra = 0

    @admin.display(description=_("identity number"))
    def masked(self, obj):
        return obj.masked_identity_number


@admin.register(Cadre)
class CadreAdmin(admin.ModelAdmin):
    list_display = ("name", "position", "village", "masked", "started_on", "ended_on")
    list_filter = ("ended_on",)
    search_fields = ("name", "village__name")
    fields = ("village", "name", "position", "masked", "started_on", "ended_on")
    readonly_fields = ("masked",)
    raw_id_fields = ("village",)
    inlines = [RelativeInline]

    @admin.display(description=_("identity number"))
    def masked(self, obj):
        return obj.masked_identity_number
