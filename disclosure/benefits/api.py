"""Published benefit lists through the public API, masked exactly as on the page."""

from rest_framework import serializers, viewsets

from disclosure.benefits.models import BenefitsKind
from disclosure.publishing.models import Revision
from disclosure.web.api import PageNumbers, PublicReadOnly

from . import exports
from .selectors import policies_by_county


class BenefitListSerializer(serializers.Serializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:benefit-list-detail")

    def to_representation(self, revision):
        detail = self.context["view"].action != "list"
        policies = self.context.get("policies")
        summary = exports.document(revision, with_recipients=detail, policies=policies)
        if not detail:
            summary.pop("recipients")
        return {"url": super().to_representation(revision)["url"], **summary}


class BenefitListViewSet(viewsets.ReadOnlyModelViewSet):
    """Published benefit lists: totals per benefit, and while the publicity window lasts, the
    recipients with masked names and identity numbers. Afterwards the recipients are gone."""

    authentication_classes = []
    permission_classes = [PublicReadOnly]
    pagination_class = PageNumbers
    serializer_class = BenefitListSerializer

    def get_queryset(self):
        return (
            Revision.objects.published()
            .filter(posting__kind=BenefitsKind.BENEFIT_LIST)
            .select_related("posting", "village", "benefit_list")
            .prefetch_related("recipients")
            .order_by("-published_at", "-pk")
        )

    def get_serializer_context(self):
        # One query for every county's policy, not one per list on the page.
        return {**super().get_serializer_context(), "policies": policies_by_county()}
