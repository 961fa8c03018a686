"""What the staff pages of major matters share: fetching a matter the user may act on."""

from django.db.models import Prefetch

from disclosure.regions.access import Action, get_for_user

from ..models import Matter, Stage


def matters():
    return Matter.objects.select_related("village", "resolution", "result").prefetch_related(
        Prefetch("stages", queryset=Stage.objects.order_by("number", "attempt"))
    )


def matter_for(request, pk: int, action: Action = Action.VIEW_DRAFTS) -> Matter:
    """The matter, or 404 when the user may not see its village's drafts, or 403 for the action."""
    return get_for_user(matters(), request.user, action, pk=pk)
