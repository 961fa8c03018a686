"""Password rules of our own, beside Django's validators (settings.AUTH_PASSWORD_VALIDATORS)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class NotTheUsername:
    """A password equal to the username, or containing it, is the first one guessed."""

    def validate(self, password: str, user=None) -> None:
        username = (getattr(user, "username", "") or "").casefold()
        if username and username in password.casefold():
            raise ValidationError(
                _("The password must not be or contain the username."), code="password_has_username"
            )

    def get_help_text(self) -> str:
        return _("Your password must not be or contain your username.")
