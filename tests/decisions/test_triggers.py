"""The discussions a resolution published, and a published result, are frozen in PostgreSQL."""

import pytest
from django.db import IntegrityError, connection, transaction

from disclosure.decisions import services
from disclosure.decisions.models import ResolutionStage
from disclosure.publishing import chain, kinds
from disclosure.publishing import services as publishing

from .builders import discussed_matter, resolved_matter


def sql(statement: str, params=()) -> int:
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement, params)
        return cursor.rowcount


def refused(statement: str, params=()) -> None:
    with pytest.raises(IntegrityError, match="permanent"):
        sql(statement, params)


@pytest.fixture
def matter(village_a, clerk_a, supervisor_a):
    return resolved_matter(village_a, clerk_a, supervisor_a)


def test_published_votes_cannot_be_changed_with_raw_sql(matter):
    revision = matter.resolution.current
    refused(
        "UPDATE decisions_resolutionstage SET votes_for = votes_for - 1 WHERE revision_id = %s",
        [revision.pk],
    )
    assert [row["votes_for"] for row in kinds.rows_of(revision)] == [9, 9, 9, 9]


def test_a_published_discussion_cannot_be_deleted_with_raw_sql(matter):
    refused(
        "DELETE FROM decisions_resolutionstage WHERE revision_id = %s",
        [matter.resolution.current_id],
    )


def test_no_discussion_can_be_slipped_into_a_published_resolution(matter):
    stage = ResolutionStage.objects.filter(revision=matter.resolution.current).first()
    refused(
        "INSERT INTO decisions_resolutionstage (revision_id, village_id, stage_id, number, attempt,"
        " body, held_on, eligible, present, votes_for, votes_against, abstentions, minutes,"
        " passed, outcome) SELECT revision_id, village_id, stage_id, number, attempt + 1, body,"
        " held_on, eligible, present, votes_for, votes_against, abstentions, minutes, passed,"
        " outcome FROM decisions_resolutionstage WHERE id = %s",
        [stage.pk],
    )


def test_a_draft_resolution_may_still_change(village_a, clerk_a):
    matter = discussed_matter(village_a, clerk_a)
    revision = services.prepare_resolution(matter=matter, by=clerk_a)
    assert (
        sql(
            "UPDATE decisions_resolutionstage SET minutes = '补充' WHERE revision_id = %s",
            [revision.pk],
        )
        == 4
    )


def test_the_chain_digest_covers_the_published_votes(matter):
    revision = matter.resolution.current
    document = chain.revision_document(revision)
    assert document["rows"][3]["votes_for"] == 9
    assert chain.digest(revision.prev_digest, document) == revision.digest
    document["rows"][3]["votes_for"] = 8
    assert chain.digest(revision.prev_digest, document) != revision.digest


def test_a_correction_carries_the_discussions_into_its_new_revision(matter, clerk_a):
    draft = publishing.start_correction(posting=matter.resolution, by=clerk_a, reason="更正错字")
    assert kinds.rows_of(draft) == kinds.rows_of(matter.resolution.current)
