from django.conf import settings


def test_pages_are_in_chinese_even_for_an_english_browser(client, db):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response["Content-Language"] == "zh-hans"
    assert "村务公开" in response.content.decode()


def test_the_switch_turns_the_pages_english(client, db):
    client.get("/language/en/?next=/")
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="zh-CN")
    assert response["Content-Language"] == "en"
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"


def test_an_unknown_language_cookie_falls_back_to_chinese(client, db):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "xx"
    assert client.get("/")["Content-Language"] == "zh-hans"


def test_the_api_answers_in_the_language_a_program_asks_for(client, db):
    response = client.get("/api/v1/", HTTP_ACCEPT_LANGUAGE="en")
    assert response["Content-Language"] == "en"
