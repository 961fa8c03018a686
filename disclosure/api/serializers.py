"""The public JSON shapes. Times are ISO 8601 in Asia/Shanghai with their offset (+08:00).

Text passes through the masking of personal data on its way out, like every public surface.
"""

import re

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from disclosure.publishing.kinds import rows_of
from disclosure.publishing.masking import mask_text
from disclosure.publishing.models import Attachment, Posting, Revision
from disclosure.regions.models import Region


class MaskedCharField(serializers.CharField):
    def to_representation(self, value):
        return mask_text(super().to_representation(value))


# Digests and salted commitments are hex, not personal data; masking would corrupt them.
_HEX_DIGEST = re.compile(r"[0-9a-f]{64}")


def _masked(value):
    if not isinstance(value, str) or _HEX_DIGEST.fullmatch(value):
        return value
    return mask_text(value)


def _masked_rows(rows: list[dict]) -> list[dict]:
    return [{key: _masked(value) for key, value in row.items()} for row in rows]


class RegionSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:region-detail", lookup_field="code")
    parent = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Region
        fields = ["code", "name", "level", "parent", "url"]


class VillageSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:village-detail", lookup_field="code")
    parent = serializers.SlugRelatedField(slug_field="code", read_only=True)
    chain_head = serializers.CharField(
        help_text=_("SHA-256 digest of the village's newest published revision (64 zeros if none).")
    )
    chain_length = serializers.IntegerField(help_text=_("Number of published revisions."))
    chain_url = serializers.HyperlinkedIdentityField(
        view_name="api:village-chain", lookup_field="code"
    )

    class Meta:
        model = Region
        fields = ["code", "name", "parent", "chain_head", "chain_length", "url", "chain_url"]


class AttachmentSerializer(serializers.ModelSerializer):
    sha256 = serializers.CharField(source="blob.sha256")
    size = serializers.IntegerField(source="blob.size")
    content_type = serializers.CharField(source="blob.content_type")
    url = serializers.SerializerMethodField(help_text=_("Where to download the file."))

    class Meta:
        model = Attachment
        fields = ["filename", "sha256", "size", "content_type", "url"]

    def get_url(self, attachment) -> str:
        return self.context["request"].build_absolute_uri(attachment.get_absolute_url())


class SignOffSerializer(serializers.Serializer):
    by = serializers.CharField(source="signed_off_by_name")
    at = serializers.DateTimeField(source="signed_off_at")
    opinion = MaskedCharField()


class RevisionSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:revision-detail")
    posting = serializers.SlugRelatedField(slug_field="code", read_only=True)
    village = serializers.SlugRelatedField(slug_field="code", read_only=True)
    kind = serializers.CharField(source="posting.kind")
    title = MaskedCharField()
    body = MaskedCharField()
    reason = MaskedCharField()
    author = serializers.CharField(source="author_name")
    sign_off = serializers.SerializerMethodField()
    published_by = serializers.CharField(source="published_by_name")
    attachments = AttachmentSerializer(many=True)

    class Meta:
        model = Revision
        fields = [
            "id",
            "url",
            "posting",
            "village",
            "kind",
            "number",
            "action",
            "title",
            "body",
            "reason",
            "author",
            "sign_off",
            "published_by",
            "published_at",
            "seq",
            "prev_digest",
            "digest",
            "attachments",
        ]

    @extend_schema_field(SignOffSerializer(allow_null=True))
    def get_sign_off(self, revision):
        # A withdrawal published in format 1 (docs/integrity.md) had no sign-off.
        return SignOffSerializer(revision).data if revision.signed_off_at else None


class RevisionDetailSerializer(RevisionSerializer):
    """A revision with its structured rows (for a list of small powers: one row per power)."""

    rows = serializers.SerializerMethodField()

    class Meta(RevisionSerializer.Meta):
        fields = [*RevisionSerializer.Meta.fields, "rows"]

    @extend_schema_field({"type": "array", "items": {"type": "object"}})
    def get_rows(self, revision):
        return _masked_rows(rows_of(revision))


class CurrentRevisionSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:revision-detail")
    reason = MaskedCharField()

    class Meta:
        model = Revision
        fields = ["id", "url", "number", "action", "reason", "published_at", "digest"]


class PostingSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:posting-detail", lookup_field="code")
    permalink = serializers.SerializerMethodField(help_text=_("The posting's page on the portal."))
    village = serializers.SlugRelatedField(slug_field="code", read_only=True)
    village_name = serializers.CharField(source="village.name")
    kind_label = serializers.CharField(read_only=True)
    section = serializers.CharField()
    section_label = serializers.CharField(source="section.label")
    title = MaskedCharField(source="current.title")
    current = CurrentRevisionSerializer()

    class Meta:
        model = Posting
        fields = [
            "code",
            "url",
            "permalink",
            "village",
            "village_name",
            "kind",
            "kind_label",
            "section",
            "section_label",
            "status",
            "title",
            "first_published_at",
            "last_published_at",
            "current",
        ]

    def get_permalink(self, posting) -> str:
        return self.context["request"].build_absolute_uri(posting.get_absolute_url())


class PostingDetailSerializer(PostingSerializer):
    revisions = RevisionDetailSerializer(
        many=True,
        source="published_revisions",
        help_text=_("Every published revision, oldest first."),
    )

    class Meta(PostingSerializer.Meta):
        fields = [*PostingSerializer.Meta.fields, "revisions"]
