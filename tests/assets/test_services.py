from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from disclosure.assets import services
from disclosure.assets.models import Asset
from disclosure.publishing.models import AuditEntry

from .conftest import NEW_YEAR, add_asset


def test_phone_and_identity_numbers_are_masked_when_the_register_is_written(village_a, clerk_a):
    asset = add_asset(village_a, clerk_a, user="张三 13812345678 320102198001011234")

    assert "13812345678" not in asset.user
    assert "320102198001011234" not in asset.user


def test_every_change_to_the_register_is_in_the_audit_log(village_a, clerk_a):
    asset = add_asset(village_a, clerk_a)
    services.save_asset(village=village_a, asset=asset, values={"name": "综合楼"}, by=clerk_a)

    actions = list(AuditEntry.objects.order_by("pk").values_list("action", flat=True))
    assert actions == ["asset.add", "asset.edit"]


@pytest.mark.parametrize("person", ["clerk_b", "supervisor_a", "township_official"])
def test_only_the_villages_clerk_may_write_its_register(request, village_a, person):
    with pytest.raises(PermissionDenied):
        add_asset(village_a, request.getfixturevalue(person))
    assert not Asset.objects.exists()


def test_an_edit_cannot_dispose_of_an_asset_behind_the_decision(village_a, clerk_a):
    asset = add_asset(village_a, clerk_a)

    services.save_asset(village=village_a, asset=asset, values={"disposal": "sold"}, by=clerk_a)

    asset.refresh_from_db()
    assert asset.disposal == ""


def test_an_asset_is_disposed_of_once(village_a, clerk_a):
    asset = add_asset(village_a, clerk_a)
    values = {
        "disposal": "sold",
        "disposed_on": NEW_YEAR,
        "disposal_reason": "闲置多年，公开拍卖",
        "proceeds": Decimal("150000.00"),
        "decision_reference": "ABC234",
    }
    services.dispose_asset(asset=asset, values=values, by=clerk_a)

    with pytest.raises(ValidationError):
        services.dispose_asset(asset=asset, values=values, by=clerk_a)


def test_a_sale_needs_its_proceeds(village_a, clerk_a):
    asset = add_asset(village_a, clerk_a)
    values = {
        "disposal": "sold",
        "disposed_on": NEW_YEAR,
        "disposal_reason": "公开拍卖",
        "decision_reference": "ABC234",
    }

    with pytest.raises(ValidationError) as refused:
        services.dispose_asset(asset=asset, values=values, by=clerk_a)

    assert "proceeds" in refused.value.message_dict
