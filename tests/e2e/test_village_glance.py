"""The demo's 杏花村 as a villager first sees it: the glance fills no more than the first phone
screen, nothing scrolls sideways, and every section opens with one tap. One test, since loading
the demo is the slow part."""

from demo.places import XINGHUA
from demo.services import load_demo

from ..conftest import ensure_default_chart
from .conftest import has_no_horizontal_scroll

PHONE = {"width": 360, "height": 780}
DESKTOP = {"width": 1280, "height": 900}


def test_the_glance_fits_the_first_phone_screen_and_sections_open_with_a_tap(
    open_window, screenshot
):
    ensure_default_chart()
    load_demo()

    for size in (PHONE, DESKTOP):
        window = open_window(size)
        window.goto(f"/v/{XINGHUA.code}/")
        bottom = window.evaluate("document.querySelector('.glance').getBoundingClientRect().bottom")
        assert bottom <= size["height"], size
        assert window.get_by_text("收入", exact=True).is_visible()
        assert window.get_by_role("link", name="举报本村问题（保密，直接送乡镇）").is_visible()
        contracts = window.locator("#section-contracts")
        assert not contracts.locator("ul.postings").is_visible()

        contracts.locator("summary").click()

        assert contracts.locator("ul.postings").is_visible()
        assert has_no_horizontal_scroll(window), size
        screenshot(window, "village-glance")
