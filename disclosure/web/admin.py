"""Bases of the Django admin's pages."""


class ReadOnlyAdminMixin:
    """Shown, never added, changed or deleted through the admin: published records and logs
    change only through the services (and, once published, not at all)."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
