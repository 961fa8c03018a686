"""Numbers the county registers as official (an office hotline, a cadre's work mobile) are shown
in notices; every other mobile number is still masked."""

import pytest
from django.core.exceptions import ValidationError

from disclosure.publishing.masking import mask_text
from disclosure.regions.models import OfficialNumber

from ..factories import draft_posting

HOTLINE = "13800001111"


def test_a_registered_number_is_kept_whatever_way_it_is_typed():
    text = "值班电话 138-0000-1111，联系人手机 13912345678"

    assert mask_text(text, frozenset({HOTLINE})) == "值班电话 138-0000-1111，联系人手机 139****5678"
    assert mask_text(text) == "值班电话 138****1111，联系人手机 139****5678"


def test_a_notice_shows_its_villages_and_townships_official_numbers_only(
    village_a, village_c, township, clerk_a
):
    OfficialNumber.objects.create(region=village_a, number=HOTLINE, label="清河村值班电话")
    OfficialNumber.objects.create(region=township, number="13700002222", label="镇农经站")
    OfficialNumber.objects.create(region=village_c, number="13600003333", label="另一个村")
    body = f"村委会：{HOTLINE}；农经站：13700002222；别村：13600003333；村民：13512345678"

    revision = draft_posting(village_a, clerk_a, body=body)

    assert revision.body == (
        f"村委会：{HOTLINE}；农经站：13700002222；别村：136****3333；村民：135****5678"
    )


@pytest.mark.parametrize("number", ["138-0000-1111", "12345", "1380000111122223"])
def test_an_official_number_is_digits_only_as_dialled(village_a, number):
    with pytest.raises(ValidationError):
        OfficialNumber(region=village_a, number=number, label="值班电话").full_clean()
