"""The client's address comes from the trusted proxy's header and nothing else."""

import ipaddress

import pytest
from django.test import RequestFactory

from disclosure.web.addresses import client_ip, keyed

PROXY = "10.0.0.2"


def request(remote: str, forwarded: str | None = None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


@pytest.fixture
def behind_proxy(settings):
    settings.TRUSTED_PROXIES = [ipaddress.ip_network(PROXY), ipaddress.ip_network("fd00::/8")]


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = []

    assert client_ip(request("203.0.113.7", "198.51.100.1")) == "203.0.113.7"


def test_behind_a_trusted_proxy_the_address_it_received_from_is_the_client(behind_proxy):
    assert client_ip(request(PROXY, "198.51.100.1")) == "198.51.100.1"


def test_what_a_visitor_puts_in_the_header_before_the_proxy_is_ignored(behind_proxy):
    assert client_ip(request(PROXY, "1.2.3.4, 198.51.100.1")) == "198.51.100.1"


def test_a_chain_of_trusted_proxies_is_walked_from_the_right(behind_proxy):
    assert client_ip(request(PROXY, "1.2.3.4, 198.51.100.1, fd00::5")) == "198.51.100.1"


def test_a_visitor_reaching_the_portal_directly_cannot_choose_an_address(behind_proxy):
    assert client_ip(request("203.0.113.7", "198.51.100.1")) == "203.0.113.7"


@pytest.mark.parametrize("forwarded", ["", "garbage", "198.51.100.1, not-an-address"])
def test_a_proxy_forwarding_no_readable_address_gives_none(behind_proxy, forwarded):
    assert client_ip(request(PROXY, forwarded)) is None


def test_an_address_is_kept_only_as_a_keyed_hash(settings):
    kept = keyed("198.51.100.1")

    assert "198.51.100.1" not in kept and len(kept) == 64
    assert kept == keyed("198.51.100.1") != keyed("198.51.100.2")
    settings.SECRET_KEY = "another-secret-key-" * 3
    assert keyed("198.51.100.1") != kept
    assert keyed(None) == ""
