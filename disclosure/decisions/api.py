"""Public, read-only endpoints of major matters: only what villagers see on the portal."""

from django.db.models import F
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from rest_framework import viewsets

from disclosure import clock
from disclosure.publishing.models import posting_is_in_force, revision_is_published
from disclosure.web.api import PageNumbers, PublicReadOnly

from . import selectors, serializers
from .models import Matter, ResolutionStage
from .states import notice_ends_at, state_of


class PublicViewSet(viewsets.ReadOnlyModelViewSet):
    # Reading public data needs nobody's identity: signed-in staff are answered as anyone else.
    authentication_classes = []
    permission_classes = [PublicReadOnly]
    pagination_class = PageNumbers


class MatterFilter(filters.FilterSet):
    village = filters.CharFilter(
        field_name="village__code", label=_("Division code of the village")
    )

    class Meta:
        model = Matter
        fields = ["village", "category"]


class MatterViewSet(PublicViewSet):
    """Major matters with where they stand; the detail carries the whole timeline."""

    filterset_class = MatterFilter
    lookup_value_regex = r"\d{1,9}"

    def get_queryset(self):
        return selectors.public_matters().order_by("-created_at", "-pk")

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.MatterDetailSerializer
        return serializers.MatterSerializer

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        now = clock.now()
        for matter in page:
            matter.state = state_of(matter, now)
            matter.notice_ends_at = notice_ends_at(matter)
        return page

    def get_object(self):
        matter = super().get_object()
        timeline = selectors.timeline(matter.village, matter.pk)
        matter.state, matter.notice_ends_at = timeline.state, timeline.notice_ends_at
        matter.published_stages = timeline.stages
        matter.listed_objections = timeline.objections
        matter.progress_updates = timeline.progress
        matter.result_figures = timeline.result_row
        return matter


class StageFilter(filters.FilterSet):
    village = filters.CharFilter(
        field_name="village__code", label=_("Division code of the village")
    )
    matter = filters.NumberFilter(
        field_name="revision__posting__resolved_matter", label=_("Number of the matter")
    )

    class Meta:
        model = ResolutionStage
        fields = ["village", "matter", "number", "passed"]


class StageViewSet(PublicViewSet):
    """Every discussion of every matter, as its current resolution disclosure publishes it."""

    serializer_class = serializers.PublishedDecisionStageSerializer
    filterset_class = StageFilter
    lookup_value_regex = r"\d{1,9}"

    def get_queryset(self):
        return (
            ResolutionStage.objects.filter(
                revision_is_published("revision"),
                posting_is_in_force("revision__posting"),
                revision__posting__current=F("revision"),
            )
            .select_related("village", "revision__posting__resolved_matter")
            .order_by("revision__posting__resolved_matter", "number", "attempt", "pk")
        )
