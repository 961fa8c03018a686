from ..factories import RegionFactory


def test_the_home_page_offers_search_and_the_places_of_the_county(
    client, village_a, village_b, village_c
):
    response = client.get("/")

    assert response.status_code == 200
    page = response.content.decode()
    assert 'action="/search/"' in page
    assert 'href="/r/990101000000/">示范县' in page
    assert 'href="/r/990101001000/">青山镇' in page
    assert 'href="/r/990101002000/">白水镇' in page


def test_villages_are_a_click_away_on_their_township_page(client, village_a, village_c):
    home = client.get("/").content.decode()
    township = client.get("/r/990101001000/").content.decode()

    assert "清河村" not in home
    assert 'href="/v/990101001001/">清河村' in township
    assert "石桥村" not in township


def test_the_home_page_lists_one_level_however_many_villages_there_are(
    client, township, village_a, village_c, django_assert_max_num_queries
):
    for number in range(2, 60):
        RegionFactory(code=f"990101001{number:03d}", name=f"新村{number}", parent=township)

    with django_assert_max_num_queries(8):
        page = client.get("/").content.decode()

    assert 'href="/r/990101001000/">青山镇' in page
    assert "新村" not in page


def test_several_provinces_are_listed_without_the_places_below_them(client, village_a):
    RegionFactory(code="980000000000", name="平原省", level="province")

    page = client.get("/").content.decode()

    assert 'href="/r/990000000000/">示范省' in page
    assert 'href="/r/980000000000/">平原省' in page
    assert "示范县" not in page


def test_the_home_page_is_in_chinese_with_an_english_switch(client, village_a):
    page = client.get("/").content.decode()

    assert '<html lang="zh-Hans"' in page
    assert "村务公开" in page
    assert 'href="/language/en/?next=/"' in page
