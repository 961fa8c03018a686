"""Red flags where others' pages show them: a posting's flags on its staff page
(workspace/revision.html), the township's conclusions on its public page (portal/posting.html)."""

from django import template

from disclosure import clock
from disclosure.regions.access import Action, can

from ..models import Conclusion
from ..rules import RULES
from ..services import flags_for

register = template.Library()


@register.simple_tag
def posting_flags(posting, user) -> list[dict]:
    """Rows of the posting's flags, for a user who may VIEW_FLAGS in its village; else none."""
    if posting is None or not can(user, Action.VIEW_FLAGS, posting):
        return []
    flags = flags_for([posting.village_id], clock.today())
    return [
        {"flag": flag, "village": posting.village, "rule": RULES[flag.rule][0]}
        for flag in flags
        if flag.posting_id == posting.pk
    ]


@register.inclusion_tag("redflags/includes/conclusions.html")
def flag_conclusions(posting):
    """The township's conclusions on red flags about the posting's money, oldest first."""
    return {"conclusions": list(Conclusion.objects.public().filter(posting=posting))}
