"""The one kind of error the log's pure modules raise, readable in English and in Chinese.

merkle.py and notes.py are used while Django's settings load (settings.py reads the signing key
with them), so their messages are only marked for the catalogue there: `str(error)` is English,
`error.translated()` speaks the request's language.
"""

from django.utils.translation import gettext


class LogError(ValueError):
    def __init__(self, message: str, **params):
        super().__init__(message % params)
        self.message = message
        self.params = params

    def translated(self) -> str:
        """The message in the active language; marked words among its values are translated
        too (a name or a number is left as it is)."""
        params = {
            key: gettext(value) if isinstance(value, str) else value
            for key, value in self.params.items()
        }
        return gettext(self.message) % params


def gettext_noop(message: str) -> str:
    """Mark a message for the catalogue (makemessages knows the name). Unlike Django's, it never
    reads the settings, so it may run while they load."""
    return message
