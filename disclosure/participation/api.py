"""Public, read-only endpoints: listed questions with their answers, and the ratings of periods.

Only what villagers see on the portal: never a phone number, a comment, a network address or a
question the supervision committee has not listed; names as the system masks them.
"""

from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers, viewsets

from disclosure import clock
from disclosure.finance.models import FinanceKind
from disclosure.publishing.masking import mask_name
from disclosure.publishing.models import Posting
from disclosure.web.api import PageNumbers, PublicReadOnly

from .models import Question
from .services import period_ratings


class QuestionSerializer(serializers.ModelSerializer):
    village = serializers.CharField(source="village.code")
    posting = serializers.CharField(source="posting.code", allow_null=True, default=None)
    asked_by = serializers.SerializerMethodField()
    overdue = serializers.SerializerMethodField()

    class Meta:
        model = Question
        fields = [
            "id",
            "village",
            "posting",
            "subject_label",
            "subject_url",
            "asked_by",
            "text",
            "asked_at",
            "listed_at",
            "due_on",
            "overdue",
            "status",
            "answer",
            "answered_by_name",
            "answered_at",
        ]

    @extend_schema_field(str)
    def get_asked_by(self, question) -> str:
        return mask_name(question.name)

    def get_overdue(self, question) -> bool:
        return question.is_overdue(clock.today())


class QuestionFilter(filters.FilterSet):
    village = filters.CharFilter(
        field_name="village__code", label=_("Division code of the village")
    )
    posting = filters.CharFilter(field_name="posting__code", label=_("Code of the posting"))

    class Meta:
        model = Question
        fields = ["village", "posting", "status"]


class PublicViewSet(viewsets.ReadOnlyModelViewSet):
    # Reading public data needs nobody's identity: signed-in staff are answered as anyone else.
    authentication_classes = []
    permission_classes = [PublicReadOnly]
    pagination_class = PageNumbers
    lookup_value_regex = r"\d{1,12}"


class QuestionViewSet(PublicViewSet):
    """Questions the supervision committee listed, with the village's answers."""

    serializer_class = QuestionSerializer
    filterset_class = QuestionFilter

    def get_queryset(self):
        return Question.objects.public().select_related("village", "posting")


class PeriodRatingSerializer(serializers.ModelSerializer):
    village = serializers.CharField(source="village.code")
    title = serializers.CharField(source="current.title")
    satisfied = serializers.IntegerField(source="summary.satisfied")
    basically_satisfied = serializers.IntegerField(source="summary.basically_satisfied")
    not_satisfied = serializers.IntegerField(source="summary.not_satisfied")
    total = serializers.IntegerField(source="summary.total")
    satisfied_share = serializers.DecimalField(
        source="summary.satisfied_share", max_digits=4, decimal_places=1, allow_null=True
    )

    class Meta:
        model = Posting
        fields = [
            "code",
            "village",
            "title",
            "satisfied",
            "basically_satisfied",
            "not_satisfied",
            "total",
            "satisfied_share",
        ]


class PeriodRatingFilter(filters.FilterSet):
    village = filters.CharFilter(
        field_name="village__code", label=_("Division code of the village")
    )

    class Meta:
        model = Posting
        fields = ["village"]


class PeriodRatingViewSet(PublicViewSet):
    """Each published finance period with its villagers' ratings, counted (never a comment)."""

    serializer_class = PeriodRatingSerializer
    filterset_class = PeriodRatingFilter
    lookup_field = "code"
    lookup_value_regex = "[0-9A-Za-z]{1,12}"

    def get_queryset(self):
        return (
            Posting.objects.in_force()
            .filter(kind=FinanceKind.FINANCE_PERIOD)
            .select_related("village", "current")
            .order_by("-first_published_at", "-pk")
        )

    def _with_summaries(self, postings):
        summaries = period_ratings([posting.pk for posting in postings])
        for posting in postings:
            posting.summary = summaries[posting.pk]
        return postings

    def paginate_queryset(self, queryset):
        return self._with_summaries(super().paginate_queryset(queryset))

    def get_object(self):
        return self._with_summaries([super().get_object()])[0]
