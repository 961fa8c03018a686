"""Administrators register the witnesses whose cosignatures the portal accepts; the logs and
their checkpoints are shown read-only (only publishing appends to a log)."""

from django.contrib import admin

from disclosure.web.admin import ReadOnlyAdminMixin

from .models import Checkpoint, Cosignature, Log, Witness


@admin.register(Witness)
class WitnessAdmin(admin.ModelAdmin):
    list_display = ["name", "operator", "active", "added_at"]
    list_filter = ["active"]
    fields = ["operator", "name", "verifier_key", "active"]

    def has_delete_permission(self, request, obj=None):
        # A witness that cosigned stays on record; deactivate it instead.
        return obj is None or not obj.cosignatures.exists()


@admin.register(Log)
class LogAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["origin", "county", "size", "created_at"]
    fields = readonly_fields = ["origin", "county", "size", "created_at"]


class CosignatureInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = Cosignature
    fields = readonly_fields = ["witness", "timestamp", "received_at"]
    extra = 0


@admin.register(Checkpoint)
class CheckpointAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["log", "size", "issued_at"]
    list_filter = ["log"]
    fields = readonly_fields = ["log", "size", "note", "issued_at"]
    inlines = [CosignatureInline]
