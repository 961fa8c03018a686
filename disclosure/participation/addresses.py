"""Network addresses of villagers who write, kept only as a keyed hash.

The hash is enough to count how often one address wrote in the last hour; without the site's
secret key it cannot be turned back into the address by trying every possible one.
"""

import hashlib
import hmac

from django.conf import settings


def hash_address(ip: str | None) -> str:
    if not ip:
        return ""
    key = f"participation:{settings.SECRET_KEY}".encode()
    return hmac.new(key, ip.encode(), hashlib.sha256).hexdigest()
