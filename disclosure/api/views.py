"""Public, read-only endpoints. Only what is published is ever read here: querysets start from
`Posting.objects.public()` and `Revision.objects.published()`, never from the whole table.
"""

from django.db.models import OuterRef, Prefetch, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import routers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from disclosure.publishing import chain
from disclosure.publishing.models import Attachment, Posting, Revision
from disclosure.regions.models import Region
from disclosure.web.api import PageNumbers, PublicReadOnly

from . import filters, serializers

CODE = r"\d{12}"


class PublicViewSet(viewsets.ReadOnlyModelViewSet):
    # Reading public data needs nobody's identity: signed-in staff are answered as anyone else.
    authentication_classes = []
    permission_classes = [PublicReadOnly]
    pagination_class = PageNumbers


class RegionViewSet(PublicViewSet):
    """The region tree: provinces, cities, counties, townships and villages by division code."""

    queryset = Region.objects.select_related("parent")
    serializer_class = serializers.RegionSerializer
    filterset_class = filters.RegionFilter
    lookup_field = "code"
    lookup_value_regex = CODE


def _villages_with_chain_head():
    newest = Revision.objects.published().filter(village=OuterRef("pk")).order_by("-seq")
    return (
        Region.objects.villages()
        .select_related("parent")
        .annotate(
            chain_head=Coalesce(Subquery(newest.values("digest")[:1]), Value(chain.GENESIS)),
            chain_length=Coalesce(Subquery(newest.values("seq")[:1]), Value(0)),
        )
    )


class VillageViewSet(PublicViewSet):
    """Villages with the head of their chain of published revisions."""

    serializer_class = serializers.VillageSerializer
    filterset_class = filters.VillageFilter
    lookup_field = "code"
    lookup_value_regex = CODE

    def get_queryset(self):
        return _villages_with_chain_head()

    @extend_schema(responses=OpenApiTypes.OBJECT)
    @action(detail=True)
    def chain(self, request, code=None):
        """The village's whole chain, as docs/integrity.md describes, for offline verification."""
        return Response(chain.export(self.get_object()))


def _published_revisions():
    return (
        Revision.objects.published()
        .select_related("posting", "village")
        .prefetch_related(
            Prefetch("attachments", queryset=Attachment.objects.select_related("blob"))
        )
    )


class PostingViewSet(PublicViewSet):
    """Published and withdrawn postings; the detail carries every published revision."""

    filterset_class = filters.PostingFilter
    lookup_field = "code"
    lookup_value_regex = r"[0-9A-Za-z]+"

    def get_queryset(self):
        postings = Posting.objects.public().select_related("village", "current")
        if self.action == "retrieve":
            postings = postings.prefetch_related(
                Prefetch("revisions", _published_revisions(), to_attr="published_revisions")
            )
        return postings

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.PostingDetailSerializer
        return serializers.PostingSerializer


class RevisionViewSet(PublicViewSet):
    """Published revisions, newest first, with their digests and sign-off."""

    filterset_class = filters.RevisionFilter

    def get_queryset(self):
        return _published_revisions().order_by("-published_at", "-pk")

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.RevisionDetailSerializer
        return serializers.RevisionSerializer


class PublicRootView(routers.APIRootView):
    name = _("Village affairs disclosure API")
    authentication_classes = []
    permission_classes = [PublicReadOnly]
