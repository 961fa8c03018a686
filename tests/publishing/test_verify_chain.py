"""verify_chain, the command, and chain.first_mismatch, against a database someone tampered with."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection, transaction
from django.utils import translation

from disclosure.publishing import chain, services
from disclosure.publishing.attachments import blob_path

from ..factories import draft_posting, published_posting, signed_off


@pytest.fixture
def three_published(village_a, clerk_a, supervisor_a):
    return [
        published_posting(village_a, clerk_a, supervisor_a, title=title)
        for title in ("关于村道修路工程招标的公告", "关于低保评议结果的公示", "鱼塘租金收缴情况")
    ]


def tamper(sql: str, params) -> None:
    """Change published rows with the freezing trigger off, as the owner of the tables can."""
    with connection.cursor() as cursor:
        # The test runs in one transaction: checks of foreign keys still pending there would
        # keep PostgreSQL from altering the table.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("ALTER TABLE publishing_revision DISABLE TRIGGER freeze_published")
        cursor.execute(sql, params)
        cursor.execute("ALTER TABLE publishing_revision ENABLE TRIGGER freeze_published")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def first_mismatch(village, **options):
    with translation.override("en"):
        return chain.first_mismatch(village, **options)


def verify(*args) -> str:
    out = io.StringIO()
    with translation.override("en"):
        call_command("verify_chain", *args, stdout=out)
    return out.getvalue()


def test_an_untouched_chain_verifies(village_a, three_published):
    output = verify("--village", "990101001001")

    assert "清河村 (990101001001): 3 revisions verified" in output
    assert three_published[-1].digest in output


def test_a_title_changed_with_the_trigger_disabled_is_reported_exactly(village_a, three_published):
    middle = three_published[1]
    tamper(
        "UPDATE publishing_revision SET title = %s WHERE id = %s",
        ["关于低保评议结果的公示（已改）", middle.pk],
    )

    revision, problem = first_mismatch(village_a)
    assert revision.pk == middle.pk
    assert "content does not match" in problem
    with pytest.raises(CommandError) as refused, translation.override("en"):
        call_command("verify_chain", stdout=io.StringIO())
    assert str(refused.value) == (
        f"清河村 (990101001001): posting {middle.posting.code}, revision 1, position 2 in the "
        "chain: its content does not match its digest."
    )


def test_the_trigger_is_back_after_tampering(village_a, three_published):
    tamper(
        "UPDATE publishing_revision SET body = %s WHERE id = %s", ["改过", three_published[0].pk]
    )

    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "UPDATE publishing_revision SET body = 'again' WHERE id = %s", [three_published[0].pk]
        )


def test_a_change_with_a_recomputed_digest_breaks_the_link_of_the_next_revision(
    village_a, three_published
):
    first, second, _third = three_published
    first.title = "关于村道修路工程招标的公告（已改）"
    forged = chain.revision_digest(first)
    tamper(
        "UPDATE publishing_revision SET title = %s, digest = %s WHERE id = %s",
        [first.title, forged, first.pk],
    )

    revision, problem = first_mismatch(village_a)

    assert revision.pk == second.pk
    assert "link to the previous revision" in problem


def test_a_deleted_revision_leaves_a_gap_in_the_positions(village_a, three_published):
    second = three_published[1]
    tamper("UPDATE publishing_revision SET state = 'draft', seq = NULL WHERE id = %s", [second.pk])

    revision, problem = first_mismatch(village_a)

    assert revision.pk == three_published[2].pk
    assert "expected position 2, found 3" in problem


def test_removing_the_newest_revision_is_noticed_through_the_audit_log(village_a, three_published):
    newest = three_published[-1]
    tamper("UPDATE publishing_revision SET state = 'draft', seq = NULL WHERE id = %s", [newest.pk])
    assert first_mismatch(village_a) is None

    with pytest.raises(CommandError) as refused, translation.override("en"):
        call_command("verify_chain", stdout=io.StringIO())

    assert str(refused.value).startswith(
        f"清河村 (990101001001): the audit log records the publication of {newest}"
    )
    assert newest.digest in str(refused.value)


def test_only_the_named_village_is_checked(
    village_a, village_b, clerk_b, supervisor_b, three_published
):
    published_posting(village_b, clerk_b, supervisor_b)
    tamper("UPDATE publishing_revision SET title = 'x' WHERE id = %s", [three_published[0].pk])

    assert "柳树村 (990101001002): 1 revisions verified" in verify("--village", "990101001002")
    with pytest.raises(CommandError):
        verify("--village", "990101001001")


def test_an_unknown_village_is_a_clear_error(village_a):
    with pytest.raises(CommandError, match="no village with the code 990199999999"):
        verify("--village", "990199999999")


def test_the_error_is_reported_in_chinese_by_default(village_a, three_published):
    tamper("UPDATE publishing_revision SET title = 'x' WHERE id = %s", [three_published[0].pk])

    with pytest.raises(CommandError) as refused:
        call_command("verify_chain", stdout=io.StringIO())

    assert "清河村" in str(refused.value)
    assert "内容与摘要值不符" in str(refused.value)


def _published_with_attachment(village, clerk, supervisor):
    revision = draft_posting(village, clerk, title="村道修路工程验收报告")
    upload = SimpleUploadedFile("验收报告.pdf", b"%PDF-1.4\n% acceptance report\n")
    attachment = services.add_attachment(revision=revision, upload=upload, by=clerk)
    services.publish(revision=signed_off(revision, clerk, supervisor), by=clerk)
    return attachment


def test_a_changed_attachment_file_is_reported(village_a, clerk_a, supervisor_a):
    attachment = _published_with_attachment(village_a, clerk_a, supervisor_a)
    blob_path(attachment.blob).write_bytes(b"%PDF-1.4\n% forged report\n")

    revision, problem = first_mismatch(village_a, files=True)

    assert revision.pk == attachment.revision_id
    assert "验收报告.pdf" in problem
    assert first_mismatch(village_a) is None
    with pytest.raises(CommandError, match="验收报告.pdf"):
        verify()


def test_a_missing_attachment_file_is_reported(village_a, clerk_a, supervisor_a):
    attachment = _published_with_attachment(village_a, clerk_a, supervisor_a)
    blob_path(attachment.blob).unlink()

    with pytest.raises(CommandError, match="is missing"):
        verify()
