import pytest
from django.test import RequestFactory
from django.utils import translation

from disclosure.portal.views import errors


def in_english(client):
    client.get("/language/en/")


def test_a_missing_page_says_so_in_chinese_with_a_way_home(client, village_a):
    response = client.get("/p/NOSUCH/")

    assert response.status_code == 404
    page = response.content.decode()
    assert "页面不存在" in page
    assert 'href="/">返回首页</a>' in page


def test_a_missing_page_says_so_in_english(client, village_a):
    in_english(client)

    page = client.get("/p/NOSUCH/").content.decode()

    assert '<html lang="en"' in page
    assert "This page does not exist" in page


def test_a_request_for_an_unknown_host_gets_the_bad_request_page(client, village_a):
    response = client.get("/", headers={"host": "attacker.example"})

    assert response.status_code == 400
    assert "请求有误" in response.content.decode()


def test_a_form_without_its_security_token_gets_a_readable_refusal(village_a):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post("/search/")

    assert response.status_code == 403
    page = response.content.decode()
    assert "无权访问" in page and "重新加载" in page


@pytest.mark.parametrize(
    ("language", "heading"), [("zh-hans", "系统出现问题"), ("en", "Something went wrong")]
)
def test_the_server_error_page_renders_without_the_database(language, heading):
    # Without the db fixture, pytest-django makes any database access fail this test.
    request = RequestFactory().get("/")
    with translation.override(language):
        response = errors.server_error(request)

    assert response.status_code == 500
    page = response.content.decode()
    assert heading in page
    assert "Traceback" not in page


def test_the_forbidden_page_renders_in_english(rf):
    with translation.override("en"):
        response = errors.permission_denied(rf.get("/"))

    assert response.status_code == 403
    assert "Not allowed" in response.content.decode()


def test_the_health_check_answers_without_the_database(client):
    # No database access is allowed in this test: touching it would raise.
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert response["Cache-Control"] == "no-store"
