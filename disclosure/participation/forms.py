"""Forms of questions and ratings. They parse input; questions.py and ratings.py decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from disclosure.web.forms import Honeypot

from . import questions, ratings
from .models import RatingChoice


class QuestionForm(Honeypot):
    """What a villager writes to ask about an item; no account needed."""

    text = forms.CharField(
        label=_("Your question"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=questions.TEXT_MAX_CHARS,
        error_messages={
            "required": _("Please write your question."),
            "max_length": _("A question may be at most %(limit_value)d characters long."),
        },
    )
    name = forms.CharField(
        label=_("Your name (optional, shown shortened, e.g. 张*)"),
        required=False,
        max_length=questions.NAME_MAX_CHARS,
        error_messages={
            "max_length": _("A name may be at most %(limit_value)d characters long."),
        },
    )
    phone = forms.CharField(
        label=_("Mobile number (optional, never shown publicly)"),
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
        error_messages={
            "max_length": _("Please give an 11-digit mobile number, or leave the field empty."),
        },
    )
    field_order = ["text", "name", "phone", "website"]


class RatingForm(Honeypot):
    choice = forms.ChoiceField(
        label=_("Your rating"),
        choices=RatingChoice.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Please choose one of the three ratings."),
            "invalid_choice": _("Please choose one of the three ratings."),
        },
    )
    comment = forms.CharField(
        label=_("Comment (optional; read only by the village and the township)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=ratings.COMMENT_MAX_CHARS,
        error_messages={
            "max_length": _("A comment may be at most %(limit_value)d characters long."),
        },
    )
    field_order = ["choice", "comment", "website"]


class TrackForm(forms.Form):
    code = forms.CharField(
        label=_("Tracking code"),
        max_length=40,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
        error_messages={
            "required": _("Please enter your tracking code."),
            "max_length": _("A tracking code has 12 letters and digits, like JB7K-MQ4P-X2HR."),
        },
    )


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for not listing it (the asker reads it with their tracking code)"),
        max_length=questions.REASON_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Please give the reason for not listing it.")},
    )


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Answer"),
        max_length=questions.ANSWER_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Published beside the question, with your name; it cannot be changed later."),
        error_messages={
            "required": _("Please write the answer."),
            "max_length": _("An answer may be at most %(limit_value)d characters long."),
        },
    )
