"""Read-only admin views of the registers, for administrators.

The register is kept in the staff workspace through the services, which check permissions and
write the audit log; here nothing can be added, changed or deleted.
"""

from django.contrib import admin

from disclosure.web.admin import ReadOnlyAdminMixin

from .models import Asset, Resource, SnapshotAsset, SnapshotResource


@admin.register(Asset)
class AssetAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["number", "name", "village", "category", "original_value", "disposal"]
    list_filter = ["category", "disposal"]
    list_select_related = ["village"]
    search_fields = ["number", "name", "village__name", "village__code"]


@admin.register(Resource)
class ResourceAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["number", "name", "village", "type", "area_mu", "status"]
    list_filter = ["type", "status"]
    list_select_related = ["village"]
    search_fields = ["number", "name", "village__name", "village__code"]


@admin.register(SnapshotAsset)
class SnapshotAssetAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["number", "name", "village", "revision", "original_value", "disposal"]
    list_select_related = ["village", "revision"]
    search_fields = ["number", "name", "village__code"]


@admin.register(SnapshotResource)
class SnapshotResourceAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["number", "name", "village", "revision", "area_mu", "status"]
    list_select_related = ["village", "revision"]
    search_fields = ["number", "name", "village__code"]
