import json
import re

from django.contrib.staticfiles import finders
from drf_spectacular.validation import validate_schema

PATHS = [
    "/api/v1/regions/",
    "/api/v1/regions/{code}/",
    "/api/v1/villages/",
    "/api/v1/villages/{code}/",
    "/api/v1/villages/{code}/chain/",
    "/api/v1/postings/",
    "/api/v1/postings/{code}/",
    "/api/v1/revisions/",
    "/api/v1/revisions/{id}/",
]


def test_the_schema_is_valid_openapi_3_with_every_endpoint(api, db):
    response = api.get("/api/v1/schema/?format=json")

    assert response.status_code == 200
    schema = json.loads(response.content)
    assert schema["openapi"].startswith("3.")
    validate_schema(schema)
    assert set(PATHS) <= set(schema["paths"])


def test_the_schema_offers_only_reading(api, db):
    schema = json.loads(api.get("/api/v1/schema/?format=json").content)

    methods = {method for operations in schema["paths"].values() for method in operations}
    assert methods == {"get"}


def test_the_schema_names_the_filters(api, db):
    schema = json.loads(api.get("/api/v1/schema/?format=json").content)

    parameters = {p["name"] for p in schema["paths"]["/api/v1/postings/"]["get"]["parameters"]}
    assert {"village", "kind", "section", "published_after", "published_before", "q"} <= parameters


def _scripts_and_styles(html):
    return re.findall(r'(?:src|href)="([^"]+)"', html) + re.findall(r'"(/static/[^"]+)"', html)


def _assert_served_from_here(html):
    addresses = _scripts_and_styles(html)
    assert addresses
    for address in addresses:
        assert not re.match(r"^(https?:)?//", address), address


def test_the_docs_page_renders_without_reaching_outside(api, db):
    response = api.get("/api/v1/docs/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger-ui-bundle" in html
    _assert_served_from_here(html)


def test_the_files_the_docs_page_loads_are_shipped_with_the_portal(db):
    for name in ["swagger-ui-bundle.js", "swagger-ui-standalone-preset.js", "swagger-ui.css"]:
        assert finders.find(f"drf_spectacular_sidecar/swagger-ui-dist/{name}"), name


def test_the_browsable_api_shows_a_listing_to_a_browser(api, db):
    response = api.get("/api/v1/postings/", HTTP_ACCEPT="text/html")

    assert response.status_code == 200
    assert "text/html" in response["Content-Type"]


def test_the_api_root_lists_the_endpoints(api, db):
    data = api.get("/api/v1/").json()

    assert set(data) == {"regions", "villages", "postings", "revisions"}


def test_the_schema_describes_the_filters_in_chinese_by_default(api, db):
    schema = json.loads(api.get("/api/v1/schema/?format=json").content)

    parameters = schema["paths"]["/api/v1/postings/"]["get"]["parameters"]
    assert {p["name"]: p["description"] for p in parameters}["q"] == "搜索关键词"


def test_the_browsable_api_is_named_in_the_language_of_the_reader(api, db):
    chinese = api.get("/api/v1/", HTTP_ACCEPT="text/html").content.decode()
    english = api.get("/api/v1/", HTTP_ACCEPT="text/html", HTTP_ACCEPT_LANGUAGE="en")

    assert "村务公开数据接口" in chinese
    assert "Village affairs disclosure API" in english.content.decode()
