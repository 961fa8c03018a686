"""The public JSON shapes of major matters. Money is a string of yuan ("380000.00"); text passes
through the masking of personal data like every public surface.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from disclosure.api.serializers import MaskedCharField

from . import selectors
from .models import Matter, MatterFile, Objection, ProgressUpdate, ResolutionStage, ResultRow
from .states import MatterState


class MatterDisclosureSerializer(serializers.Serializer):
    """One of the two disclosures of a matter, as published now."""

    code = serializers.CharField(source="posting.code")
    permalink = serializers.SerializerMethodField()
    revision = serializers.IntegerField(source="number")
    published_at = serializers.DateTimeField()
    digest = serializers.CharField()

    def get_permalink(self, revision) -> str:
        return self.context["request"].build_absolute_uri(revision.posting.get_absolute_url())


class MatterSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    page = serializers.SerializerMethodField(help_text=_("The matter's page on the portal."))
    village = serializers.SlugRelatedField(slug_field="code", read_only=True)
    title = MaskedCharField()
    category_label = serializers.CharField(source="get_category_display")
    state = serializers.ChoiceField(choices=MatterState.choices)
    state_label = serializers.SerializerMethodField()
    notice_ends_at = serializers.DateTimeField(allow_null=True)
    resolution = serializers.SerializerMethodField()
    result = serializers.SerializerMethodField()

    class Meta:
        model = Matter
        fields = [
            "id",
            "url",
            "page",
            "village",
            "title",
            "category",
            "category_label",
            "amount",
            "state",
            "state_label",
            "notice_ends_at",
            "resolution",
            "result",
        ]

    def get_url(self, matter) -> str:
        path = reverse("api:decision-matter-detail", args=[matter.pk])
        return self.context["request"].build_absolute_uri(path)

    def get_page(self, matter) -> str:
        path = reverse("decisions:matter", args=[matter.village.code, matter.pk])
        return self.context["request"].build_absolute_uri(path)

    def get_state_label(self, matter) -> str:
        return str(MatterState(matter.state).label)

    def _disclosure(self, posting):
        revision = selectors.published_revision(posting)
        return MatterDisclosureSerializer(revision, context=self.context).data if revision else None

    @extend_schema_field(MatterDisclosureSerializer(allow_null=True))
    def get_resolution(self, matter):
        return self._disclosure(matter.resolution)

    @extend_schema_field(MatterDisclosureSerializer(allow_null=True))
    def get_result(self, matter):
        return self._disclosure(matter.result)


class DecisionStageSerializer(serializers.ModelSerializer):
    body_label = serializers.CharField(source="get_body_display")
    minutes = MaskedCharField()

    class Meta:
        model = ResolutionStage
        fields = [
            "number",
            "attempt",
            "body",
            "body_label",
            "held_on",
            "eligible",
            "present",
            "votes_for",
            "votes_against",
            "abstentions",
            "passed",
            "outcome",
            "minutes",
        ]


class PublishedDecisionStageSerializer(DecisionStageSerializer):
    """A discussion as the matter's current resolution disclosure publishes it."""

    matter = serializers.IntegerField(source="revision.posting.resolved_matter.pk")
    village = serializers.CharField(source="village.code")
    digest = serializers.CharField(
        source="revision.digest", help_text=_("Digest of the revision that publishes it.")
    )

    class Meta(DecisionStageSerializer.Meta):
        fields = ["matter", "village", "digest", *DecisionStageSerializer.Meta.fields]


class MatterObjectionSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="public_name")
    text = MaskedCharField()
    answer = MaskedCharField()

    class Meta:
        model = Objection
        fields = ["name", "text", "lodged_at", "answer", "answered_by_name", "answered_at"]


class ProgressPhotoSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    sha256 = serializers.CharField(source="blob_id")

    class Meta:
        model = MatterFile
        fields = ["phase", "filename", "sha256", "url"]

    def get_url(self, photo) -> str:
        path = reverse("decisions:photo", args=[photo.blob_id, photo.filename])
        return self.context["request"].build_absolute_uri(path)


class MatterProgressSerializer(serializers.ModelSerializer):
    description = MaskedCharField()
    photos = ProgressPhotoSerializer(many=True)
    links = serializers.SerializerMethodField()

    class Meta:
        model = ProgressUpdate
        fields = ["on", "description", "percent", "spent", "photos", "links"]

    @extend_schema_field({"type": "array", "items": {"type": "object"}})
    def get_links(self, update):
        return [
            {"kind": link.kind, "reference": link.reference, "label": link.label}
            for link in update.links.all()
        ]


class MatterResultSerializer(serializers.ModelSerializer):
    accepted_by = MaskedCharField()
    acceptance = MaskedCharField()

    class Meta:
        model = ResultRow
        fields = [
            "resolved_amount",
            "final_cost",
            "completed_on",
            "accepted_on",
            "accepted_by",
            "acceptance",
        ]


class MatterDetailSerializer(MatterSerializer):
    """A matter with its whole timeline: discussions, objections, progress and result."""

    stages = DecisionStageSerializer(
        source="published_stages",
        many=True,
        help_text=_("The discussions, as the published resolution discloses them."),
    )
    objections = MatterObjectionSerializer(
        source="listed_objections",
        many=True,
        help_text=_("Objections listed by the supervision committee, with answers."),
    )
    progress = MatterProgressSerializer(source="progress_updates", many=True)
    result_figures = MatterResultSerializer(allow_null=True)

    class Meta(MatterSerializer.Meta):
        fields = [
            *MatterSerializer.Meta.fields,
            "stages",
            "objections",
            "progress",
            "result_figures",
        ]
