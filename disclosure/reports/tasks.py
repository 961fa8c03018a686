"""What waits for a report handler on the workspace's start page."""

from django.urls import reverse
from django.utils.translation import gettext as _

from disclosure.publishing.tasks import Task
from disclosure.regions.access import Action, regions_for, scope

from .models import Report, ReportStatus


def new_reports(user) -> list[Task]:
    if not regions_for(user, Action.HANDLE_REPORTS):
        return []
    received = Report.objects.filter(status=ReportStatus.RECEIVED)
    received = scope(received, user, Action.HANDLE_REPORTS)
    url = reverse("reports_staff:list") + f"?status={ReportStatus.RECEIVED}"
    return [Task(_("New reports awaiting acceptance"), received.count(), url)]
