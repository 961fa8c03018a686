"""Bases of the Django admin's pages."""

from django.contrib import admin

from .models import Attempt


class CountsPublicChanges:
    """For the admin of rows villagers' pages read (a region's name, a county's rules): each
    change counts like a service's, so that no cached page outlives it. The shared web code knows
    no app: the publishing app hands over how to count (publishing/apps.py, changes.count_row)."""

    count_row = None

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        CountsPublicChanges.count_row(obj)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        CountsPublicChanges.count_row(obj)

    def delete_queryset(self, request, queryset):
        rows = list(queryset)
        super().delete_queryset(request, queryset)
        for row in rows:
            CountsPublicChanges.count_row(row)


class ReadOnlyAdminMixin:
    """Shown, never added, changed or deleted through the admin: published records and logs
    change only through the services (and, once published, not at all)."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Attempt)
class AttemptAdmin(admin.ModelAdmin):
    """The limiter's counted attempts: deleting those of an account or address ends its pause."""

    list_display = ["at", "kind", "key"]
    list_filter = ["kind"]
    search_fields = ["key"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
