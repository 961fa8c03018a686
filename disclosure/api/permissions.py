from rest_framework.permissions import SAFE_METHODS, BasePermission


class DenyAll(BasePermission):
    """The default for every API view: an endpoint is opened explicitly or not at all."""

    def has_permission(self, request, view):
        return False


class PublicReadOnly(BasePermission):
    """Anyone may read what is public; nobody may write through the public endpoints.

    Staff get the same answer as villagers: a signed-in user sees nothing more here.
    """

    def has_permission(self, request, view):
        return request.method in SAFE_METHODS
