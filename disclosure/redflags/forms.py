"""Staff forms of the cadre register; the rules live in cadres.py."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Relation

IDENTITY_HELP = _(
    "Optional; used only to match contracts and never shown in full. On a change, leave it "
    "empty to keep the number on record."
)


class DateInput(forms.DateInput):
    input_type = "date"


class CadreForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=50)
    position = forms.CharField(
        label=_("Position"),
        max_length=50,
        help_text=_("For example: party branch secretary, committee chair."),
    )
    identity_number = forms.CharField(
        label=_("Identity number"), max_length=18, required=False, help_text=IDENTITY_HELP
    )
    started_on = forms.DateField(label=_("In office since"), widget=DateInput)


class EndTermForm(forms.Form):
    ended_on = forms.DateField(label=_("Left office on"), widget=DateInput)


class RelativeForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=50)
    relation = forms.ChoiceField(label=_("Relation"), choices=Relation.choices)
    identity_number = forms.CharField(
        label=_("Identity number"), max_length=18, required=False, help_text=IDENTITY_HELP
    )
