"""Public, read-only finance endpoints: published periods with their stored totals, their
entries, and published budgets against actual. Only current revisions of published postings."""

import django_filters
from django.db.models import F
from django.utils.translation import gettext_lazy as _
from rest_framework.decorators import action

from disclosure.api.views import PublicViewSet
from disclosure.publishing.models import posting_is_in_force

from . import serializers
from .models import Budget, Frequency, PeriodSummary
from .selectors import entries_of


class PeriodFilter(django_filters.FilterSet):
    village = django_filters.CharFilter(
        field_name="village__code", label=_("Division code of the village")
    )
    year = django_filters.NumberFilter(field_name="period__year", label=_("Year"))
    frequency = django_filters.ChoiceFilter(
        field_name="period__frequency", choices=Frequency.choices, label=_("Frequency")
    )

    class Meta:
        model = PeriodSummary
        fields = ["village", "year", "frequency"]


class BudgetFilter(django_filters.FilterSet):
    village = django_filters.CharFilter(
        field_name="village__code", label=_("Division code of the village")
    )

    class Meta:
        model = Budget
        fields = ["village", "year"]


def current_summaries():
    """The figures of the current revision of every published period."""
    return (
        PeriodSummary.objects.filter(
            posting_is_in_force("revision__posting"),
            revision__posting__current=F("revision"),
        )
        .select_related("period", "village", "revision__posting")
        .prefetch_related("revision__period_totals")
        .order_by("village__code", "-period__start", "period_id")
    )


class PeriodViewSet(PublicViewSet):
    """Published finance periods with their totals; `entries` lists a period's ledger."""

    serializer_class = serializers.PeriodSerializer
    filterset_class = PeriodFilter
    lookup_field = "period_id"
    lookup_url_kwarg = "pk"
    lookup_value_regex = r"\d{1,9}"

    def get_queryset(self):
        return current_summaries()

    @action(detail=True, serializer_class=serializers.EntrySerializer, filterset_class=None)
    def entries(self, request, pk=None):
        summary = self.get_object()
        page = self.paginate_queryset(entries_of(summary.revision))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


class BudgetViewSet(PublicViewSet):
    """Published annual budgets; the detail sets each category against what was spent."""

    filterset_class = BudgetFilter

    def get_queryset(self):
        return (
            Budget.objects.filter(posting_is_in_force("posting"))
            .select_related("village", "posting__current")
            .order_by("village__code", "-year")
        )

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.BudgetDetailSerializer
        return serializers.BudgetSerializer
