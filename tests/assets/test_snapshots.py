from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.utils import IntegrityError

from disclosure.assets import services
from disclosure.assets.models import Asset, Resource, SnapshotAsset
from disclosure.assets.snapshots import differences, latest_two
from disclosure.publishing import chain
from disclosure.publishing import services as publishing

from .conftest import NEW_YEAR, add_asset, publish_snapshot


def test_taking_a_snapshot_copies_the_working_register_into_a_draft(register_a, clerk_a):
    revision = services.take_snapshot(village=register_a, by=clerk_a)

    assert revision.state == "draft"
    assert revision.posting.kind == "asset_register"
    assert [a.number for a in revision.snapshot_assets.all()] == ["ZC-001", "ZC-002"]
    assert [r.name for r in revision.snapshot_resources.all()] == ["东塘"]


def test_an_empty_register_cannot_be_submitted(village_a, clerk_a):
    revision = services.take_snapshot(village=village_a, by=clerk_a)

    with pytest.raises(ValidationError):
        publishing.submit(revision=revision, by=clerk_a)


def test_a_published_snapshot_stays_as_it_was_when_the_working_register_changes(
    register_a, clerk_a, supervisor_a
):
    revision = publish_snapshot(register_a, clerk_a, supervisor_a)
    building = Asset.objects.get(village=register_a, number="ZC-001")

    services.save_asset(
        village=register_a,
        asset=building,
        values={"name": "村委会综合楼", "original_value": Decimal("1.00")},
        by=clerk_a,
    )

    frozen = revision.snapshot_assets.get(number="ZC-001")
    assert frozen.name == "村委会办公楼"
    assert frozen.original_value == Decimal("380000.00")


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE assets_snapshotasset SET original_value = 1 WHERE revision_id = %s",
        "DELETE FROM assets_snapshotresource WHERE revision_id = %s",
        "UPDATE assets_snapshot SET taken_on = '2000-01-01' WHERE revision_id = %s",
    ],
)
def test_the_database_refuses_to_change_a_published_snapshot(
    register_a, clerk_a, supervisor_a, statement
):
    revision = publish_snapshot(register_a, clerk_a, supervisor_a)

    with pytest.raises(IntegrityError, match="permanent"), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(statement, [revision.pk])


def test_the_database_refuses_a_row_added_to_a_published_snapshot(
    register_a, clerk_a, supervisor_a
):
    revision = publish_snapshot(register_a, clerk_a, supervisor_a)
    row = revision.snapshot_assets.first()
    row.pk = None
    row.number = "ZC-999"

    with pytest.raises(IntegrityError, match="permanent"), transaction.atomic():
        row.save()


def test_the_chain_digests_the_register_rows(register_a, clerk_a, supervisor_a):
    revision = publish_snapshot(register_a, clerk_a, supervisor_a)

    rows = chain.revision_document(revision)["rows"]

    assert rows[0] == {"register": "snapshot", "taken_on": "2025-05-01"}
    assert rows[1]["number"] == "ZC-001"
    assert rows[1]["original_value"] == "380000.00"
    assert rows[-1]["area_mu"] == "12.50"
    assert chain.first_mismatch(register_a) is None


def test_differences_list_what_was_added_disposed_revalued_and_changed_status(
    register_a, clerk_a, supervisor_a
):
    first = publish_snapshot(register_a, clerk_a, supervisor_a)
    pump = Asset.objects.get(village=register_a, number="ZC-002")
    services.dispose_asset(
        asset=pump,
        values={
            "disposal": "scrapped",
            "disposed_on": NEW_YEAR,
            "disposal_reason": "泵体锈蚀报废",
            "decision_reference": "2025年第3次村民代表会议",
        },
        by=clerk_a,
    )
    building = Asset.objects.get(village=register_a, number="ZC-001")
    services.save_asset(
        village=register_a,
        asset=building,
        values={"original_value": Decimal("420000.00")},
        by=clerk_a,
    )
    pond = Resource.objects.get(village=register_a, number="ZY-001")
    services.save_resource(village=register_a, resource=pond, values={"status": "idle"}, by=clerk_a)
    add_asset(register_a, clerk_a, number="ZC-003", name="文化广场", category="other")
    second = publish_snapshot(register_a, clerk_a, supervisor_a, today=NEW_YEAR)

    changes = {(c.kind, c.item.number) for c in differences(first, second)}

    assert changes == {
        ("added", "ZC-003"),
        ("disposed", "ZC-002"),
        ("value", "ZC-001"),
        ("status", "ZY-001"),
    }
    assert latest_two(register_a) == (second, first)


def test_a_correction_starts_from_the_published_rows(register_a, clerk_a, supervisor_a):
    revision = publish_snapshot(register_a, clerk_a, supervisor_a)
    add_asset(register_a, clerk_a, number="ZC-010", name="新仓库")

    correction = publishing.start_correction(
        posting=revision.posting, by=clerk_a, reason="泵站原值录入有误"
    )

    assert [a.number for a in correction.snapshot_assets.all()] == ["ZC-001", "ZC-002"]
    assert correction.asset_snapshot.taken_on == revision.asset_snapshot.taken_on
    assert SnapshotAsset.objects.filter(revision=revision).count() == 2


def test_taking_the_register_again_replaces_the_rows_of_a_draft(register_a, clerk_a):
    revision = services.take_snapshot(village=register_a, by=clerk_a)
    add_asset(register_a, clerk_a, number="ZC-010", name="新仓库")

    services.refresh_snapshot(revision=revision, by=clerk_a, today=NEW_YEAR)

    revision.refresh_from_db()
    assert revision.snapshot_assets.count() == 3
    assert revision.asset_snapshot.taken_on == NEW_YEAR
    assert "2026" in revision.title
