"""Villagers rate each period's finance disclosure: satisfied, basically satisfied or not.

Limits against ballot-stuffing that spare villagers behind one shared mobile-network address:
one rating per browser per period (remembered in a signed cookie), at most RATINGS_PER_HOUR
ratings of one period from one address in an hour, and a honeypot field in the form.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _

from disclosure import clock
from disclosure.finance.models import FinanceKind
from disclosure.publishing import changes
from disclosure.publishing.masking import mask_text
from disclosure.publishing.models import Posting
from disclosure.web import limits

from .models import Rating, RatingChoice

COMMENT_MAX_CHARS = 500
COOKIE = "rated"
COOKIE_SALT = "participation.rated"
COOKIE_MAX_AGE = 3 * 365 * 24 * 3600
# The cookie names the periods this browser rated; the oldest are forgotten beyond this many.
COOKIE_MAX_PERIODS = 60


def rateable_period(code: str) -> Posting:
    """A published (not withdrawn) finance period posting, or 404."""
    posting = (
        Posting.objects.in_force()
        .filter(code=code.upper(), kind=FinanceKind.FINANCE_PERIOD)
        .select_related("village", "current")
        .first()
    )
    if posting is None:
        raise Http404
    return posting


def rated_codes(request) -> list[str]:
    """The periods this browser has rated; a tampered or foreign cookie counts as none."""
    value = request.get_signed_cookie(COOKIE, default="", salt=COOKIE_SALT)
    return [code for code in value.split(",") if code]


def remember(response, codes: list[str], code: str) -> None:
    codes = [*[known for known in codes if known != code], code][-COOKIE_MAX_PERIODS:]
    response.set_signed_cookie(
        COOKIE,
        ",".join(codes),
        salt=COOKIE_SALT,
        max_age=COOKIE_MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )


@transaction.atomic
def rate(
    *, posting: Posting, choice: str, comment: str = "", already_rated: bool, ip=None, now=None
) -> Rating:
    """One villager's rating of the period; `already_rated` comes from their browser's cookie."""
    if already_rated:
        raise ValidationError(_("This phone has already rated this period. Thank you."))
    if choice not in RatingChoice.values:
        raise ValidationError({"choice": _("Please choose one of the three ratings.")})
    comment = mask_text((comment or "").replace("\r\n", "\n").strip())
    if len(comment) > COMMENT_MAX_CHARS:
        raise ValidationError(
            {
                "comment": _("A comment may be at most %(limit)s characters long.")
                % {"limit": COMMENT_MAX_CHARS}
            }
        )
    now = now or clock.now()
    limits.check(
        kind=f"rating {posting.pk}",
        who=ip,
        limit=settings.RATINGS_PER_HOUR,
        message=_(
            "Too many ratings of this period came from your network in the last hour; "
            "please try later."
        ),
    )
    rating = Rating.objects.create(
        village=posting.village,
        posting=posting,
        choice=choice,
        comment=comment,
        rated_at=now,
    )
    changes.count(posting.village_id)
    return rating
