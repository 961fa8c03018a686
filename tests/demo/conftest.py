import pytest
from django.db import transaction
from django.test import override_settings

from demo.places import COUNTY
from demo.services import load_demo
from disclosure.regions.models import Region

from ..conftest import ensure_default_chart


@pytest.fixture(scope="module")
def demo_media(tmp_path_factory):
    return tmp_path_factory.mktemp("demo_media")


@pytest.fixture(scope="module")
def demo_county(django_db_setup, django_db_blocker, demo_media):
    """The demo, loaded once per module in a transaction that is rolled back after the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(MEDIA_ROOT=demo_media):
            ensure_default_chart()
            load_demo()
        yield Region.objects.get(code=COUNTY.code)
        transaction.set_rollback(True)


@pytest.fixture
def demo_regions(demo_county, db):
    """The demo's regions by code."""
    return {region.code: region for region in Region.objects.within(demo_county)}
