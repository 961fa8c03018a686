"""No full identity number or mobile number leaves through any public surface of the demo.

The demo is loaded, then every public page reachable from / is crawled (links within the site),
together with every posting, each of its revisions and its print view, every village's chain and
feed, every download, and every API endpoint, following "next" and detail URLs.

The test proves its worth only if it can fail: to see it fail, make
`disclosure.publishing.masking.mask_identity_number` return its argument unchanged (or make
`disclosure.benefits.selectors` skip `public_identity_number`) and run this file: the demo's
benefit list in 杏花村 then shows full identity numbers, and this test names the pages.
"""

import io
import re
import zipfile
from collections import deque
from urllib.parse import urlsplit

import pytest
from django.db import transaction
from django.test import override_settings

from demo.services import load_demo
from disclosure.benefits import slips
from disclosure.benefits.models import PersonalValues
from disclosure.publishing.models import Posting
from disclosure.regions.models import OfficialNumber, Region

from .conftest import ensure_default_chart

# A letter or digit next to the number means it is part of something longer (a digest, a code);
# a decimal point before it, the fraction of an amount as a spreadsheet stores it (0.14999999999).
IDENTITY_NUMBER = re.compile(r"(?<![0-9A-Za-z.])[1-9]\d{16}[\dXx](?![0-9A-Za-z])")
MOBILE_NUMBER = re.compile(r"(?<![0-9A-Za-z.])1[3-9]\d{9}(?![0-9A-Za-z])")
# A bank card or account number: 16 to 19 digits, spaces between groups of four allowed.
BANK_ACCOUNT = re.compile(r"(?<![0-9A-Za-z.])\d{4}(?: ?\d{4}){2}(?: ?\d{4,7})(?![0-9A-Za-z])")
LINK = re.compile(r"""(?:href|src)="([^"]+)\"""")
NOT_PUBLIC = ("/staff/", "/admin/", "/i18n/", "/language/", "/text-size/", "/static/", "/t/")
NOT_DATA = ("/api/v1/schema/", "/api/v1/docs/")
MAX_PAGES = 5000


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("demo_media")
    with django_db_blocker.unblock(), transaction.atomic(), override_settings(MEDIA_ROOT=media):
        ensure_default_chart()
        load_demo()
        yield
        transaction.set_rollback(True)


def _starting_points() -> list[str]:
    paths = ["/", "/api/v1/", "/api/v1/benefits/lists/"]
    for village in Region.objects.villages():
        paths += [f"/v/{village.code}/chain.json", f"/v/{village.code}/feed.atom"]
    for posting in Posting.objects.public().prefetch_related("revisions"):
        paths += [f"/p/{posting.code}/", f"/p/{posting.code}/print/"]
        paths += [f"/p/{posting.code}/{r.number}/" for r in posting.revisions.all()]
    return paths


def _text(response) -> str:
    content = response.content
    if content.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return " ".join(
                archive.read(name).decode("utf-8", "replace") for name in archive.namelist()
            )
    return content.decode("utf-8", "replace")


def _links(response, text: str) -> list[str]:
    content_type = response.get("Content-Type", "")
    if "json" in content_type:
        found = re.findall(r'"(http://testserver/[^"]*)"', text)
    elif "html" in content_type or "xml" in content_type:
        found = LINK.findall(text) + re.findall(r'href="(http://testserver/[^"]*)"', text)
    else:
        return []
    paths = []
    for link in found:
        parts = urlsplit(link.replace("&amp;", "&"))
        if parts.netloc not in ("", "testserver") or not parts.path.startswith("/"):
            continue
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if not path.startswith(NOT_PUBLIC + NOT_DATA):
            paths.append(path)
    return paths


def _crawl(client) -> tuple[int, list[str]]:
    # Numbers the county registered as official (an office hotline) are shown on purpose.
    official = set(OfficialNumber.objects.values_list("number", flat=True))
    queue, seen, findings = deque(_starting_points()), set(), []
    while queue and len(seen) < MAX_PAGES:
        path = queue.popleft()
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        assert response.status_code < 500, path
        if response.status_code != 200:
            continue
        text = _text(response)
        for pattern in (IDENTITY_NUMBER, MOBILE_NUMBER, BANK_ACCOUNT):
            found = [match for match in pattern.findall(text) if match not in official]
            findings += [f"{path}: {match}" for match in found]
        queue.extend(_links(response, text))
    return len(seen), findings


def test_no_public_page_api_response_or_download_shows_a_full_identity_or_mobile_number(
    demo, client, db
):
    crawled, findings = _crawl(client)

    assert crawled > 100
    assert findings == []


def test_the_crawl_reaches_the_benefit_lists_and_their_downloads(demo, client, db):
    benefit_lists = Posting.objects.public().filter(kind="benefit_list")
    posting = benefit_lists.filter(village__name="杏花村").get()
    page = client.get(f"/p/{posting.code}/").content.decode()

    assert f"/benefits/{posting.code}/1/recipients.csv" in page
    assert "陈*" in page
    assert IDENTITY_NUMBER.search("990102194803121234") is not None


def _personal_findings(text: str, values) -> list[str]:
    found = [
        match
        for pattern in (IDENTITY_NUMBER, MOBILE_NUMBER, BANK_ACCOUNT)
        for match in pattern.findall(text)
    ]
    return found + ([values.name] if values.name in text else [])


def test_the_household_lookup_answers_without_a_name_or_number_of_anyone(demo, client, db):
    findings, answered = [], 0
    people = PersonalValues.objects.filter(recipient__revision__state="published")
    for address, values in enumerate(people.order_by("pk")[:40]):
        code = slips.shown(slips.slip_code(values.identity_number))
        data = {"name": values.name, "identity_number": values.identity_number, "code": code}
        response = client.post("/benefits/household/", data, REMOTE_ADDR=f"10.9.{address}.1")
        text = response.content.decode()
        answered += "¥" in text
        findings += _personal_findings(text, values)
        entry = values.recipient_id
        reported = client.post("/benefits/household/not-received/", {"entry": entry})
        findings += _personal_findings(reported.content.decode(), values)

    assert answered > 0
    assert findings == []
