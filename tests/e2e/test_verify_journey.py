"""A villager checks a posting on her phone: it passes; after someone changes the database behind
the portal's back, the same check on the same phone fails and says what did not match."""

import hashlib

import pytest
from django.db import connection
from playwright.sync_api import Page, expect

from disclosure.transparency import notes

from ..factories import published_posting
from .conftest import DESKTOP, PHONE, has_no_horizontal_scroll

TITLE = "清河村2026年春季防汛物资采购公示"


# A signing key whose verifier key has a "+" in its base64: the page must not split it there.
KEY = notes.Signer("cunwu.example.cn-test", notes.ED25519, hashlib.sha256(b"e2e key 0").digest())


@pytest.fixture
def notice(transactional_db, settings, village_a, clerk_a, supervisor_a):
    settings.TRANSPARENCY_SIGNING_KEY = KEY.text
    settings.TRANSPARENCY_PREVIOUS_SIGNING_KEY = ""
    return published_posting(
        village_a, clerk_a, supervisor_a, title=TITLE, body="采购沙袋500条，共计4,500元。"
    )


def check(page: Page) -> None:
    page.get_by_role("button", name="开始核验").click()
    expect(page.locator("#verify[data-verified]")).to_be_attached(timeout=20_000)


def tamper_body(notice) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SET session_replication_role = replica")
        cursor.execute(
            "UPDATE publishing_revision SET body = '采购沙袋500条，共计45,000元。' WHERE id = %s",
            [notice.pk],
        )
        cursor.execute("SET session_replication_role = DEFAULT")


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_villager_checks_a_posting_and_sees_a_tamper(open_window, notice, screenshot, size):
    villager = open_window(size)
    villager.goto(f"/p/{notice.posting.code}/")
    villager.get_by_role("link", name="核验是否被改动").click()
    expect(villager.get_by_role("heading", level=1)).to_contain_text("被改过吗")
    assert has_no_horizontal_scroll(villager)

    check(villager)

    result = villager.locator("[data-result]")
    expect(result).to_contain_text("核验通过")
    expect(result).to_contain_text("内容与公开时的数字指纹一致")
    expect(result).to_contain_text("村务监督委员会签署的正是这些内容")
    expect(result).to_contain_text("数字指纹已记入县透明日志（第 1 条，共 1 条）")
    expect(result).to_contain_text("签署了日志检查点")
    screenshot(villager, "verify-passed")

    tamper_body(notice)
    villager.reload()
    check(villager)

    expect(result).to_contain_text("核验未通过")
    expect(result).to_contain_text("内容与其数字指纹不符")
    screenshot(villager, "verify-failed")
    neighbour = open_window(size)
    neighbour.goto(f"/p/{notice.posting.code}/")
    expect(neighbour.get_by_role("alert")).to_contain_text("核验未通过")
