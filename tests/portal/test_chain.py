import json

from disclosure.publishing import chain

CHAIN_A = "/v/990101001001/chain.json"


def test_the_chain_downloads_as_a_json_file(client, road_notice):
    response = client.get(CHAIN_A)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"] == 'attachment; filename="chain-990101001001.json"'


def test_the_downloaded_chain_verifies(client, corrected_notice, withdrawn_notice, power_list):
    exported = json.loads(client.get(CHAIN_A).content)

    previous = chain.GENESIS
    for entry in exported["revisions"]:
        assert entry["prev_digest"] == previous
        assert chain.digest(previous, entry["document"]) == entry["digest"]
        previous = entry["digest"]
    assert len(exported["revisions"]) == 5
    assert exported["head"] == previous


def test_the_chain_holds_no_draft(client, road_notice, draft_notice):
    exported = json.loads(client.get(CHAIN_A).content)

    titles = [entry["document"]["title"] for entry in exported["revisions"]]
    assert titles == [road_notice.title]
