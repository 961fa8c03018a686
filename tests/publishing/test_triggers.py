"""Published means permanent in the database itself: raw SQL cannot change what was published."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, connection, transaction

from disclosure.publishing import chain, services
from disclosure.publishing.models import AuditEntry, Blob, Revision

from ..factories import draft_posting, published_posting

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


def sql(statement: str, params=()) -> int:
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement, params)
        return cursor.rowcount


def refused(statement: str, params=()) -> None:
    with pytest.raises(IntegrityError, match="permanent|append-only"):
        sql(statement, params)


@pytest.fixture
def power_list(village_a, clerk_a, supervisor_a):
    return published_posting(
        village_a,
        clerk_a,
        supervisor_a,
        title="清河村小微权力清单",
        kind="power_list",
        power_items=POWERS,
    )


@pytest.fixture
def with_attachment(village_a, clerk_a, supervisor_a):
    revision = draft_posting(village_a, clerk_a)
    upload = SimpleUploadedFile("招标文件.pdf", b"%PDF-1.4\n% tender\n")
    services.add_attachment(revision=revision, upload=upload, by=clerk_a)
    services.submit(revision=revision, by=clerk_a)
    services.sign_off(
        revision=revision,
        content_digest=chain.content_digest(revision),
        by=supervisor_a,
        opinion="同意公开。",
    )
    return services.publish(revision=revision, by=clerk_a)


def test_updating_a_published_revision_is_refused(village_a, clerk_a, supervisor_a):
    revision = published_posting(village_a, clerk_a, supervisor_a)

    refused("UPDATE publishing_revision SET title = '改过的标题' WHERE id = %s", [revision.pk])
    refused("UPDATE publishing_revision SET state = 'draft' WHERE id = %s", [revision.pk])

    revision.refresh_from_db()
    assert revision.title == "关于村道修路工程招标的公告"


def test_only_the_search_index_of_a_published_revision_may_be_rebuilt(
    village_a, clerk_a, supervisor_a
):
    revision = published_posting(village_a, clerk_a, supervisor_a)

    sql("UPDATE publishing_revision SET search_vector = NULL WHERE id = %s", [revision.pk])
    refused(
        "UPDATE publishing_revision SET search_vector = NULL, body = 'x' WHERE id = %s",
        [revision.pk],
    )

    assert services.rebuild_search_index() == 1
    assert Revision.objects.get(pk=revision.pk).search_vector is not None


def test_deleting_a_published_revision_is_refused(village_a, clerk_a, supervisor_a):
    revision = published_posting(village_a, clerk_a, supervisor_a)

    refused("DELETE FROM publishing_revision WHERE id = %s", [revision.pk])

    assert Revision.objects.filter(pk=revision.pk).exists()


def test_the_power_items_of_a_published_list_cannot_be_changed(power_list):
    item = power_list.power_items.get()

    refused("UPDATE publishing_poweritem SET fee = '50元' WHERE id = %s", [item.pk])
    refused("DELETE FROM publishing_poweritem WHERE id = %s", [item.pk])
    refused(
        "INSERT INTO publishing_poweritem (revision_id, village_id, position, name, steps, "
        "documents, time_limit, fee, responsible) "
        "VALUES (%s, %s, 2, '宅基地审批', '申请', '', '5日', '不收费', '主任')",
        [power_list.pk, power_list.village_id],
    )

    assert list(power_list.power_items.values_list("fee", flat=True)) == ["不收费"]


def test_the_attachments_of_a_published_revision_cannot_be_changed(with_attachment):
    attachment = with_attachment.attachments.get()

    refused("UPDATE publishing_attachment SET filename = 'x.pdf' WHERE id = %s", [attachment.pk])
    refused("DELETE FROM publishing_attachment WHERE id = %s", [attachment.pk])

    assert with_attachment.attachments.get().filename == "招标文件.pdf"


def test_no_attachment_can_be_added_to_a_published_revision(with_attachment):
    blob = with_attachment.attachments.get().blob

    refused(
        "INSERT INTO publishing_attachment (revision_id, village_id, position, filename, blob_id) "
        "VALUES (%s, %s, 2, '补充.pdf', %s)",
        [with_attachment.pk, with_attachment.village_id, blob.pk],
    )

    assert with_attachment.attachments.count() == 1


def test_moving_an_attachment_into_a_published_revision_is_refused(
    village_a, clerk_a, with_attachment
):
    draft = draft_posting(village_a, clerk_a, title="补充公告")
    upload = SimpleUploadedFile("补充.pdf", b"%PDF-1.4\n% more\n")
    attachment = services.add_attachment(revision=draft, upload=upload, by=clerk_a)

    refused(
        "UPDATE publishing_attachment SET revision_id = %s WHERE id = %s",
        [with_attachment.pk, attachment.pk],
    )


def test_stored_files_are_never_rewritten(with_attachment):
    blob = with_attachment.attachments.get().blob

    refused("UPDATE publishing_blob SET size = 1 WHERE sha256 = %s", [blob.sha256])

    assert Blob.objects.get(pk=blob.pk).size == blob.size


def test_the_audit_log_is_append_only(with_attachment):
    entry = AuditEntry.objects.first()

    refused("UPDATE publishing_auditentry SET username = 'nobody' WHERE id = %s", [entry.pk])
    refused("DELETE FROM publishing_auditentry WHERE id = %s", [entry.pk])


def test_drafts_and_their_rows_remain_editable(village_a, clerk_a):
    draft = draft_posting(
        village_a, clerk_a, title="清河村小微权力清单", kind="power_list", power_items=POWERS
    )
    upload = SimpleUploadedFile("清单.pdf", b"%PDF-1.4\n% list\n")
    attachment = services.add_attachment(revision=draft, upload=upload, by=clerk_a)
    rows = [draft.pk]

    assert sql("UPDATE publishing_revision SET title = '草稿' WHERE id = %s", rows) == 1
    assert sql("UPDATE publishing_poweritem SET fee = '5元' WHERE revision_id = %s", rows) == 1
    copy = sql(
        "INSERT INTO publishing_attachment (revision_id, village_id, position, filename, "
        "blob_id) VALUES (%s, %s, 2, '副本.pdf', %s)",
        [draft.pk, draft.village_id, attachment.blob_id],
    )
    assert copy == 1
    assert sql("DELETE FROM publishing_attachment WHERE revision_id = %s", rows) == 2
    assert sql("DELETE FROM publishing_poweritem WHERE revision_id = %s", rows) == 1
