"""Who may take each step on village A's revisions, spelled out person by person.

302 after a step means it was taken; LOGIN means the visitor was sent to log in first.
A refused or redirected request leaves the audit log, and so everything else, untouched.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from disclosure.publishing import chain
from disclosure.publishing.models import AuditEntry

LOGIN = "login"
PEOPLE = ("clerk_a", "supervisor_a", "clerk_b", "township_official", "administrator", "anonymous")

MATRIX = {
    #                clerk_a supervisor_a clerk_b township_official administrator anonymous
    "create": (302, 403, 404, 403, 403, LOGIN),
    "edit": (302, 403, 404, 403, 403, LOGIN),
    "upload": (302, 403, 404, 403, 403, LOGIN),
    "submit": (302, 403, 404, 403, 403, LOGIN),
    "sign off": (403, 302, 404, 403, 403, LOGIN),
    "return": (403, 302, 404, 403, 403, LOGIN),
    "publish": (302, 403, 404, 403, 403, LOGIN),
    "correct": (302, 403, 404, 403, 403, LOGIN),
    "withdraw": (302, 403, 404, 403, 403, LOGIN),
    "view audit log": (403, 403, 403, 200, 200, LOGIN),
}


def _fixture(name):
    return lambda request: request.getfixturevalue(name)


# Each action: what of village A it needs (a fixture), and the request that takes it.
ACTIONS = {
    "create": (
        _fixture("village_a"),
        lambda village: (
            reverse("workspace:new", args=[village.code, "notice"]),
            {"title": "通知"},
        ),
    ),
    "edit": (
        _fixture("draft_a"),
        lambda revision: (reverse("workspace:revision", args=[revision.pk]), {"title": "改"}),
    ),
    "upload": (
        _fixture("draft_a"),
        lambda revision: (
            reverse("workspace:upload", args=[revision.pk]),
            {"files": SimpleUploadedFile("a.pdf", b"%PDF-1.4\n%%EOF\n")},
        ),
    ),
    "submit": (
        _fixture("draft_a"),
        lambda revision: (reverse("workspace:submit", args=[revision.pk]), {}),
    ),
    "sign off": (
        _fixture("submitted_a"),
        lambda revision: (
            reverse("workspace:sign_off", args=[revision.pk]),
            {"opinion": "同意", "content_digest": chain.content_digest(revision)},
        ),
    ),
    "return": (
        _fixture("submitted_a"),
        lambda revision: (reverse("workspace:return", args=[revision.pk]), {"reason": "补充"}),
    ),
    "publish": (
        _fixture("signed_off_a"),
        lambda revision: (reverse("workspace:publish", args=[revision.pk]), {}),
    ),
    "correct": (
        _fixture("published_a"),
        lambda revision: (
            reverse("workspace:correct", args=[revision.posting.code]),
            {"reason": "更正"},
        ),
    ),
    "withdraw": (
        _fixture("published_a"),
        lambda revision: (
            reverse("workspace:withdraw", args=[revision.posting.code]),
            {"reason": "撤回"},
        ),
    ),
    "view audit log": (_fixture("village_a"), lambda village: (reverse("workspace:audit"), None)),
}

CASES = [
    pytest.param(action, person, expected, id=f"{action}-{person}")
    for action, row in MATRIX.items()
    for person, expected in zip(PEOPLE, row, strict=True)
]


def client_for(request, person) -> Client:
    client = Client()
    if person != "anonymous":
        client.force_login(request.getfixturevalue(person))
    return client


@pytest.mark.parametrize(("action", "person", "expected"), CASES)
def test_permission_matrix(db, request, action, person, expected):
    target, build = ACTIONS[action]
    url, data = build(target(request))
    client = client_for(request, person)
    before = AuditEntry.objects.count()

    response = client.get(url) if data is None else client.post(url, data)

    if expected == LOGIN:
        assert response.status_code == 302
        assert response.url.startswith(reverse("workspace:login"))
    else:
        assert response.status_code == expected
    step_taken = expected == 302
    assert (AuditEntry.objects.count() > before) == step_taken
