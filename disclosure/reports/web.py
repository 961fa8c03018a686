"""What the public and staff pages of reports share."""

from django.core.exceptions import ValidationError
from django.utils.cache import add_never_cache_headers


def private(response):
    """Kept by no cache, shared or not: the page is meant for one person only."""
    add_never_cache_headers(response)
    response["Cache-Control"] += ", private"
    return response


def add_errors(form, error: ValidationError) -> None:
    """Show a service's refusal on the form, beside the field it names or at the top."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            for message in messages:
                form.add_error(field if field in form.fields else None, message)
    else:
        for message in error.messages:
            form.add_error(None, message)
