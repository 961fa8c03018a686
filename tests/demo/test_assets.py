import datetime

from demo import assets as demo
from disclosure.assets.snapshots import differences, latest_two
from disclosure.publishing import chain
from disclosure.regions.models import RoleKind

TODAY = datetime.date(2026, 6, 15)


def test_each_demo_village_has_two_published_registers_that_differ(
    village_a, clerk_a, supervisor_a
):
    staff = {village_a.code: {RoleKind.CLERK: clerk_a, RoleKind.SUPERVISOR: supervisor_a}}

    demo.load(regions={village_a.code: village_a}, staff=staff, today=TODAY)

    latest, previous = latest_two(village_a)
    assert latest.asset_snapshot.taken_on == datetime.date(2026, 5, 16)
    assert previous.asset_snapshot.taken_on == datetime.date(2025, 12, 31)
    assert latest.snapshot_assets.count() + latest.snapshot_resources.count() >= 36
    kinds = {change.kind for change in differences(previous, latest)}
    assert kinds == {"added", "disposed", "value", "status"}
    assert latest.attachments.count() == 3
    assert chain.first_mismatch(village_a) is None
