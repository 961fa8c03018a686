from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from disclosure.decisions.models import Matter

from .imports import REGISTER_LABELS
from .models import Asset, Disposal, Resource

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class AssetForm(forms.ModelForm):
    class Meta:
        model = Asset
        fields = [
            "number",
            "category",
            "name",
            "location",
            "quantity",
            "original_value",
            "acquired_on",
            "condition",
            "user",
        ]
        widgets = {"acquired_on": DATE_INPUT}
        # Plain "category" means a section of the disclosure catalogue elsewhere in the portal.
        labels = {"category": pgettext_lazy("register column", "Category")}


class ResourceForm(forms.ModelForm):
    class Meta:
        model = Resource
        fields = ["number", "type", "name", "location", "area_mu", "status", "user"]


class DisposalForm(forms.Form):
    disposal = forms.ChoiceField(label=_("Disposal"), choices=Disposal.choices)
    disposed_on = forms.DateField(label=_("Disposal date"), widget=DATE_INPUT)
    disposal_reason = forms.CharField(
        label=_("Reason for disposal"), widget=forms.Textarea(attrs={"rows": 3})
    )
    proceeds = forms.DecimalField(
        label=_("Proceeds (yuan)"),
        required=False,
        min_value=0,
        max_digits=14,
        decimal_places=2,
    )
    decision = forms.ModelChoiceField(
        label=_("Authorising major matter"), queryset=Matter.objects.none(), required=False
    )
    decision_reference = forms.CharField(
        label=_("Or the decision's reference"),
        required=False,
        max_length=100,
        help_text=_("For a decision taken before the portal: the number or date of the minutes."),
    )

    def __init__(self, *args, village, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].queryset = Matter.objects.filter(village=village)


class PhotoForm(forms.Form):
    photo = forms.FileField(label=_("Photo (JPEG or PNG)"))


class ImportForm(forms.Form):
    register = forms.ChoiceField(label=_("Register"), choices=list(REGISTER_LABELS.items()))
    workbook = forms.FileField(
        label=_("Excel workbook or CSV file"),
        help_text=_(
            "The sheet named 固定资产 or 资源, else the first, with a header row naming the "
            "columns (编号, 名称 …) and one row per item. Nothing is saved until you confirm "
            "the preview."
        ),
    )
