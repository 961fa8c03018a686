"""The audit log of the villages the user oversees, newest first."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import pgettext_lazy

from disclosure.publishing.models import AuditEntry
from disclosure.regions.access import Action, scope, villages_for
from disclosure.web.decorators import staff_required

from ..forms import AuditFilterForm

PAGE_SIZE = 50

ACTION_LABELS = {
    "posting.create": pgettext_lazy("audit log", "Draft created"),
    "revision.edit": pgettext_lazy("audit log", "Draft edited"),
    "attachment.add": pgettext_lazy("audit log", "Attachment added"),
    "attachment.remove": pgettext_lazy("audit log", "Attachment removed"),
    "revision.submit": pgettext_lazy("audit log", "Submitted for sign-off"),
    "revision.return": pgettext_lazy("audit log", "Returned for changes"),
    "revision.sign_off": pgettext_lazy("audit log", "Signed off"),
    "revision.publish": pgettext_lazy("audit log", "Published"),
    "posting.correct": pgettext_lazy("audit log", "Correction started"),
    "posting.withdraw": pgettext_lazy("audit log", "Withdrawn"),
    "revision.discard": pgettext_lazy("audit log", "Draft discarded"),
}


def label_of(action: str) -> str:
    # Later parts of the portal log actions of their own; those show their code.
    return ACTION_LABELS.get(action, action)


@staff_required
def audit_log(request):
    villages = villages_for(request.user, Action.VIEW_AUDIT_LOG)
    if not villages.exists():
        raise PermissionDenied
    entries = scope(
        AuditEntry.objects.select_related("village", "user"), request.user, Action.VIEW_AUDIT_LOG
    )
    actions = entries.order_by("action").values_list("action", flat=True).distinct()
    form = AuditFilterForm(
        request.GET,
        villages=villages,
        actions=[(action, label_of(action)) for action in actions],
    )
    if form.is_valid():
        entries = form.filter(entries)
    entries_page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    for entry in entries_page:
        entry.label = label_of(entry.action)
    return render(request, "workspace/audit.html", {"form": form, "entries": entries_page})
