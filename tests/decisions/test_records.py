"""Listed objections and progress updates are public records: each step that changes what
villagers read of one appends one leaf to the county's log, and verify_chain names one changed
behind the portal."""

import pytest
import time_machine
from django.urls import reverse

from disclosure.decisions import implementation, objections
from disclosure.decisions.models import LinkKind, Phase

from ..records import appended_by, logs, problems, tamper
from .builders import after_notice, resolved_matter
from .journeys import photo
from .test_implementation import progress

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def matter(village_a, clerk_a, supervisor_a):
    return resolved_matter(village_a, clerk_a, supervisor_a)


def lodge(matter):
    return objections.lodge_objection(
        matter=matter, text="修路占用了我家承包地。", name="张三", ip="203.0.113.5"
    )


def test_listing_an_objection_appends_one_leaf_with_its_digest(matter, supervisor_a, village_a):
    objection = lodge(matter)

    listed, leaves = appended_by(
        village_a,
        lambda: objections.moderate_objection(objection=objection, approve=True, by=supervisor_a),
    )

    assert len(leaves) == 1
    assert logs(leaves[0], "objection", listed)


def test_answering_an_objection_appends_one_leaf(matter, clerk_a, supervisor_a, village_a):
    objection = objections.moderate_objection(
        objection=lodge(matter), approve=True, by=supervisor_a
    )

    answered, leaves = appended_by(
        village_a,
        lambda: objections.answer_objection(objection=objection, text="已核实。", by=clerk_a),
    )

    assert len(leaves) == 1
    assert logs(leaves[0], "objection", answered)


def test_a_rejected_objection_appends_nothing(matter, supervisor_a, village_a):
    objection = lodge(matter)

    _result, leaves = appended_by(
        village_a,
        lambda: objections.moderate_objection(objection=objection, approve=False, by=supervisor_a),
    )

    assert leaves == []


def test_a_changed_answer_to_an_objection_is_named(matter, clerk_a, supervisor_a, village_a):
    objection = objections.moderate_objection(
        objection=lodge(matter), approve=True, by=supervisor_a
    )
    objections.answer_objection(objection=objection, text="已核实，按标准补偿。", by=clerk_a)

    tamper("UPDATE decisions_objection SET answer = '不予补偿。' WHERE id = %s", [objection.pk])

    assert problems(village_a) == [
        f"清河村 (990101001001): objection {objection.pk} to the major matter “村道硬化工程”: "
        "what villagers read of it no longer matches its digest."
    ]


def test_reporting_progress_appends_one_leaf(matter, clerk_a, village_a):
    with time_machine.travel(after_notice(matter)):
        update, leaves = appended_by(village_a, lambda: progress(matter, clerk_a))

    assert len(leaves) == 1
    assert logs(leaves[0], "progress", update)
    assert update.record_document()["photos"] == []


def test_each_photo_and_link_of_an_update_appends_one_leaf_of_the_update(
    matter, clerk_a, village_a
):
    with time_machine.travel(after_notice(matter)):
        update = progress(matter, clerk_a)
        _photo, photo_leaves = appended_by(
            village_a,
            lambda: implementation.add_progress_photo(
                progress=update, upload=photo("施工中.jpg"), phase=Phase.DURING, by=clerk_a
            ),
        )
        assert logs(photo_leaves[0], "progress", update)
        _link, link_leaves = appended_by(
            village_a,
            lambda: implementation.add_link(
                matter=matter,
                kind=LinkKind.CONTRACT,
                reference="HT-2025-003",
                label="施工合同",
                progress=update,
                by=clerk_a,
            ),
        )

    assert (len(photo_leaves), len(link_leaves)) == (1, 1)
    assert logs(link_leaves[0], "progress", update)
    document = update.record_document()
    assert [p["filename"] for p in document["photos"]] == ["施工中.jpg"]
    assert document["links"] == [
        {"kind": "contract", "reference": "HT-2025-003", "label": "施工合同"}
    ]


def test_a_link_without_an_update_is_not_logged_nor_shown(client, matter, clerk_a, village_a):
    with time_machine.travel(after_notice(matter)):
        progress(matter, clerk_a)
    _link, leaves = appended_by(
        village_a,
        lambda: implementation.add_link(
            matter=matter, kind=LinkKind.LEDGER_ENTRY, reference="记-009", by=clerk_a
        ),
    )

    assert leaves == []
    response = client.get(reverse("decisions:matter", args=[village_a.code, matter.pk]))
    assert response.status_code == 200
    assert "记-009" not in response.content.decode()


def test_a_swapped_photo_is_named(matter, clerk_a, village_a):
    with time_machine.travel(after_notice(matter)):
        update = progress(matter, clerk_a)
        taken = implementation.add_progress_photo(
            progress=update,
            upload=photo("施工前.jpg"),
            phase=Phase.BEFORE,
            by=clerk_a,
        )
        other = implementation.add_progress_photo(
            progress=update, upload=photo("另一张.jpg"), phase=Phase.AFTER, by=clerk_a
        )

    tamper("UPDATE decisions_matterfile SET blob_id = %s WHERE id = %s", [other.blob_id, taken.pk])

    assert problems(village_a) == [
        f"清河村 (990101001001): progress update {update.pk} of the major matter “村道硬化工程”: "
        "what villagers read of it no longer matches its digest."
    ]
