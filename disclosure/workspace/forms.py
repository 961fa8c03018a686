"""The forms of the staff workspace. Every rule about content lives in publishing.services;
these forms only read what was typed and show the services' refusals beside the right field.
"""

from math import ceil

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy

from disclosure.publishing.catalogue import Kind
from disclosure.publishing.services import Content
from disclosure.regions.models import Region
from disclosure.web.addresses import client_ip
from disclosure.web.forms import show_refusal

from . import throttling

MAX_POWERS = 100
MAX_FILES_PER_UPLOAD = 20


def paused(until) -> ValidationError:
    minutes = ceil((until - timezone.now()).total_seconds() / 60)
    return ValidationError(
        ngettext(
            "Too many failed logins for this account or from this address. "
            "Try again in %(minutes)d minute.",
            "Too many failed logins for this account or from this address. "
            "Try again in %(minutes)d minutes.",
            minutes,
        )
        % {"minutes": minutes},
        code="paused",
    )


class LoginForm(AuthenticationForm):
    """Django's login form; while logins are paused it refuses even the right password."""

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        ip = client_ip(self.request)
        paused_until = throttling.paused_until(username, ip)
        if paused_until:
            throttling.record_refusal(username, ip)
            raise paused(paused_until)
        try:
            return super().clean()
        except ValidationError:
            throttling.record_failure(username, ip)
            raise


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        help_text=_("The six digits your authenticator app shows, or one of your recovery codes."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class ContentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(
        label=_("Text"),
        required=False,
        max_length=50_000,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_(
            "Identity card and mobile numbers are masked automatically when the draft is saved."
        ),
    )


POWER_FIELDS = ("name", "steps", "documents", "time_limit", "fee", "responsible")


class PowerItemForm(forms.Form):
    name = forms.CharField(label=_("Power"), max_length=100)
    steps = forms.CharField(label=_("Procedure steps"), widget=forms.Textarea(attrs={"rows": 4}))
    documents = forms.CharField(
        label=_("Documents needed"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    time_limit = forms.CharField(label=_("Time limit"), max_length=100)
    fee = forms.CharField(
        label=_("Fee"), max_length=100, help_text=_("Write “free of charge” if there is no fee.")
    )
    responsible = forms.CharField(label=_("Person responsible"), max_length=100)


class BasePowerItemFormSet(forms.BaseFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Remove this row")

    def rows(self) -> list[dict]:
        """The powers to save, in order: filled rows not marked for removal."""
        return [
            {name: form.cleaned_data[name] for name in POWER_FIELDS}
            for form in self.forms
            if form.cleaned_data and form not in self.deleted_forms
        ]

    def kept_rows(self) -> list[dict]:
        """The rows as typed, without validating them: those not marked for removal or empty."""
        rows = []
        for form in self.forms:
            row = {name: form[name].value() or "" for name in POWER_FIELDS}
            removed = "DELETE" in form.fields and form["DELETE"].data
            if any(row.values()) and not removed:
                rows.append(row)
        return rows


PowerItemFormSet = forms.formset_factory(
    PowerItemForm,
    formset=BasePowerItemFormSet,
    extra=1,
    can_delete=True,
    can_delete_extra=False,
    max_num=MAX_POWERS,
    absolute_max=MAX_POWERS,
    validate_max=True,
)


class PostingEditor:
    """A posting's form: title and text and, for a list of small powers, a row per power."""

    def __init__(self, kind: str, data=None, initial=None, rows=None):
        self.form = ContentForm(data, initial=initial)
        self.powers = None
        if kind == Kind.POWER_LIST:
            self.powers = PowerItemFormSet(data, initial=rows, prefix="powers")

    @classmethod
    def for_revision(cls, revision) -> "PostingEditor":
        return cls(
            revision.posting.kind,
            initial={"title": revision.title, "body": revision.body},
            rows=[item.canonical() for item in revision.power_items.all()],
        )

    @classmethod
    def with_added_row(cls, kind: str, data) -> "PostingEditor":
        """The posted form again, unsaved, without the rows marked for removal and one row more."""
        posted = cls(kind, data)
        return cls(
            kind,
            initial={"title": data.get("title", ""), "body": data.get("body", "")},
            rows=posted.powers.kept_rows() if posted.powers is not None else None,
        )

    def is_valid(self) -> bool:
        valid = self.form.is_valid()
        if self.powers is not None:
            valid = self.powers.is_valid() and valid
        return valid

    def content(self) -> Content:
        return Content(
            title=self.form.cleaned_data["title"],
            body=self.form.cleaned_data["body"],
            power_items=self.powers.rows() if self.powers is not None else None,
        )

    def add_error(self, error: ValidationError) -> None:
        show_refusal(self.form, error)


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        clean_one = super().clean
        uploads = [
            upload for upload in (data if isinstance(data, list | tuple) else [data]) if upload
        ]
        if not uploads:
            raise ValidationError(self.error_messages["required"], code="required")
        if len(uploads) > MAX_FILES_PER_UPLOAD:
            raise ValidationError(
                _("Upload at most %(count)d files at a time.") % {"count": MAX_FILES_PER_UPLOAD}
            )
        return [clean_one(upload, initial) for upload in uploads]


class AttachmentForm(forms.Form):
    files = MultipleFileField(
        label=_("Attachments"),
        help_text=_("PDF, JPEG or PNG; several files may be chosen at once."),
        widget=MultipleFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )


class OpinionForm(forms.Form):
    opinion = forms.CharField(
        label=_("Opinion of the supervision committee"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Shown publicly with the posting. By signing off you confirm that you have read the "
            "content above, all of it, as villagers will see it."
        ),
    )
    # The digest of the content the page showed: signing off is refused if it has changed since.
    content_digest = forms.RegexField(
        regex=r"^[0-9a-f]{64}$",
        widget=forms.HiddenInput,
        error_messages={
            "required": _("This page is out of date: open it again and read the content first."),
            "invalid": _("This page is out of date: open it again and read the content first."),
        },
    )


class ReturnForm(forms.Form):
    reason = forms.CharField(
        label=_("What needs to change"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class CorrectionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the correction"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown to villagers beside both versions."),
    )


class WithdrawalForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the withdrawal"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown to villagers in the notice that stays in place of the posting."),
    )


class AuditFilterForm(forms.Form):
    village = forms.ModelChoiceField(
        label=_("Village"),
        queryset=Region.objects.none(),
        to_field_name="code",
        required=False,
        empty_label=_("All villages"),
    )
    action = forms.ChoiceField(label=pgettext_lazy("audit log", "Action"), required=False)

    def __init__(self, *args, villages, actions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["village"].queryset = villages
        self.fields["action"].choices = [("", _("All actions")), *actions]

    def filter(self, entries):
        if village := self.cleaned_data.get("village"):
            entries = entries.filter(village=village)
        if action := self.cleaned_data.get("action"):
            entries = entries.filter(action=action)
        return entries
