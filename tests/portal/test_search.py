from ..factories import RegionFactory, published_posting
from .conftest import ROAD_NOTICE


def search(client, query, **params):
    response = client.get("/search/", {"q": query, **params})
    assert response.status_code == 200
    return response.content.decode()


def test_a_search_for_a_two_character_word_finds_the_notice(client, road_notice):
    page = search(client, "修路")

    assert f'<a href="/p/{road_notice.posting.code}/">{ROAD_NOTICE}</a>' in page
    assert "清河村" in page


def test_unpublished_postings_are_never_found(client, road_notice, draft_notice):
    page = search(client, "修路")

    assert ROAD_NOTICE in page
    assert "未公开的村道修路预算草稿" not in page


def test_only_the_current_revision_of_a_posting_is_searched(client, corrected_notice):
    assert "1 个结果" in search(client, "开标日期")
    assert ROAD_NOTICE not in search(client, "即日起")


def test_a_withdrawn_posting_is_found_with_its_mark(client, withdrawn_notice):
    page = search(client, "村民大会")

    assert "关于召开村民大会的通知" in page
    assert "已撤回" in page


def test_an_empty_search_asks_for_a_word(client, road_notice):
    page = search(client, "")

    assert "请输入要查找的词语" in page
    assert ROAD_NOTICE not in page


def test_a_single_chinese_character_is_a_word_to_search(client, road_notice):
    assert ROAD_NOTICE in search(client, "修")
    assert ROAD_NOTICE not in search(client, "桥")


def test_a_single_letter_is_too_short(client, road_notice):
    page = search(client, "a")

    assert "请至少输入两个字母或数字" in page
    assert ROAD_NOTICE not in page


def test_a_search_without_matches_says_so(client, road_notice):
    assert "没有找到相关的公开内容" in search(client, "低保")


def test_a_search_of_punctuation_only_asks_for_words(client, road_notice):
    assert "只输入标点符号无法查找" in search(client, "！？，。")


def test_results_are_paginated(client, village_a, clerk_a, supervisor_a, monkeypatch):
    monkeypatch.setattr("disclosure.portal.views.search.PAGE_SIZE", 2)
    for number in range(3):
        published_posting(village_a, clerk_a, supervisor_a, title=f"第{number + 1}期修路公告")

    first = search(client, "修路")
    second = search(client, "修路", page=2)

    assert "3 个结果" in first and "第 1 页，共 2 页" in first
    assert "第1期修路公告" not in first and "第1期修路公告" in second
    assert 'href="?q=%E4%BF%AE%E8%B7%AF&amp;page=2"' in first


def test_search_reads_a_fixed_number_of_queries(
    client, village_a, clerk_a, supervisor_a, django_assert_max_num_queries
):
    for number in range(25):
        published_posting(village_a, clerk_a, supervisor_a, title=f"第{number}期修路公告")

    # One of them reads the count of changes that keys the page cache, one the synonyms, one
    # the places of that name.
    with django_assert_max_num_queries(5):
        search(client, "修路")


def test_a_common_word_is_counted_up_to_the_limit_newest_first(
    client, village_a, clerk_a, supervisor_a, monkeypatch
):
    monkeypatch.setattr("disclosure.portal.selectors.SEARCH_LIMIT", 3)
    monkeypatch.setattr("disclosure.portal.views.search.PAGE_SIZE", 2)
    for number in range(5):
        published_posting(village_a, clerk_a, supervisor_a, title=f"第{number + 1}期修路公告")

    first = search(client, "修路")
    last = search(client, "修路", page=2)

    assert "“修路”的结果超过 3 条，按时间从新到旧列出" in first
    assert "第 1 页，共 2 页" in first
    assert "第5期修路公告" in first and "第4期修路公告" in first
    assert "第3期修路公告" in last and "第2期修路公告" not in last


def test_a_village_is_found_by_the_start_of_its_name(client, village_a, village_c):
    page = search(client, "清河")

    assert 'href="/v/990101001001/">前往清河村的页面</a> <span class="meta">青山镇</span>' in page
    assert "石桥村" not in page


def test_a_place_is_not_found_by_the_middle_of_its_name(client, village_a):
    assert 'href="/v/990101001001/"' not in search(client, "河村")


def test_at_most_twenty_places_are_listed(client, township):
    for number in range(1, 26):
        RegionFactory(code=f"990101001{number:03d}", name=f"新村{number:02d}", parent=township)

    page = search(client, "新村")

    assert page.count('href="/v/9901010010') == 20


def test_a_search_from_a_village_page_lists_that_village_first(
    client, village_a, village_b, clerk_a, supervisor_a, clerk_b, supervisor_b
):
    published_posting(village_a, clerk_a, supervisor_a, title="清河村修路公告")
    published_posting(village_b, clerk_b, supervisor_b, title="柳树村修路公告")

    everywhere = search(client, "修路")
    from_a = search(client, "修路", v=village_a.code)

    assert everywhere.index("柳树村修路公告") < everywhere.index("清河村修路公告")  # newest first
    assert from_a.index("清河村修路公告") < from_a.index("柳树村修路公告")
    assert "清河村的结果排在前面" in from_a


def test_the_village_pages_search_box_names_the_village(client, village_a):
    page = client.get(f"/v/{village_a.code}/").content.decode()

    assert f'<input type="hidden" name="v" value="{village_a.code}">' in page


def test_a_nonsense_village_is_ignored(client, road_notice):
    page = search(client, "修路", v="abc")

    assert ROAD_NOTICE in page
    assert "排在前面" not in page


def test_typing_a_place_leads_to_its_page(client, village_a, township):
    page = search(client, "清河")

    assert f'href="/v/{village_a.code}/"' in page
    assert "前往清河村的页面" in page
    assert f'href="/r/{township.code}/"' in search(client, township.name)


def test_postings_whose_title_matches_come_before_those_matching_only_in_their_text(
    client, village_a, clerk_a, supervisor_a
):
    published_posting(village_a, clerk_a, supervisor_a, title="村道修路工程招标公告", body="招标")
    published_posting(
        village_a, clerk_a, supervisor_a, title="第三季度村务公开", body="完成村道修路一段。"
    )

    page = search(client, "修路")

    assert page.index("村道修路工程招标公告") < page.index("第三季度村务公开")
