"""An administrator registers witnesses in the admin; logs and checkpoints are shown read-only."""

import pytest
from django.urls import reverse

from disclosure.regions.models import User
from disclosure.transparency import services
from disclosure.transparency.models import Witness

from .conftest import LOG_KEY, TOWNSHIP_KEY


@pytest.fixture
def admin_client(client, db):
    client.force_login(User.objects.create_superuser("root", "root@example.org", "x"))
    client.cookies["django_language"] = "en"
    return client


def register(admin_client, **fields):
    data = {"operator": "青山镇人民政府", "name": TOWNSHIP_KEY.name, "active": "on"}
    data["verifier_key"] = TOWNSHIP_KEY.verifier.text
    return admin_client.post(reverse("admin:transparency_witness_add"), data | fields)


def test_a_witness_is_registered_with_its_verifier_key(admin_client):
    response = register(admin_client)

    assert response.status_code == 302
    assert Witness.objects.get().verifier == TOWNSHIP_KEY.verifier


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"verifier_key": "qingshan+00000000+AAAA"}, "must hold a type byte"),
        ({"name": "another.example/witness"}, "must be the name in the verifier key"),
    ],
)
def test_a_witness_key_that_cannot_verify_is_refused(admin_client, fields, message):
    response = register(admin_client, **fields)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Witness.objects.exists()


def test_a_log_key_is_not_taken_for_a_witness_key(admin_client):

    response = register(admin_client, name=LOG_KEY.name, verifier_key=LOG_KEY.verifier.text)

    assert "is of type Ed25519, not cosignature/v1" in response.content.decode()


def test_logs_and_checkpoints_are_shown_and_cannot_be_changed(admin_client, log):
    checkpoint = services.newest_checkpoint(log)

    listing = admin_client.get(reverse("admin:transparency_checkpoint_changelist"))
    page = admin_client.get(reverse("admin:transparency_checkpoint_change", args=[checkpoint.pk]))

    assert listing.status_code == page.status_code == 200
    assert checkpoint.text.split("\n")[2] in page.content.decode()
    assert admin_client.get(reverse("admin:transparency_checkpoint_add")).status_code == 403
    assert admin_client.get(reverse("admin:transparency_log_changelist")).status_code == 200
