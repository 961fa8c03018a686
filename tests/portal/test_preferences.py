def test_the_english_switch_sets_the_language_and_returns_to_the_page(client, village_a):
    response = client.get("/language/en/", {"next": "/v/990101001001/"})

    assert response.status_code == 302
    assert response["Location"] == "/v/990101001001/"
    page = client.get("/v/990101001001/").content.decode()
    assert '<html lang="en"' in page
    assert 'href="/language/zh-hans/?next=/v/990101001001/"' in page


def test_the_switch_never_sends_a_visitor_to_another_site(client, village_a):
    response = client.get("/language/en/", {"next": "https://attacker.example/"})

    assert response["Location"] == "/"


def test_an_unknown_language_is_not_found(client, village_a):
    assert client.get("/language/xx/").status_code == 404


def test_large_text_is_kept_for_the_next_pages(client, village_a):
    client.get("/text-size/large/", {"next": "/"})

    page = client.get("/").content.decode()

    assert 'class="large"' in page
    assert 'href="/text-size/normal/?next=/"' in page


def test_normal_text_switches_large_text_off(client, village_a):
    client.get("/text-size/large/")
    client.get("/text-size/normal/")

    assert 'class="large"' not in client.get("/").content.decode()


def test_an_unknown_text_size_is_not_found(client, village_a):
    assert client.get("/text-size/huge/").status_code == 404
