"""Staff forms for contracts, payments and project stages.

Schedules and bids are typed (or pasted from a spreadsheet) one per line, so a clerk can enter
twenty yearly rents without twenty rows of fields. Every rule about content lives in the services.
"""

import datetime
import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from disclosure.assets.models import Asset, Resource
from disclosure.decisions.models import Matter

from .models import AwardMethod, CounterpartyKind, Direction, Stage
from .projects import StageReport
from .services import Terms

MAX_LINES = 200
# Commas (also full-width ones), tabs from a pasted spreadsheet, or plain spaces separate values.
_SEPARATOR = re.compile(r"\s*[,，\t]\s*|\s+")


def _amount(text: str, line: int) -> Decimal:
    try:
        value = Decimal(text.replace(",", "").replace("，", "").replace("元", ""))
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite() or value.as_tuple().exponent < -2:
        raise ValidationError(
            _("Line %(line)d: “%(text)s” is not an amount in yuan such as 1200.50.")
            % {"line": line, "text": text}
        )
    return value


def _date(text: str, line: int) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text.replace("/", "-"))
    except ValueError:
        raise ValidationError(
            _("Line %(line)d: “%(text)s” is not a date such as 2025-12-31.")
            % {"line": line, "text": text}
        ) from None


def _lines(text: str) -> list[tuple[int, str]]:
    lines = [(n, line.strip()) for n, line in enumerate(text.splitlines(), start=1)]
    lines = [(n, line) for n, line in lines if line]
    if len(lines) > MAX_LINES:
        raise ValidationError(_("At most %(count)d lines.") % {"count": MAX_LINES})
    return lines


def parse_schedule(text: str) -> list[tuple[datetime.date, Decimal]]:
    """Lines of "due date, amount": 2025-12-31, 5000."""
    schedule, errors = [], []
    for number, line in _lines(text):
        parts = _SEPARATOR.split(line, maxsplit=1)
        try:
            if len(parts) != 2:
                raise ValidationError(
                    _("Line %(line)d: write a due date and an amount.") % {"line": number}
                )
            schedule.append((_date(parts[0], number), _amount(parts[1], number)))
        except ValidationError as error:
            errors.extend(error.messages)
    if errors:
        raise ValidationError(errors)
    return schedule


def parse_bids(text: str) -> list[tuple[str, Decimal, bool]]:
    """Lines of "bidder, price"; a * before the name marks the winner."""
    bids, errors = [], []
    for number, line in _lines(text):
        name, _sep, price = line.replace("，", ",").replace("\t", ",").rpartition(",")
        if not name:
            name, _sep, price = line.rpartition(" ")
        try:
            if not name.strip(" *"):
                raise ValidationError(
                    _("Line %(line)d: write the bidder, a comma and the price.") % {"line": number}
                )
            won = name.strip().startswith("*")
            bids.append((name.strip(" *"), _amount(price.strip(), number), won))
        except ValidationError as error:
            errors.extend(error.messages)
    if errors:
        raise ValidationError(errors)
    return bids


class ContractForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    counterparty_kind = forms.ChoiceField(
        label=_("The counterparty is"), choices=CounterpartyKind.choices
    )
    counterparty = forms.CharField(label=pgettext_lazy("contract", "Counterparty"), max_length=100)
    identity_number = forms.CharField(
        label=_("Identity number (persons only)"),
        max_length=18,
        required=False,
        help_text=_(
            "Kept for the staff; villagers only ever see it masked, like 3201**********123X."
        ),
    )
    subject = forms.CharField(label=_("Asset or resource concerned"), max_length=200)
    asset = forms.ModelChoiceField(
        label=_("Fixed asset in the register"), queryset=Asset.objects.none(), required=False
    )
    resource = forms.ModelChoiceField(
        label=_("Resource in the register"), queryset=Resource.objects.none(), required=False
    )
    purpose = forms.CharField(label=_("Purpose"), widget=forms.Textarea(attrs={"rows": 3}))
    direction = forms.ChoiceField(label=_("Money flow"), choices=Direction.choices)
    start_date = forms.DateField(label=_("Start of term"), widget=forms.DateInput({"type": "date"}))
    end_date = forms.DateField(label=_("End of term"), widget=forms.DateInput({"type": "date"}))
    total_amount = forms.DecimalField(
        label=_("Total amount (yuan)"), max_digits=14, decimal_places=2
    )
    award_method = forms.ChoiceField(
        label=_("How the counterparty was chosen"), choices=AwardMethod.choices
    )
    matter = forms.ModelChoiceField(
        label=pgettext_lazy("contract", "Authorising major matter"),
        queryset=Matter.objects.none(),
        required=False,
    )
    decision_reference = forms.CharField(
        label=_("Authorising decision"),
        max_length=200,
        required=False,
        help_text=_(
            "For example: resolution of the villagers' representative meeting of 2025-03-02."
        ),
    )
    schedule = forms.CharField(
        label=_("Payment schedule"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("One payment per line: due date, amount. For example: 2025-12-31, 5000"),
    )
    bids = forms.CharField(
        label=_("Bidders and their prices"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("One bidder per line: name, price. Put * before the winner's name."),
    )
    body = forms.CharField(
        label=_("Further text (optional)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, village, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["asset"].queryset = Asset.objects.filter(village=village)
        self.fields["resource"].queryset = Resource.objects.filter(village=village)
        self.fields["matter"].queryset = Matter.objects.filter(village=village)

    def clean_schedule(self):
        return parse_schedule(self.cleaned_data["schedule"])

    def clean_bids(self):
        return parse_bids(self.cleaned_data["bids"])

    def terms(self) -> Terms:
        data = self.cleaned_data
        names = [f.name for f in Terms.__dataclass_fields__.values()]
        return Terms(**{name: data[name] for name in names if name in data})

    @classmethod
    def initial_for(cls, revision) -> dict:
        contract = revision.contract
        schedule = "\n".join(f"{i.due_date}, {i.amount}" for i in revision.instalments.all())
        bids = "\n".join(
            f"{'*' if b.won else ''}{b.bidder}, {b.price}" for b in revision.bids.all()
        )
        fields = [name for name in cls.base_fields if hasattr(contract, name)]
        return {
            **{name: getattr(contract, name) for name in fields},
            "title": revision.title,
            "body": revision.body,
            "schedule": schedule,
            "bids": bids,
        }


class PaymentForm(forms.Form):
    paid_on = forms.DateField(label=_("Date paid"), widget=forms.DateInput({"type": "date"}))
    amount = forms.DecimalField(label=_("Amount (yuan)"), max_digits=14, decimal_places=2)
    ledger_reference = forms.CharField(
        label=_("Ledger voucher number (if any)"), max_length=50, required=False
    )
    note = forms.CharField(label=_("Note"), max_length=200, required=False)


class ReversalForm(forms.Form):
    reason = forms.CharField(label=_("Why is this payment reversed?"), max_length=200)


class StageForm(forms.Form):
    stage = forms.ChoiceField(label=_("Stage"), choices=Stage.choices)
    date = forms.DateField(label=_("Date"), widget=forms.DateInput({"type": "date"}))
    description = forms.CharField(
        label=_("What happened"), widget=forms.Textarea(attrs={"rows": 3})
    )
    amount = forms.DecimalField(
        label=_("Amount (yuan)"),
        max_digits=14,
        decimal_places=2,
        required=False,
        help_text=_(
            "Budget at approval, price at award or contract, amount of the final accounts."
        ),
    )
    bids = forms.CharField(
        label=_("Bidders and their prices (bidding stage)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("One bidder per line: name, price. Put * before the winner's name."),
    )

    def clean_bids(self):
        return parse_bids(self.cleaned_data["bids"])

    def report(self) -> StageReport:
        return StageReport(**self.cleaned_data)


class ProjectForm(StageForm):
    title = forms.CharField(label=_("Name of the project"), max_length=200)
    body = forms.CharField(
        label=_("About the project"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    field_order = ["title", "body"]

    def report(self) -> StageReport:
        data = {k: v for k, v in self.cleaned_data.items() if k not in ("title", "body")}
        return StageReport(**data)
