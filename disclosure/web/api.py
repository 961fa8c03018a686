"""What every API endpoint shares: who may call it, and how long lists are cut into pages."""

from rest_framework.pagination import PageNumberPagination
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


class PageNumbers(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
