from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from disclosure.web.forms import Honeypot

from . import handling, services
from .models import ReportCategory, ReportStatus

ANONYMOUS, NAMED = "anonymous", "named"


class TownshipForm(forms.Form):
    """The first step without JavaScript: which township the village lies in."""

    township = forms.ChoiceField(label=_("Township"))

    def __init__(self, *args, townships, **kwargs):
        super().__init__(*args, **kwargs)
        groups: dict[str, list] = {}
        for township in townships:
            county = township.parent.name if township.parent else ""
            groups.setdefault(county, []).append((township.code, township.name))
        self.fields["township"].choices = list(groups.items())


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget", MultipleFileInput(attrs={"accept": "image/jpeg,image/png,application/pdf"})
        )
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        # The service reads and checks every file; here only their number and presence matter.
        if not data:
            return []
        return list(data) if isinstance(data, list | tuple) else [data]


class ReportForm(Honeypot):
    village = forms.ChoiceField(label=_("Village"))
    category = forms.ChoiceField(
        label=_("What is it about?"),
        choices=[("", _("Choose…")), *ReportCategory.choices],
        error_messages={
            "required": _("Please choose what the report is about."),
            "invalid_choice": _("Please choose what the report is about."),
        },
    )
    text = forms.CharField(
        label=pgettext_lazy("report", "What happened"),
        help_text=_("Who, what, when and where, as precisely as you can."),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=services.TEXT_MAX_CHARS,
        error_messages={
            "required": _("Please describe what happened."),
            "max_length": _("A report may be at most %(limit_value)d characters long."),
        },
    )
    files = MultipleFileField(
        label=_("Photos or documents (optional)"),
        help_text=_("Up to 3 files: JPEG or PNG photos, or PDF. Location data is removed."),
        required=False,
    )
    identity = forms.ChoiceField(
        label=_("Your identity"),
        choices=[
            (ANONYMOUS, _("Report anonymously")),
            (NAMED, _("Give my name so that the township can contact me")),
        ],
        initial=ANONYMOUS,
        widget=forms.RadioSelect,
    )
    name = forms.CharField(
        label=_("Your name"),
        help_text=_("Only when you give your name. Never shown to anyone in the village."),
        required=False,
        max_length=services.NAME_MAX_CHARS,
        error_messages={"max_length": _("A name may be at most %(limit_value)d characters long.")},
    )
    contact = forms.CharField(
        label=_("Phone or email (optional)"),
        required=False,
        max_length=services.CONTACT_MAX_CHARS,
        error_messages={
            "max_length": _("Please give a phone number or an email address, or leave it empty.")
        },
    )

    def __init__(self, *args, villages, **kwargs):
        super().__init__(*args, **kwargs)
        self.villages = {village.code: village for village in villages}
        self.fields["village"].choices = [
            ("", _("Choose…")),
            *((village.code, village.name) for village in villages),
        ]
        self.fields["village"].error_messages["required"] = _(
            "Please choose the village the report is about."
        )
        self.fields["village"].error_messages["invalid_choice"] = _(
            "Please choose the village the report is about."
        )

    def filing(self) -> services.Filing:
        data = self.cleaned_data
        return services.Filing(
            village=self.villages[data["village"]],
            category=data["category"],
            text=data["text"],
            anonymous=data["identity"] == ANONYMOUS,
            name=data["name"],
            contact=data["contact"],
        )


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


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("New status"),
        choices=[
            (ReportStatus.INVESTIGATING, ReportStatus.INVESTIGATING.label),
            (ReportStatus.CONCLUDED, ReportStatus.CONCLUDED.label),
        ],
    )
    conclusion = forms.CharField(
        label=_("Public conclusion"),
        help_text=_("Read by the holder of the tracking code. Needed to conclude."),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        max_length=handling.CONCLUSION_MAX_CHARS,
    )

    def __init__(self, *args, allowed, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (value, label) for value, label in self.fields["status"].choices if value in allowed
        ]
        self.fields["status"].error_messages["invalid_choice"] = _(
            "The report cannot take this status now."
        )


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Internal note"),
        help_text=_("Seen only by report handlers."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=handling.NOTE_MAX_CHARS,
    )
