"""What search engines and browsers read from every public page's head."""

import pytest
from django.test import override_settings

from ..factories import published_posting

pytestmark = pytest.mark.django_db


def test_every_page_describes_itself_and_names_its_icon(client, village_a):
    html = client.get("/").content.decode()

    assert '<meta name="description" content="村级财务、集体资产资源、合同和重大事项' in html
    assert 'rel="icon" href="/static/img/favicon.' in html


def test_a_posting_names_its_permalink_in_full_as_canonical(
    client, village_a, clerk_a, supervisor_a
):
    posting = published_posting(village_a, clerk_a, supervisor_a).posting

    html = client.get(posting.get_absolute_url()).content.decode()

    assert f'<link rel="canonical" href="http://testserver/p/{posting.code}/">' in html


@override_settings(PUBLIC_BASE_URL="https://cunwu.example.gov.cn")
def test_the_canonical_link_uses_the_public_address_when_configured(
    client, village_a, clerk_a, supervisor_a
):
    posting = published_posting(village_a, clerk_a, supervisor_a).posting

    html = client.get(posting.get_absolute_url()).content.decode()

    assert f'href="https://cunwu.example.gov.cn/p/{posting.code}/"' in html
