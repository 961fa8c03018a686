def test_regions_are_listed_by_code_with_their_parent(api, village_a, village_b, village_c):
    data = api.get("/api/v1/regions/").json()

    rows = {row["code"]: row for row in data["results"]}
    assert data["count"] == 8
    assert rows["990101001001"]["name"] == "清河村"
    assert rows["990101001001"]["level"] == "village"
    assert rows["990101001001"]["parent"] == "990101001000"
    assert rows["990000000000"]["parent"] is None


def test_regions_can_be_filtered_by_level(api, village_a, village_b, village_c):
    data = api.get("/api/v1/regions/?level=township").json()

    assert [row["name"] for row in data["results"]] == ["青山镇", "白水镇"]


def test_regions_can_be_filtered_by_their_parent(api, village_a, village_b, village_c):
    data = api.get("/api/v1/regions/?parent=990101001000").json()

    assert [row["name"] for row in data["results"]] == ["清河村", "柳树村"]


def test_a_region_is_found_by_its_division_code(api, village_c):
    data = api.get("/api/v1/regions/990101002001/").json()

    assert data["name"] == "石桥村"
    assert data["url"] == "http://testserver/api/v1/regions/990101002001/"


def test_an_unknown_or_malformed_code_is_not_found(api, village_a):
    assert api.get("/api/v1/regions/990101009009/").status_code == 404
    assert api.get("/api/v1/regions/清河村/").status_code == 404


def test_an_unknown_level_is_refused_with_a_message(api, village_a):
    response = api.get("/api/v1/regions/?level=planet", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 400
    assert "planet" in response.json()["level"][0]


def test_the_region_list_takes_two_queries_however_long(
    api, village_a, village_b, village_c, django_assert_num_queries
):
    with django_assert_num_queries(2):
        assert api.get("/api/v1/regions/").status_code == 200
