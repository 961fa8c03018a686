"""Where a request comes from, found one way for every limit and the audit log.

Behind nginx every request reaches the portal from the proxy's address (REMOTE_ADDR); the
visitor's is in X-Forwarded-For, which anyone can also send. So the header is read only when the
request comes from a proxy listed in settings.TRUSTED_PROXIES, and then from its right end: each
trusted proxy appends the address it received the request from, and the first address from the
right that is not a trusted proxy is the client. Anything a visitor put further left is ignored.

(django-ipware picks the client from the header's contents and a count of proxies without
checking that the request came from one; Django itself has no setting for this. Twenty lines of
the standard library say exactly what we trust.)

Addresses are never stored: where one must be kept (limits, the audit log), its keyed hash is,
which counts and compares like the address but cannot be turned back into it without the
site's secret key.
"""

import ipaddress

from django.conf import settings
from django.utils.crypto import salted_hmac

FORWARDED_FOR = "HTTP_X_FORWARDED_FOR"


def _address(text: str):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _trusted(address) -> bool:
    return any(address in network for network in settings.TRUSTED_PROXIES)


def client_ip(request) -> str | None:
    """The client's address: REMOTE_ADDR, or behind trusted proxies what the nearest put in
    X-Forwarded-For; None when there is none to trust."""
    address = _address(request.META.get("REMOTE_ADDR") or "")
    forwarded = request.META.get(FORWARDED_FOR, "").split(",")
    while address is not None and _trusted(address) and forwarded:
        address = _address(forwarded.pop())
    return str(address) if address is not None else None


def keyed(address: str | None) -> str:
    """The keyed hash kept instead of an address ("" for none)."""
    if not address:
        return ""
    return salted_hmac("disclosure.web.addresses", address, algorithm="sha256").hexdigest()
