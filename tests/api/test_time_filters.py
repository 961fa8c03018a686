"""A time the database cannot take, or no time at all, is a 400 with a message on every time
filter of the API, never a server error."""

import pytest

pytestmark = pytest.mark.django_db

ENDPOINTS = ["/api/v1/revisions/", "/api/v1/postings/"]
FILTERS = ["published_before", "published_after"]
BAD = [
    "2026-10-01T20:56:00+20:56",
    "2026-10-01T20:56:00-16:00",
    "2026-10-01T20:56:00+16:00",
    "2026-10-01T20:56:00+23:59:59",
    "yesterday",
    "2026-13-45",
    "2026-10-01T25:00",
    "0001-01-01T00:00:00+15:00",
    "9999-12-31T23:59:59-15:00",
]
GOOD = [
    "2026-10-01T20:56:00+15:59",
    "2026-10-01T20:56:00-15:59",
    "2026-10-01T20:56:00Z",
    "2026-10-01",
]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("name", FILTERS)
@pytest.mark.parametrize("value", BAD)
def test_a_time_that_cannot_be_stored_or_read_is_a_400_with_a_message(api, endpoint, name, value):
    response = api.get(endpoint, {name: value})

    assert response.status_code == 400
    assert response.json()[name]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("name", FILTERS)
@pytest.mark.parametrize("value", GOOD)
def test_times_within_the_offsets_the_database_takes_are_answered(api, endpoint, name, value):
    assert api.get(endpoint, {name: value}).status_code == 200
