from django import template
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from disclosure.regions.access import Action, regions_for

register = template.Library()
AREA = "staff area"

# Each staff area of the workspace, shown to those whose roles grant the action it serves.
AREAS = [
    (Action.ANSWER_QUESTIONS, "participation_staff:index", pgettext_lazy(AREA, "Questions")),
    (Action.VIEW_REPORTS, "reports_staff:list", pgettext_lazy(AREA, "Reports")),
    (Action.OVERSEE, "oversight_staff:index", pgettext_lazy(AREA, "Oversight")),
    (Action.VIEW_FLAGS, "redflags_staff:index", pgettext_lazy(AREA, "Red flags")),
    (Action.VIEW_AUDIT_LOG, "workspace:audit", _("Audit log")),
]


@register.inclusion_tag("workspace/includes/areas.html", takes_context=True)
def staff_areas(context):
    user = context["request"].user
    areas = [(reverse(name), label) for action, name, label in AREAS if regions_for(user, action)]
    return {"areas": areas}
