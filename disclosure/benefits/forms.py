"""Forms of the benefits pages; the rules live in services, imports and household."""

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from disclosure.web.forms import Honeypot

from .imports import Line

PAYLOAD_SALT = "disclosure.benefits.import"
# The clerk confirms the preview within the hour, or uploads the file again.
PAYLOAD_MAX_AGE = 3600


class ImportForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        help_text=_("For example: 2026年第三季度低保金发放名单"),
    )
    body = forms.CharField(
        label=_("Explanation (optional)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    public_from = forms.DateField(
        label=_("Publicity started on (optional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_(
            "Only if the list was already posted on the notice board: the publicity window "
            "counts from that day. Leave empty to count from the day of publication."
        ),
    )
    file = forms.FileField(
        label=_("Recipients file (CSV or XLSX)"),
        help_text=_(
            "Columns: 姓名, 身份证号, 村民小组, 补贴类型, 金额, 期间. "
            "One row per recipient and benefit."
        ),
    )


class ReimportForm(ImportForm):
    title = None
    body = None


def sign_preview(cleaned: dict, lines: list[Line]) -> str:
    """What the preview carries to the confirmation, signed so that it cannot be altered."""
    public_from = cleaned.get("public_from")
    return signing.dumps(
        {
            "title": cleaned.get("title", ""),
            "body": cleaned.get("body", ""),
            "public_from": public_from.isoformat() if public_from else None,
            "lines": [line.as_dict() for line in lines],
        },
        salt=PAYLOAD_SALT,
        compress=True,
    )


def read_preview(payload: str) -> dict | None:
    """The confirmed preview, or None when it was altered or has expired."""
    try:
        data = signing.loads(payload, salt=PAYLOAD_SALT, max_age=PAYLOAD_MAX_AGE)
    except signing.BadSignature:
        return None
    data["lines"] = [Line.from_dict(line) for line in data["lines"]]
    return data


class HouseholdForm(Honeypot):
    """查询本户: what only the household holds together, the slip above all."""

    name = forms.CharField(label=_("Name (yours or the household head's)"), max_length=50)
    identity_number = forms.CharField(
        label=_("Identity number"),
        max_length=30,
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "text"}),
    )
    code = forms.CharField(
        label=_("Code on your slip"),
        max_length=20,
        help_text=_("The village hands out a slip with each list; the code is printed on it."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )
    field_order = ["name", "identity_number", "code"]


class NotReceivedForm(forms.Form):
    entry = forms.IntegerField(widget=forms.HiddenInput)
    note = forms.CharField(
        label=_("Anything the township should know (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class DisbursementForm(forms.Form):
    file = forms.FileField(
        label=_("Disbursement file (CSV or XLSX)"),
        help_text=_(
            "Columns: village, name, identity number, account, amount, date paid, item; "
            "optionally the account holder."
        ),
    )
    lists_from = forms.DateField(
        label=_("Check against lists published from"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    lists_to = forms.DateField(
        label=_("until"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )


class DeathsForm(forms.Form):
    file = forms.FileField(
        label=_("Death register (CSV or XLSX)"),
        help_text=_("Columns: name, identity number, date of death."),
    )
