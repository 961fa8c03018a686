"""Forms of the finance staff pages: plain fields; the services decide what is allowed."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from . import parsing
from .models import Frequency, Fund
from .services.budgets import BUDGETED

MONEY = {"max_digits": 14, "decimal_places": 2}
# Django's admin, listed before our apps, translates a bare "Summary" as 概览 (overview); a
# ledger's summary is 摘要.
FIELD_LABELS = {**parsing.FIELD_LABELS, "summary": pgettext_lazy("ledger column", "Summary")}


class SettingsForm(forms.Form):
    frequency = forms.ChoiceField(label=_("Disclosure frequency"), choices=Frequency.choices)
    due_days = forms.IntegerField(
        label=_("Days until due after the period ends"), min_value=1, max_value=90
    )


class NewImportForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    number = forms.IntegerField(
        label=_("Month or quarter"),
        min_value=1,
        max_value=12,
        help_text=_("1–12 for a month, 1–4 for a quarter, as the village discloses."),
    )
    frequency = forms.ChoiceField(
        label=_("Month or quarter?"),
        choices=[("", _("As the village discloses")), *Frequency.choices],
        required=False,
        help_text=_("Only needed in a year the village disclosed both monthly and quarterly."),
    )
    fund = forms.ChoiceField(
        label=_("The file is the journal of"), choices=Fund.choices, initial=Fund.BANK
    )
    file = forms.FileField(
        label=_("Ledger file"),
        help_text=_("CSV, XLSX or XLS, as your accounting software saves it."),
    )
    reason = forms.CharField(
        label=_("Reason for the correction"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Only when the period is already published; villagers will read it."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = datetime.date.today().year


class SheetForm(forms.Form):
    sheet = forms.ChoiceField(label=_("Sheet"))

    def __init__(self, *args, sheets, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sheet"].choices = [(name, name) for name in sheets]


class MappingForm(forms.Form):
    """One choice of column per ledger field; the file's headings are shown with their letters."""

    def __init__(self, *args, header, mapping, **kwargs):
        super().__init__(*args, **kwargs)
        columns = [("", "—")] + [
            (str(index), f"{parsing.column_letter(index)}: {heading}")
            for index, heading in enumerate(header)
        ]
        for name in parsing.FIELDS:
            initial = mapping.get(name)
            self.fields[name] = forms.ChoiceField(
                label=FIELD_LABELS[name],
                choices=columns,
                required=False,
                initial="" if initial is None else str(initial),
            )

    def mapping(self) -> dict[str, int]:
        return {name: int(value) for name, value in self.cleaned_data.items() if value != ""}


class BalancesForm(forms.Form):
    """Closing balances as in the books; opening ones only when no published period gives them."""

    cash_opening = forms.DecimalField(label=_("Cash at the start"), **MONEY)
    bank_opening = forms.DecimalField(label=_("Bank deposits at the start"), **MONEY)
    cash_closing = forms.DecimalField(label=_("Cash at the end"), **MONEY)
    bank_closing = forms.DecimalField(label=_("Bank deposits at the end"), **MONEY)

    def __init__(self, *args, carried=None, **kwargs):
        super().__init__(*args, **kwargs)
        if carried:
            del self.fields["cash_opening"]
            del self.fields["bank_opening"]

    def opening(self) -> dict | None:
        if "cash_opening" not in self.fields:
            return None
        return {fund: self.cleaned_data[f"{fund}_opening"] for fund in Fund.values}

    def closing(self) -> dict:
        return {fund: self.cleaned_data[f"{fund}_closing"] for fund in Fund.values}


class VoucherForm(forms.Form):
    file = forms.FileField(label=_("Voucher photo or PDF"))


class ManyFilesInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class ManyFilesField(forms.FileField):
    """Several files chosen at once (Django's documented way: a widget that allows it and a
    field that cleans each file)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget", ManyFilesInput(attrs={"accept": "image/jpeg,image/png,application/pdf"})
        )
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class VouchersForm(forms.Form):
    files = ManyFilesField(
        label=_("Voucher photos or PDFs"),
        help_text=_(
            "Choose many files at once: each is attached to the entry whose voucher number its "
            "name holds, such as 记-003.jpg or 记-003(2).jpg."
        ),
    )


class BudgetForm(forms.Form):
    """The year's budgeted amount per income and expenditure category."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for category in BUDGETED:
            self.fields[category] = forms.DecimalField(
                label=category.label, min_value=0, required=False, **MONEY
            )

    def amounts(self) -> dict:
        return {name: value for name, value in self.cleaned_data.items() if value is not None}
