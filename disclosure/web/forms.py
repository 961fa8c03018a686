"""Forms: the refusals of services, and the trap of the public forms."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def show_refusal(form: forms.Form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form: beside the field it names, else at the top."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


class Honeypot(forms.Form):
    """A public form with a field people never fill: their browsers hide it (class "trap"), while
    programs that fill every field do. A subclass that lists its fields in a loop gives them a
    `field_order`, since this field comes first otherwise."""

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def is_robot(self) -> bool:
        return bool(self.cleaned_data.get("website"))
