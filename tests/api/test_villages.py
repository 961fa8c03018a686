from disclosure.publishing import chain


def test_villages_show_the_head_of_their_chain(
    api, village_a, village_b, village_c, road_notice, corrected_notice
):
    data = api.get("/api/v1/villages/").json()

    rows = {row["code"]: row for row in data["results"]}
    assert data["count"] == 3
    assert rows[village_a.code]["chain_head"] == corrected_notice.digest
    assert rows[village_a.code]["chain_length"] == 3
    assert rows[village_c.code]["chain_head"] == "0" * 64
    assert rows[village_c.code]["chain_length"] == 0
    assert rows[village_a.code]["chain_url"].endswith(f"/api/v1/villages/{village_a.code}/chain/")


def test_only_villages_are_listed_as_villages(api, village_a, township):
    assert api.get(f"/api/v1/villages/{township.code}/").status_code == 404
    assert api.get(f"/api/v1/villages/{township.code}/chain/").status_code == 404


def test_villages_can_be_listed_within_a_township(api, village_a, village_b, village_c):
    data = api.get("/api/v1/villages/?within=990101002000").json()

    assert [row["name"] for row in data["results"]] == ["石桥村"]


def test_villages_within_an_unknown_region_are_none(api, village_a):
    assert api.get("/api/v1/villages/?within=123").json()["count"] == 0


def test_the_chain_is_the_export_the_offline_verifier_reads(
    api, village_a, road_notice, withdrawn_notice
):
    data = api.get(f"/api/v1/villages/{village_a.code}/chain/").json()

    assert data == chain.export(village_a)
    assert data["head"] == withdrawn_notice.digest
    assert [entry["seq"] for entry in data["revisions"]] == [1, 2, 3]


def test_the_village_list_takes_two_queries_however_many_postings(
    api, village_a, village_b, village_c, road_notice, corrected_notice, django_assert_num_queries
):
    with django_assert_num_queries(2):
        assert api.get("/api/v1/villages/").status_code == 200
