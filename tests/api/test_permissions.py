import pytest
from rest_framework.response import Response
from rest_framework.test import APIRequestFactory, force_authenticate
from rest_framework.views import APIView

from disclosure.publishing.models import Posting, Revision
from disclosure.regions.models import Region

WRITES = ["post", "put", "patch", "delete"]


def _endpoints(road_notice, village_a):
    return [
        "/api/v1/",
        "/api/v1/regions/",
        f"/api/v1/regions/{village_a.code}/",
        "/api/v1/villages/",
        f"/api/v1/villages/{village_a.code}/",
        f"/api/v1/villages/{village_a.code}/chain/",
        "/api/v1/postings/",
        f"/api/v1/postings/{road_notice.posting.code}/",
        "/api/v1/revisions/",
        f"/api/v1/revisions/{road_notice.pk}/",
        "/api/v1/schema/",
    ]


def _snapshot():
    return (Region.objects.count(), Posting.objects.count(), list(Revision.objects.values()))


@pytest.mark.parametrize("method", WRITES)
def test_an_anonymous_villager_cannot_write_anything(api, method, road_notice, village_a):
    before = _snapshot()
    for url in _endpoints(road_notice, village_a):
        response = getattr(api, method)(url, {"title": "篡改"}, format="json")
        assert response.status_code in (403, 405), url
    assert _snapshot() == before


@pytest.mark.parametrize("method", WRITES)
@pytest.mark.parametrize("who", ["clerk_a", "supervisor_a", "township_official", "administrator"])
def test_staff_cannot_write_through_the_public_api_either(
    api, request, who, method, road_notice, village_a
):
    api.force_login(request.getfixturevalue(who))
    before = _snapshot()
    for url in _endpoints(road_notice, village_a):
        response = getattr(api, method)(url, {"title": "篡改"}, format="json")
        assert response.status_code in (403, 405), url
    assert _snapshot() == before


def test_every_public_endpoint_answers_reads(api, road_notice, village_a):
    for url in _endpoints(road_notice, village_a):
        assert api.get(url).status_code == 200, url


def test_an_api_view_that_opens_nothing_refuses_everyone(clerk_a):
    class Unopened(APIView):
        def get(self, request):
            return Response({"secret": True})

    anonymous = APIRequestFactory().get("/")
    signed_in = APIRequestFactory().get("/")
    force_authenticate(signed_in, user=clerk_a)

    assert Unopened.as_view()(anonymous).status_code == 403
    assert Unopened.as_view()(signed_in).status_code == 403
