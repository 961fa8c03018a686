"""Bases of the Django admin's pages."""

from django.contrib import admin

from .models import Attempt


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
