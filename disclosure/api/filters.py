"""Query parameters of the public endpoints. A value that makes no sense gets a 400, not a guess."""

import datetime

import django_filters
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_filters.fields import IsoDateTimeField

from disclosure.publishing import kinds
from disclosure.publishing.catalogue import Section
from disclosure.publishing.models import (
    Posting,
    PostingStatus,
    Revision,
    RevisionAction,
    revision_is_published,
)
from disclosure.publishing.search import matching
from disclosure.regions.models import Level, Region

# PostgreSQL refuses a time zone offset of 16 hours or more; Python reads up to 24.
LARGEST_OFFSET = datetime.timedelta(hours=15, minutes=59)


class StorableTimeField(IsoDateTimeField):
    """An ISO 8601 time the database can compare with: within ±15:59 of UTC, years 1 to 9999."""

    def to_python(self, value):
        moment = super().to_python(value)
        if moment is None:
            return None
        if abs(moment.utcoffset()) > LARGEST_OFFSET:
            raise ValidationError(
                _("A time zone offset lies between -15:59 and +15:59, for example +08:00."),
                code="offset",
            )
        try:
            moment.astimezone(datetime.UTC)
        except OverflowError as error:
            raise ValidationError(_("Give a time in the years 1 to 9999."), code="range") from error
        return moment


class TimeFilter(django_filters.IsoDateTimeFilter):
    field_class = StorableTimeField


PUBLIC_STATUSES = [(s.value, s.label) for s in (PostingStatus.PUBLISHED, PostingStatus.WITHDRAWN)]


class RegionFilter(django_filters.FilterSet):
    level = django_filters.ChoiceFilter(choices=Level.choices, label=_("Level"))
    parent = django_filters.CharFilter(
        field_name="parent__code", label=_("Division code of the parent region")
    )

    class Meta:
        model = Region
        fields = ["level", "parent"]


class VillageFilter(django_filters.FilterSet):
    within = django_filters.CharFilter(
        method="filter_within", label=_("Division code of a township or county")
    )

    class Meta:
        model = Region
        fields = ["within"]

    def filter_within(self, queryset, name, value):
        region = Region.objects.filter(code=value).first()
        return queryset.within(region) if region else queryset.none()


class PublishedFilter(django_filters.FilterSet):
    """What postings and revisions share: where, what kind, when, and which words."""

    village = django_filters.CharFilter(
        field_name="village__code", label=_("Division code of the village")
    )
    section = django_filters.ChoiceFilter(
        choices=Section.choices, method="filter_section", label=_("Section of the catalogue")
    )
    q = django_filters.CharFilter(method="filter_text", label=_("Words to search for"))

    def filter_section(self, queryset, name, value):
        return queryset.filter(**{f"{self.kind_field}__in": kinds.of_section(value)})


class PostingFilter(PublishedFilter):
    kind_field = "kind"
    kind = django_filters.ChoiceFilter(choices=kinds.choices, label=_("Kind"))
    status = django_filters.ChoiceFilter(choices=PUBLIC_STATUSES, label=_("Status"))
    published_after = TimeFilter(
        field_name="last_published_at",
        lookup_expr="gte",
        label=_("Last published at or after (ISO 8601)"),
    )
    published_before = TimeFilter(
        field_name="last_published_at",
        lookup_expr="lt",
        label=_("Last published before (ISO 8601)"),
    )

    class Meta:
        model = Posting
        fields = ["village", "kind", "section", "status", "published_after", "published_before"]

    def filter_text(self, queryset, name, value):
        # matching() names the revision table itself, so it must run on the join to the
        # current revision, not inside a subquery (where Django renames the table).
        return matching(queryset.filter(revision_is_published("current")), value)


class RevisionFilter(PublishedFilter):
    kind_field = "posting__kind"
    posting = django_filters.CharFilter(
        field_name="posting__code", label=_("Permalink code of the posting")
    )
    kind = django_filters.ChoiceFilter(
        field_name="posting__kind", choices=kinds.choices, label=_("Kind")
    )
    action = django_filters.ChoiceFilter(choices=RevisionAction.choices, label=_("Action"))
    published_after = TimeFilter(
        field_name="published_at", lookup_expr="gte", label=_("Published at or after (ISO 8601)")
    )
    published_before = TimeFilter(
        field_name="published_at", lookup_expr="lt", label=_("Published before (ISO 8601)")
    )

    class Meta:
        model = Revision
        fields = ["village", "posting", "kind", "section", "action"]

    def filter_text(self, queryset, name, value):
        return matching(queryset, value)
