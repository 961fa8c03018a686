"""The admin shows postings, revisions and the audit log to administrators, and changes nothing."""

import pytest
from django.urls import reverse

from disclosure.publishing.models import AuditEntry, Posting, Revision
from disclosure.regions.models import User

from ..factories import published_posting

POWERS = [
    {
        "name": "出具居住证明",
        "steps": "申请、审核、出具",
        "documents": "身份证、户口簿",
        "time_limit": "1个工作日",
        "fee": "不收费",
        "responsible": "村委会主任",
    }
]


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("root", "root@example.org", "correct horse battery")


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def revision(village_a, clerk_a, supervisor_a):
    return published_posting(
        village_a,
        clerk_a,
        supervisor_a,
        title="清河村小微权力清单",
        kind="power_list",
        power_items=POWERS,
    )


def test_postings_are_listed_in_chinese(admin_client, revision):
    response = admin_client.get(reverse("admin:publishing_posting_changelist"))

    assert response.status_code == 200
    content = response.content.decode()
    assert "清河村小微权力清单" in content
    assert revision.posting.code in content
    assert "公开事项" in content


def test_a_revision_shows_its_digest_powers_and_review_steps(admin_client, revision):
    response = admin_client.get(reverse("admin:publishing_revision_change", args=[revision.pk]))

    content = response.content.decode()
    assert response.status_code == 200
    assert revision.digest in content
    assert "出具居住证明" in content
    assert "内容属实，同意公开。" in content
    assert 'name="_save"' not in content


def test_nothing_can_be_changed_added_or_deleted(admin_client, revision):
    change = reverse("admin:publishing_revision_change", args=[revision.pk])
    posting_delete = reverse("admin:publishing_posting_delete", args=[revision.posting.pk])

    assert admin_client.post(change, {"title": "改过的标题"}).status_code == 403
    assert admin_client.post(posting_delete, {"post": "yes"}).status_code == 403
    assert admin_client.get(reverse("admin:publishing_posting_add")).status_code == 403
    assert Revision.objects.get(pk=revision.pk).title == "清河村小微权力清单"
    assert Posting.objects.filter(pk=revision.posting.pk).exists()


def test_the_audit_log_is_readable(admin_client, revision):
    response = admin_client.get(reverse("admin:publishing_auditentry_changelist"))

    assert response.status_code == 200
    assert "revision.publish" in response.content.decode()
    entry = AuditEntry.objects.filter(action="revision.publish").get()
    detail = admin_client.get(reverse("admin:publishing_auditentry_change", args=[entry.pk]))
    assert revision.digest in detail.content.decode()


def test_revisions_can_be_found_by_digest(admin_client, revision):
    response = admin_client.get(
        reverse("admin:publishing_revision_changelist"), {"q": revision.digest}
    )

    assert "清河村小微权力清单" in response.content.decode()


def test_staff_without_admin_rights_are_sent_to_the_admin_login(client, clerk_a, revision):
    client.force_login(clerk_a)

    response = client.get(reverse("admin:publishing_revision_changelist"))

    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_a_posting_shows_its_revisions(admin_client, revision):
    response = admin_client.get(
        reverse("admin:publishing_posting_change", args=[revision.posting.pk])
    )

    assert response.status_code == 200
    assert revision.digest in response.content.decode()
