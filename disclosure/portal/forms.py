from django import forms
from django.utils.translation import gettext_lazy as _


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search the disclosures"),
        min_length=2,
        max_length=50,
        error_messages={
            "required": _("Type a word to look for, for example 修路 or 低保."),
            "min_length": _("Type at least two characters, for example 修路."),
            "max_length": _("Type at most 50 characters."),
        },
    )
