"""Administrators read major matters in the admin; nothing is changed there."""

import pytest
from django.urls import reverse

from disclosure.decisions import objections
from disclosure.decisions.models import Objection

from .builders import resolved_matter


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.org", "x" * 20)


def test_an_administrator_reads_a_matter_and_its_discussions(
    client, superuser, village_a, clerk_a, supervisor_a
):
    matter = resolved_matter(village_a, clerk_a, supervisor_a)
    client.force_login(superuser)
    response = client.get(reverse("admin:decisions_matter_change", args=[matter.pk]))
    assert response.status_code == 200
    assert "村道硬化工程" in response.content.decode()
    assert client.get(reverse("admin:decisions_matter_add")).status_code == 403


def test_objections_are_listed_but_not_moderated_in_the_admin(
    client, superuser, village_a, clerk_a, supervisor_a
):
    matter = resolved_matter(village_a, clerk_a, supervisor_a)
    objection = objections.lodge_objection(matter=matter, text="有异议", ip="203.0.113.5")
    client.force_login(superuser)
    assert client.get(reverse("admin:decisions_objection_changelist")).status_code == 200
    response = client.post(
        reverse("admin:decisions_objection_delete", args=[objection.pk]), {"post": "yes"}
    )
    assert response.status_code == 403
    assert Objection.objects.filter(pk=objection.pk).exists()
