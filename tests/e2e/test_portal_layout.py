"""The portal's pages, filled with the demo county, in a phone-sized and a desktop window."""

import pytest

from demo.places import TAOYUAN, XINGHUA
from demo.services import load_demo
from disclosure.publishing.models import Posting

from ..conftest import ensure_default_chart
from .conftest import DESKTOP, PHONE, has_no_horizontal_scroll


def _posting_path(*title_parts: str) -> str:
    postings = Posting.objects.all()
    for part in title_parts:
        postings = postings.filter(current__title__contains=part)
    return postings.get().get_absolute_url()


def portal_pages() -> dict[str, str]:
    return {
        "home": "/",
        "township": f"/r/{TAOYUAN.code}/",
        "village": f"/v/{XINGHUA.code}/",
        "search": "/search/?q=修路",
        "power-list": _posting_path("杏花村小微权力清单"),
        "notice-with-photo": _posting_path("杏花村村道修路工程招标公告"),
        "corrected": _posting_path("杏花村", "最低生活保障"),
        "withdrawn": _posting_path("秸秆禁烧"),
        "audit-report": _posting_path("杏花村", "财务审计报告"),
        "period": Posting.objects.filter(village__code=XINGHUA.code, kind="finance_period")
        .latest("last_published_at")
        .get_absolute_url(),
        "benefit-list": Posting.objects.filter(village__code=XINGHUA.code, kind="benefit_list")
        .latest("last_published_at")
        .get_absolute_url(),
        "finance-overview": f"/v/{XINGHUA.code}/finance/",
    }


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_portal_pages_fit_the_window_without_horizontal_scrolling(open_window, screenshot, size):
    ensure_default_chart()
    load_demo()
    window = open_window(size)

    for name, path in portal_pages().items():
        response = window.goto(path)
        assert response.ok, path
        assert has_no_horizontal_scroll(window), path
        screenshot(window, f"portal-{name}")
