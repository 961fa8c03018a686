"""Public, read-only endpoints of published register snapshots. Drafts are never read here:
every queryset starts from the current revision of a published register posting.
"""

import django_filters
from django.db.models import F
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from disclosure.api.views import PublicViewSet
from disclosure.assets.models import AssetsKind
from disclosure.publishing.masking import mask_text
from disclosure.publishing.models import (
    Revision,
    posting_is_in_force,
    revision_is_published,
)
from disclosure.regions.models import Region

from .models import Category, ResourceStatus, ResourceType, SnapshotAsset, SnapshotResource
from .snapshots import ASSET_FIELDS, RESOURCE_FIELDS, latest_two


def _published_rows(model):
    return model.objects.filter(
        revision_is_published("revision"),
        posting_is_in_force("revision__posting"),
        revision__posting__kind=AssetsKind.ASSET_REGISTER,
        revision__posting__current=F("revision"),
    ).select_related("village", "revision__posting")


class MaskedText(serializers.CharField):
    def to_representation(self, value):
        return mask_text(str(value))


class SnapshotSerializer(serializers.ModelSerializer):
    village = serializers.SlugRelatedField(slug_field="code", read_only=True)
    posting = serializers.CharField(source="posting.code")
    taken_on = serializers.DateField(source="asset_snapshot.taken_on")

    class Meta:
        model = Revision
        fields = ["id", "village", "posting", "number", "taken_on", "published_at", "digest"]


class RowSerializer(serializers.ModelSerializer):
    village = serializers.SlugRelatedField(slug_field="code", read_only=True)
    snapshot = serializers.IntegerField(source="revision_id")
    posting = serializers.CharField(source="revision.posting.code")
    user = MaskedText()


class AssetSerializer(RowSerializer):
    class Meta:
        model = SnapshotAsset
        fields = ["village", "snapshot", "posting", *ASSET_FIELDS, "photos"]


class ResourceSerializer(RowSerializer):
    class Meta:
        model = SnapshotResource
        fields = ["village", "snapshot", "posting", *RESOURCE_FIELDS, "photos"]


class RowFilter(django_filters.FilterSet):
    village = django_filters.CharFilter(
        method="filter_village", label=_("Division code of the village (its latest snapshot)")
    )
    snapshot = django_filters.NumberFilter(field_name="revision_id", label=_("Snapshot id"))

    def filter_village(self, queryset, name, value):
        village = Region.objects.villages().filter(code=value).first()
        latest = latest_two(village)[0] if village else None
        return queryset.filter(revision=latest) if latest else queryset.none()


class AssetFilter(RowFilter):
    category = django_filters.ChoiceFilter(choices=Category.choices, label=_("Category"))
    disposed = django_filters.BooleanFilter(method="filter_disposed", label=_("Disposed of"))

    class Meta:
        model = SnapshotAsset
        fields = ["village", "snapshot", "category", "disposed"]

    def filter_disposed(self, queryset, name, value):
        return queryset.exclude(disposal="") if value else queryset.filter(disposal="")


class ResourceFilter(RowFilter):
    type = django_filters.ChoiceFilter(choices=ResourceType.choices, label=_("Type"))
    status = django_filters.ChoiceFilter(choices=ResourceStatus.choices, label=_("Status"))

    class Meta:
        model = SnapshotResource
        fields = ["village", "snapshot", "type", "status"]


class SnapshotFilter(django_filters.FilterSet):
    village = django_filters.CharFilter(
        field_name="village__code", label=_("Division code of the village")
    )

    class Meta:
        model = Revision
        fields = ["village"]


class SnapshotViewSet(PublicViewSet):
    """Published snapshots of village registers of assets and resources, newest first."""

    serializer_class = SnapshotSerializer
    filterset_class = SnapshotFilter

    def get_queryset(self):
        return (
            Revision.objects.published()
            .filter(
                posting_is_in_force("posting"),
                posting__kind=AssetsKind.ASSET_REGISTER,
                posting__current=F("pk"),
            )
            .select_related("village", "posting", "asset_snapshot")
            .order_by("-asset_snapshot__taken_on", "-published_at", "-pk")
        )


class AssetViewSet(PublicViewSet):
    """Fixed assets as published in register snapshots; `village` gives its latest snapshot."""

    serializer_class = AssetSerializer
    filterset_class = AssetFilter

    def get_queryset(self):
        return _published_rows(SnapshotAsset).order_by("village__code", "-revision_id", "number")


class ResourceViewSet(PublicViewSet):
    """Resources as published in register snapshots; `village` gives its latest snapshot."""

    serializer_class = ResourceSerializer
    filterset_class = ResourceFilter

    def get_queryset(self):
        return _published_rows(SnapshotResource).order_by("village__code", "-revision_id", "number")
