import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from disclosure.publishing.search import terms


def _is_chinese(character: str) -> bool:
    return "\u3400" <= character <= "\u9fff" or "\uf900" <= character <= "\ufaff"


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search the disclosures"),
        max_length=50,
        error_messages={
            "required": _("Type a word to look for, for example 修路 or 低保."),
            "max_length": _("Type at most 50 characters."),
        },
    )

    # The village whose page the search was typed on: its postings come first. Anything else
    # in its place is ignored rather than refused: the search itself is still worth answering.
    v = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_v(self):
        code = self.cleaned_data["v"]
        return code if re.fullmatch(r"\d{12}", code) else ""

    def clean_q(self):
        # One Chinese character is a word (桥, 井); one letter or digit is not.
        query = self.cleaned_data["q"]
        if len(query) == 1 and not _is_chinese(query):
            raise ValidationError(_("Type at least two letters or digits, or a Chinese word."))
        if not terms(query):
            raise ValidationError(_("Type words or numbers: punctuation alone cannot be found."))
        return query
