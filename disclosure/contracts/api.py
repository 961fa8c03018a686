"""Public, read-only endpoints: contracts with payment status, projects with stages, OCDS."""

import django_filters
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import viewsets
from rest_framework.decorators import api_view, authentication_classes, permission_classes
from rest_framework.response import Response

from disclosure import clock
from disclosure.regions.models import Region
from disclosure.web.api import PageNumbers, PublicReadOnly

from . import ocds, selectors, serializers


class VillageFilter(django_filters.FilterSet):
    village = django_filters.CharFilter(
        field_name="village__code", label=_("Division code of the village")
    )


class PublicViewSet(viewsets.ReadOnlyModelViewSet):
    authentication_classes = []
    permission_classes = [PublicReadOnly]
    pagination_class = PageNumbers
    filterset_class = VillageFilter
    lookup_field = "code"
    lookup_value_regex = r"[0-9A-Za-z]{1,12}"


class ContractViewSet(PublicViewSet):
    """Published contracts as currently disclosed, with payments and arrears as of today."""

    def get_queryset(self):
        contracts = selectors.current_contracts()
        if self.action == "retrieve":
            contracts = contracts.prefetch_related("revision__posting__payments")
        return contracts

    def get_object(self):
        code = self.kwargs["code"].upper()
        return get_object_or_404(self.get_queryset(), revision__posting__code=code)

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.ContractDetailSerializer
        return serializers.ContractSerializer


class ProjectViewSet(PublicViewSet):
    """Published construction and purchase projects with every stage disclosed so far."""

    serializer_class = serializers.ProjectSerializer

    def get_queryset(self):
        return selectors.current_projects()

    def get_object(self):
        code = self.kwargs["code"].upper()
        return get_object_or_404(self.get_queryset(), posting__code=code)


@extend_schema(responses=OpenApiTypes.OBJECT)
@api_view(["GET"])
@authentication_classes([])
@permission_classes([PublicReadOnly])
def ocds_package(request, code: str):
    """The village's contracts and projects as an OCDS 1.1 release package."""
    village = get_object_or_404(Region.objects.villages(), code=code)
    return Response(
        ocds.package(
            village=village,
            contracts=selectors.statuses(selectors.current_contracts(village), clock.today()),
            projects=selectors.current_projects(village),
            uri=request.build_absolute_uri(reverse("api:contracts-ocds", args=[code])),
        )
    )
