"""The public JSON shapes of village finances. Amounts are strings like "1234.50", exact."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from disclosure.publishing.masking import mask_text

from .models import ENTRY_FIELDS, Budget, LedgerEntry, PeriodSummary, PeriodTotal, Voucher
from .services.budgets import budget_vs_actual

MONEY = {"max_digits": 14, "decimal_places": 2, "coerce_to_string": True}


class Masked(serializers.CharField):
    def to_representation(self, value):
        return mask_text(super().to_representation(value))


class CategoryTotalSerializer(serializers.ModelSerializer):
    income = serializers.DecimalField(**MONEY)
    expenditure = serializers.DecimalField(**MONEY)

    class Meta:
        model = PeriodTotal
        fields = ["category", "income", "expenditure", "entries"]


class PeriodSerializer(serializers.ModelSerializer):
    """A published period: its place in the year and the figures stored when it was published."""

    id = serializers.IntegerField(source="period_id")
    url = serializers.HyperlinkedIdentityField(
        view_name="api:finance-period-detail", lookup_field="period_id", lookup_url_kwarg="pk"
    )
    entries_url = serializers.HyperlinkedIdentityField(
        view_name="api:finance-period-entries", lookup_field="period_id", lookup_url_kwarg="pk"
    )
    village = serializers.CharField(source="village.code")
    year = serializers.IntegerField(source="period.year")
    number = serializers.IntegerField(source="period.number")
    frequency = serializers.CharField(source="period.frequency")
    start = serializers.DateField(source="period.start")
    end = serializers.DateField(source="period.end")
    due_date = serializers.DateField(source="period.due_date")
    posting = serializers.CharField(source="revision.posting.code")
    revision = serializers.IntegerField(source="revision.number")
    published_at = serializers.DateTimeField(source="revision.published_at")
    digest = serializers.CharField(source="revision.digest")
    income = serializers.DecimalField(**MONEY)
    expenditure = serializers.DecimalField(**MONEY)
    cash_opening = serializers.DecimalField(**MONEY)
    cash_closing = serializers.DecimalField(**MONEY)
    bank_opening = serializers.DecimalField(**MONEY)
    bank_closing = serializers.DecimalField(**MONEY)
    claims_change = serializers.DecimalField(**MONEY)
    debts_change = serializers.DecimalField(**MONEY)
    hospitality = serializers.DecimalField(**MONEY)
    categories = CategoryTotalSerializer(source="revision.period_totals", many=True)

    class Meta:
        model = PeriodSummary
        fields = [
            "id",
            "url",
            "entries_url",
            "village",
            "year",
            "number",
            "frequency",
            "start",
            "end",
            "due_date",
            "posting",
            "revision",
            "published_at",
            "digest",
            "income",
            "expenditure",
            "cash_opening",
            "cash_closing",
            "bank_opening",
            "bank_closing",
            "claims_change",
            "debts_change",
            "hospitality",
            "entries",
            "categories",
        ]


class VoucherSerializer(serializers.ModelSerializer):
    sha256 = serializers.CharField(source="blob_id")
    url = serializers.SerializerMethodField()

    class Meta:
        model = Voucher
        fields = ["filename", "sha256", "url"]

    def get_url(self, voucher) -> str:
        path = f"/fv/{voucher.blob_id}/{voucher.filename}"
        return self.context["request"].build_absolute_uri(path)


class EntrySerializer(serializers.ModelSerializer):
    summary = Masked()
    counterparty = Masked()
    handler = Masked()
    approver = Masked()
    income = serializers.DecimalField(**MONEY)
    expenditure = serializers.DecimalField(**MONEY)
    vouchers = VoucherSerializer(many=True)

    class Meta:
        model = LedgerEntry
        fields = [*ENTRY_FIELDS, "vouchers"]


class BudgetLineSerializer(serializers.Serializer):
    category = serializers.CharField()
    budget = serializers.DecimalField(**MONEY)
    actual = serializers.DecimalField(**MONEY)
    share = serializers.DecimalField(
        max_digits=8, decimal_places=1, coerce_to_string=True, allow_null=True
    )


class BudgetSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:finance-budget-detail")
    village = serializers.CharField(source="village.code")
    posting = serializers.CharField(source="posting.code")
    digest = serializers.CharField(source="posting.current.digest")

    class Meta:
        model = Budget
        fields = ["id", "url", "village", "year", "posting", "digest"]


class BudgetDetailSerializer(BudgetSerializer):
    """A published budget set against the published periods of its year, category by category."""

    lines = serializers.SerializerMethodField()

    class Meta(BudgetSerializer.Meta):
        fields = [*BudgetSerializer.Meta.fields, "lines"]

    @extend_schema_field(BudgetLineSerializer(many=True))
    def get_lines(self, budget):
        lines = budget_vs_actual(village=budget.village, year=budget.year)
        return BudgetLineSerializer(lines, many=True).data
