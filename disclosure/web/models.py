from django.db import models
from django.utils.translation import gettext_lazy as _


class Attempt(models.Model):
    """One counted attempt of a limited action, by the keyed hash of who tried (web/limits.py).

    Kept apart from what was sent on purpose: no question, objection or report records where it
    came from, so an anonymous report stays anonymous even to those who read the database.
    """

    kind = models.CharField(_("kind"), max_length=40)
    key = models.CharField(_("keyed hash"), max_length=64)
    at = models.DateTimeField(_("time"), db_index=True)

    class Meta:
        indexes = [models.Index(fields=["kind", "key", "at"])]
        verbose_name = _("limited attempt")
        verbose_name_plural = _("limited attempts")

    def __str__(self):
        return f"{self.kind} · {self.key[:12]}"
