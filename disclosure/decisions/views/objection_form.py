from django import forms
from django.utils.translation import gettext_lazy as _

from disclosure.web.forms import Honeypot

from .. import rules


class ObjectionForm(Honeypot):
    """What a villager writes to object to a resolution in public notice; no account needed."""

    name = forms.CharField(
        label=_("Your name (optional)"),
        required=False,
        max_length=rules.OBJECTION_NAME_MAX_CHARS,
        error_messages={
            "max_length": _("A name may be at most %(limit_value)d characters long."),
        },
    )
    text = forms.CharField(
        label=_("Your objection"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=rules.OBJECTION_MAX_CHARS,
        error_messages={
            "required": _("Please write your objection."),
            "max_length": _("An objection may be at most %(limit_value)d characters long."),
        },
    )
    field_order = ["name", "text", "website"]
