"""Who may take each staff step on a major matter of village A, spelled out person by person.

302 means the step was taken; LOGIN means the visitor was sent to log in first.
A refused request leaves the audit log, and so everything else, untouched.
"""

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from disclosure.decisions import implementation, objections
from disclosure.publishing.models import AuditEntry

from .builders import after_notice, discussed_matter, new_matter, resolved_matter

LOGIN = "login"
PEOPLE = ("clerk_a", "supervisor_a", "clerk_b", "township_official", "administrator", "anonymous")

MATRIX = {
    #                     clerk_a supervisor_a clerk_b township_official administrator anonymous
    "see the matter": (200, 200, 404, 200, 200, LOGIN),
    "open a matter": (302, 403, 404, 403, 403, LOGIN),
    "record a discussion": (302, 403, 404, 403, 403, LOGIN),
    "prepare the resolution": (302, 403, 404, 403, 403, LOGIN),
    "moderate an objection": (403, 302, 404, 403, 403, LOGIN),
    "answer an objection": (302, 302, 404, 403, 403, LOGIN),
    "record progress": (302, 403, 404, 403, 403, LOGIN),
    "prepare the result": (302, 403, 404, 403, 403, LOGIN),
}

STAGE = {
    "body": "party_branch",
    "eligible": "5",
    "present": "5",
    "votes_for": "5",
    "votes_against": "0",
    "abstentions": "0",
    "minutes": "",
}


def _objection(matter, supervisor=None):
    objection = objections.lodge_objection(matter=matter, text="补偿标准不清", ip="203.0.113.9")
    if supervisor:
        objections.moderate_objection(objection=objection, approve=True, by=supervisor)
    return objection


def _finished(matter, clerk):
    with time_machine.travel(after_notice(matter)):
        implementation.record_progress(
            matter=matter, on=timezone.localdate(), description="完工", percent=100, by=clerk
        )
    return matter


def setup(action, village_a, clerk_a, supervisor_a):
    """The thing the action needs, the URL and data of the request, and the moment to send it."""
    now = timezone.now()
    if action == "open a matter":
        return (
            reverse("decisions_staff:new", args=[village_a.code]),
            {
                "title": "村集体鱼塘出租",
                "category": "collective_property",
                "amount": "12000.00",
            },
            now,
        )
    if action in ("see the matter", "record a discussion"):
        matter = new_matter(village_a, clerk_a)
        if action == "see the matter":
            return reverse("decisions_staff:matter", args=[matter.pk]), None, now
        data = {**STAGE, "held_on": timezone.localdate().isoformat()}
        return reverse("decisions_staff:record_stage", args=[matter.pk]), data, now
    if action == "prepare the resolution":
        matter = discussed_matter(village_a, clerk_a)
        return reverse("decisions_staff:prepare_resolution", args=[matter.pk]), {"body": ""}, now
    matter = resolved_matter(village_a, clerk_a, supervisor_a)
    if action == "moderate an objection":
        objection = _objection(matter)
        url = reverse("decisions_staff:moderate", args=[objection.pk])
        return url, {"decision": "approve"}, now
    if action == "answer an objection":
        objection = _objection(matter, supervisor_a)
        return reverse("decisions_staff:answer", args=[objection.pk]), {"answer": "已说明"}, now
    later = after_notice(matter)
    if action == "record progress":
        data = {"on": later.date().isoformat(), "description": "开工", "percent": "10"}
        return reverse("decisions_staff:record_progress", args=[matter.pk]), data, later
    _finished(matter, clerk_a)
    data = {
        "body": "已完工",
        "final_cost": "370000.00",
        "accepted_on": (later + timedelta(days=1)).date().isoformat(),
        "accepted_by": "镇农经站",
        "acceptance": "合格",
    }
    return (
        reverse("decisions_staff:prepare_result", args=[matter.pk]),
        data,
        later + timedelta(days=1),
    )


@pytest.mark.parametrize(
    ("action", "person", "expected"),
    [
        (action, person, expected)
        for action, row in MATRIX.items()
        for person, expected in zip(PEOPLE, row, strict=True)
    ],
)
def test_staff_permission_matrix(
    request, action, person, expected, village_a, clerk_a, supervisor_a
):
    url, data, moment = setup(action, village_a, clerk_a, supervisor_a)
    client = Client()
    entries = AuditEntry.objects.count()
    with time_machine.travel(moment):
        # Logged in at the moment itself: a staff session ends when idle.
        if person != "anonymous":
            client.force_login(request.getfixturevalue(person))
        response = client.get(url) if data is None else client.post(url, data)
    if expected == LOGIN:
        assert response.status_code == 302 and "/login/" in response["Location"]
    else:
        assert response.status_code == expected, response.content.decode()[:2000]
    if expected == 302:
        assert AuditEntry.objects.count() > entries
    else:
        assert AuditEntry.objects.count() == entries
