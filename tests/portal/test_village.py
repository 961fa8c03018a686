from disclosure.publishing import chain
from disclosure.publishing.catalogue import Section

from ..factories import published_posting
from .conftest import ROAD_NOTICE

VILLAGE_A = "/v/990101001001/"


def test_postings_are_grouped_by_the_disclosure_catalogue(client, road_notice, power_list):
    page = client.get(VILLAGE_A).content.decode()

    notices = page[page.index(f'"name">{Section.NOTICES.label}</span>') :]
    powers = page[page.index(f'"name">{Section.POWERS.label}</span>') : page.index(notices)]
    assert ROAD_NOTICE in notices
    assert "清河村小微权力清单" in powers


def test_sections_with_nothing_yet_say_so(client, road_notice):
    page = client.get(VILLAGE_A).content.decode()

    finance = page[page.index(str(Section.FINANCE.label)) : page.index(str(Section.BENEFITS.label))]
    assert "本栏目暂无公开内容" in finance


def test_the_village_page_shows_the_chain_head_and_its_downloads(client, road_notice, village_a):
    page = client.get(VILLAGE_A).content.decode()

    verification = page[page.index("核验和下载") :]
    assert chain.head(village_a) in verification
    assert "/chain.json" not in page[: page.index("核验和下载")]

    assert chain.head(village_a) in page
    assert 'href="/v/990101001001/chain.json"' in page
    assert 'href="/v/990101001001/feed.atom"' in page


def test_corrections_and_withdrawals_are_marked(client, corrected_notice, withdrawn_notice):
    page = client.get(VILLAGE_A).content.decode()

    road = page[page.index(ROAD_NOTICE) :]
    assert "已更正" in road[: road.index("</li>")]
    meeting = page[page.index("关于召开村民大会的通知") :]
    assert "已撤回" in meeting[: meeting.index("</li>")]


def test_each_section_says_how_many_it_holds_without_repeating_the_kind(client, road_notice):
    page = client.get(VILLAGE_A).content.decode()

    notices = page[page.index('id="section-notices"') :]
    notices = notices[: notices.index("</details>")]
    assert "1 条，最新" in notices
    assert "通知公告 ·" not in notices


def test_drafts_never_appear_on_the_village_page(client, road_notice, draft_notice):
    page = client.get(VILLAGE_A).content.decode()

    assert ROAD_NOTICE in page
    assert "未公开的村道修路预算草稿" not in page


def test_postings_of_another_village_stay_on_their_own_page(
    client, road_notice, village_b, clerk_b, supervisor_b
):
    published_posting(village_b, clerk_b, supervisor_b, title="柳树村水塘承包公告")

    page = client.get(VILLAGE_A).content.decode()

    assert "柳树村水塘承包公告" not in page


def test_a_long_section_links_to_all_its_postings(
    client, village_a, clerk_a, supervisor_a, monkeypatch
):
    monkeypatch.setattr("disclosure.portal.selectors.LATEST_PER_SECTION", 2)
    for number in range(3):
        published_posting(village_a, clerk_a, supervisor_a, title=f"第{number + 1}号通知")

    page = client.get(VILLAGE_A).content.decode()
    assert "第1号通知" not in page
    assert "第3号通知" in page
    assert 'href="/v/990101001001/s/notices/"' in page

    section = client.get("/v/990101001001/s/notices/").content.decode()
    assert all(f"第{number}号通知" in section for number in (1, 2, 3))


def test_a_section_of_several_kinds_lists_its_newest_across_them(
    client, village_a, clerk_a, supervisor_a, monkeypatch
):
    monkeypatch.setattr("disclosure.portal.selectors.LATEST_PER_SECTION", 2)
    for number, kind in enumerate(["audit_report", "notice", "notice", "audit_report"], start=1):
        published_posting(village_a, clerk_a, supervisor_a, title=f"第{number}号", kind=kind)

    page = client.get(VILLAGE_A).content.decode()

    assert "第1号" not in page and "第2号" not in page
    assert "第3号" in page and "第4号" in page
    assert "查看全部 4 条" in page


def test_the_village_page_reads_a_fixed_number_of_queries(
    client, village_a, clerk_a, supervisor_a, power_list, django_assert_max_num_queries
):
    for number in range(12):
        published_posting(village_a, clerk_a, supervisor_a, title=f"第{number}号通知")

    # One of them reads the count of changes that keys the page cache; twelve more the glance
    # at the top: correction orders, periods and their rules (this year and last), matters
    # and questions past their deadline.
    with django_assert_max_num_queries(16):
        assert client.get(VILLAGE_A).status_code == 200


def test_an_unknown_village_or_section_is_not_found(client, village_a, township):
    assert client.get("/v/990101001099/").status_code == 404
    assert client.get("/v/990101001000/").status_code == 404
    assert client.get("/v/990101001001/s/gossip/").status_code == 404
