"""Forms and the refusals of services."""

from django import forms
from django.core.exceptions import ValidationError


def show_refusal(form: forms.Form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form: beside the field it names, else at the top."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)
