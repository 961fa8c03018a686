"""Every public page, with its stylesheet, stays under 30 KB compressed (user images aside)."""

import gzip

from django.conf import settings

BUDGET = 30 * 1024


def stylesheet() -> bytes:
    return (settings.BASE_DIR / "static" / "css" / "site.css").read_bytes()


def test_every_public_page_stays_within_the_budget(
    client, road_notice, power_list, corrected_notice, withdrawn_notice, notice_with_files
):
    code = corrected_notice.posting.code
    pages = [
        "/",
        "/r/990101000000/",
        "/r/990101001000/",
        "/v/990101001001/",
        "/v/990101001001/s/notices/",
        f"/p/{code}/",
        f"/p/{code}/1/",
        f"/p/{code}/print/",
        f"/p/{power_list.posting.code}/",
        f"/p/{withdrawn_notice.posting.code}/",
        f"/p/{notice_with_files.posting.code}/",
        "/search/?q=修路",
        "/p/NOSUCH/",
    ]
    for url in pages:
        html = client.get(url).content
        weight = len(gzip.compress(html + stylesheet(), mtime=0))
        assert weight <= BUDGET, f"{url} weighs {weight} bytes compressed"


def test_the_stylesheet_alone_is_small(client):
    # Cards for tables below 480 px and the classes that replaced inline styles.
    assert len(gzip.compress(stylesheet(), mtime=0)) <= 3.5 * 1024
