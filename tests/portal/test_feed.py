import xml.etree.ElementTree as ET

from ..factories import published_posting

ATOM = "{http://www.w3.org/2005/Atom}"
FEED_A = "/v/990101001001/feed.atom"


def entries(client):
    response = client.get(FEED_A)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own feed, not untrusted input
    return root, root.findall(f"{ATOM}entry")


def test_the_atom_feed_lists_published_revisions_newest_first(client, corrected_notice):
    root, found = entries(client)

    assert "清河村" in root.find(f"{ATOM}title").text
    links = [entry.find(f"{ATOM}link").get("href") for entry in found]
    code = corrected_notice.posting.code
    assert links == [f"http://testserver/p/{code}/2/", f"http://testserver/p/{code}/1/"]
    assert "开标日期写错" in found[0].find(f"{ATOM}summary").text


def test_the_feed_holds_no_draft(client, road_notice, draft_notice):
    _, found = entries(client)

    assert [entry.find(f"{ATOM}title").text for entry in found] == [road_notice.title]


def test_a_feed_of_an_unknown_village_is_not_found(client, village_a):
    assert client.get("/v/990101001099/feed.atom").status_code == 404


def test_a_clerks_text_is_sent_as_text_never_as_html(client, village_a, clerk_a, supervisor_a):
    body = '<script>alert("x")</script><img src=x onerror=alert(1)> 修路 & 水渠'
    published_posting(village_a, clerk_a, supervisor_a, title="<b>通知</b>", body=body)

    (entry,) = entries(client)[1]

    summary = entry.find(f"{ATOM}summary")
    assert summary.get("type") == "text"
    assert summary.text == body
    assert entry.find(f"{ATOM}title").text == "<b>通知</b>"
