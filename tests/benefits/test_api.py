from django.db import connection
from django.test.utils import CaptureQueriesContext

from .conftest import import_draft, publish


def _queries_for_the_list(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/api/v1/benefits/lists/").status_code == 200
    return len(queries)


def test_the_list_of_benefit_lists_costs_the_same_queries_however_many_it_shows(
    client, village_a, village_b, clerk_a, supervisor_a, clerk_b, supervisor_b
):
    publish(import_draft(village_a, clerk_a), clerk_a, supervisor_a)
    one = _queries_for_the_list(client)
    publish(import_draft(village_a, clerk_a), clerk_a, supervisor_a)
    publish(import_draft(village_b, clerk_b), clerk_b, supervisor_b)

    assert _queries_for_the_list(client) == one


def test_the_api_refuses_writes(client, published_list):
    assert client.post("/api/v1/benefits/lists/", {}).status_code in (403, 405)
    assert client.delete(f"/api/v1/benefits/lists/{published_list.pk}/").status_code in (403, 405)
