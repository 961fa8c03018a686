from django.shortcuts import get_object_or_404

from disclosure.regions.access import Action, require, villages_for
from disclosure.regions.models import Region


def village_for(request, code: str, action: Action = Action.VIEW_DRAFTS) -> Region:
    """The village by its code, if the user may take the action there: a village the user may
    not even see drafts of is missing (404), one they may only look at is refused (403)."""
    village = get_object_or_404(villages_for(request.user, Action.VIEW_DRAFTS), code=code)
    require(request.user, action, village)
    return village
