import pytest
from django.utils import translation

from disclosure.finance.services import periods


@pytest.fixture
def quarter_a(village_a, clerk_a):
    """清河村's first quarter of 2026 (villages disclose quarterly unless they choose monthly)."""
    return periods.get_or_create_period(village=village_a, year=2026, number=1, by=clerk_a)


@pytest.fixture
def english():
    """Read messages in English; the Chinese wording is tested apart."""
    with translation.override("en"):
        yield
