"""The public API's view of contracts and projects. Identity numbers leave only masked."""

from django.conf import settings
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from disclosure import clock

from . import selectors
from .arrears import Standing, Status, expires_within
from .models import Bid, Contract, Payment, ProjectStage


class BidSerializer(serializers.ModelSerializer):
    class Meta:
        model = Bid
        fields = ["bidder", "price", "won"]


class InstalmentStatusSerializer(serializers.Serializer):
    due_date = serializers.DateField()
    amount = serializers.DecimalField(max_digits=14, decimal_places=2)
    paid = serializers.DecimalField(max_digits=14, decimal_places=2)
    status = serializers.ChoiceField(choices=[s.value for s in Status])


class PaymentSerializer(serializers.ModelSerializer):
    reverses = serializers.IntegerField(source="reverses_id", allow_null=True)

    class Meta:
        model = Payment
        fields = ["id", "paid_on", "amount", "ledger_reference", "note", "reverses"]


class ContractSerializer(serializers.ModelSerializer):
    code = serializers.CharField(source="revision.posting.code")
    village = serializers.CharField(source="village.code")
    title = serializers.CharField(source="revision.title")
    revision = serializers.IntegerField(source="revision.number")
    identity_number = serializers.CharField(source="masked_identity_number")
    bids = BidSerializer(source="revision.bids", many=True)
    paid = serializers.DecimalField(max_digits=14, decimal_places=2)
    arrears = serializers.SerializerMethodField()
    status = serializers.SerializerMethodField()
    expiring = serializers.SerializerMethodField()
    schedule = serializers.SerializerMethodField()

    class Meta:
        model = Contract
        fields = [
            "code",
            "village",
            "revision",
            "title",
            "counterparty_kind",
            "counterparty",
            "identity_number",
            "subject",
            "purpose",
            "direction",
            "start_date",
            "end_date",
            "total_amount",
            "award_method",
            "decision_reference",
            "paid",
            "arrears",
            "status",
            "expiring",
            "schedule",
            "bids",
        ]

    def _standing(self, contract) -> Standing:
        if not hasattr(contract, "_standing"):
            today = clock.today()
            contract._standing = selectors.standing_of(contract, contract.paid, today)
        return contract._standing

    @extend_schema_field(serializers.DecimalField(max_digits=14, decimal_places=2))
    def get_arrears(self, contract) -> str:
        return f"{self._standing(contract).arrears:.2f}"

    def get_status(self, contract) -> str:
        return self._standing(contract).status.value

    def get_expiring(self, contract) -> bool:
        window = settings.CONTRACTS_EXPIRY_WINDOW_DAYS
        return expires_within(contract.end_date, clock.today(), window)

    @extend_schema_field(InstalmentStatusSerializer(many=True))
    def get_schedule(self, contract) -> list:
        instalments = self._standing(contract).instalments
        return InstalmentStatusSerializer(instalments, many=True).data


class ContractDetailSerializer(ContractSerializer):
    payments = PaymentSerializer(source="revision.posting.payments", many=True)

    class Meta(ContractSerializer.Meta):
        fields = [*ContractSerializer.Meta.fields, "payments"]


class StageSerializer(serializers.ModelSerializer):
    bids = BidSerializer(many=True)

    class Meta:
        model = ProjectStage
        fields = ["stage", "date", "description", "amount", "bids"]


class ProjectSerializer(serializers.Serializer):
    code = serializers.CharField(source="posting.code")
    village = serializers.CharField(source="village.code")
    revision = serializers.IntegerField(source="number")
    title = serializers.CharField()
    body = serializers.CharField()
    published_at = serializers.DateTimeField()
    stages = StageSerializer(many=True)
