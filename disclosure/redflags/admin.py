"""The register in the admin, to read only: identity numbers are shown masked, and changes go
through the staff pages, whose services check permission and write the audit log."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from disclosure.web.admin import ReadOnlyAdminMixin

from .models import Cadre, Relative


class RelativeInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = Relative
    fields = ("name", "relation", "masked")
    readonly_fields = ("masked",)
    extra = 0

    @admin.display(description=_("identity number"))
    def masked(self, obj):
        return obj.masked_identity_number


@admin.register(Cadre)
class CadreAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
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
