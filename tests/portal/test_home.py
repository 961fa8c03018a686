def test_the_home_page_offers_search_and_the_region_tree(client, village_a, village_b, village_c):
    response = client.get("/")

    assert response.status_code == 200
    page = response.content.decode()
    assert 'action="/search/"' in page
    assert 'href="/r/990101000000/">示范县' in page
    assert 'href="/r/990101001000/">青山镇' in page
    assert 'href="/r/990101002000/">白水镇' in page
    assert 'href="/v/990101001001/">清河村' in page
    assert 'href="/v/990101002001/">石桥村' in page


def test_villages_stay_off_the_home_page_of_a_large_deployment(
    client, village_a, village_b, monkeypatch
):
    monkeypatch.setattr("disclosure.portal.selectors.HOME_TREE_VILLAGE_LIMIT", 1)

    page = client.get("/").content.decode()

    assert 'href="/r/990101001000/">青山镇' in page
    assert "清河村" not in page


def test_the_home_page_is_in_chinese_with_an_english_switch(client, village_a):
    page = client.get("/").content.decode()

    assert '<html lang="zh-Hans"' in page
    assert "村务公开" in page
    assert 'href="/language/en/?next=/"' in page
