from rest_framework.permissions import BasePermission


class DenyAll(BasePermission):
    """The default for every API view: an endpoint is opened explicitly or not at all."""

    def has_permission(self, request, view):
        return False
