"""A report never shows on public pages or in the public API; the village page leads to the form."""

import gzip
from pathlib import Path

from django.conf import settings

from .making import NAME, TEXT, make_report

STYLESHEET = Path(settings.BASE_DIR) / "static" / "css" / "site.css"


def test_the_village_page_leads_to_the_form_with_the_village_chosen(client, village_a):
    page = client.get(f"/v/{village_a.code}/").content.decode()
    assert f'href="/jubao/?village={village_a.code}"' in page


def test_no_public_page_or_api_shows_a_report(client, village_a):
    make_report(village_a)
    urls = [
        "/",
        f"/v/{village_a.code}/",
        f"/v/{village_a.code}/feed.atom",
        f"/v/{village_a.code}/chain.json",
        f"/search/?q={TEXT[:4]}",
        "/api/v1/postings/",
        f"/api/v1/villages/{village_a.code}/",
    ]
    for url in urls:
        page = client.get(url).content.decode()
        assert TEXT[:8] not in page, url
        assert NAME not in page, url


def test_the_form_and_tracking_pages_stay_light_on_a_phone(client, village_a, village_b):
    stylesheet = STYLESHEET.read_bytes()
    for url in (
        "/jubao/",
        f"/jubao/?village={village_a.code}",
        "/jubao/track/",
        "/jubao/receipt/",
    ):
        html = client.get(url).content
        assert len(gzip.compress(html + stylesheet, mtime=0)) <= 30 * 1024, url
