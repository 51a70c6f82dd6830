"""Rate limiting per client for the public reporting endpoint.

Invariant: no client address is stored. The counter's key is an HMAC of the
address with a key that changes every window, so a key cannot be turned back
into an address without the server's secret key, nor linked to the same client
in the next window, and it is deleted once its window has passed.

Counters live in the database (qorgau/throttle), so every worker process counts
together: the cap holds however many processes serve. An IPv6 client is counted
per /64 network (one household or phone usually has a whole /64 and can pick any
address in it); an IPv4 address mapped into IPv6 counts as the IPv4 address.
"""

import hashlib
import hmac
import time

from django.conf import settings

from qorgau.lib.clients import client_address, client_network  # noqa: F401 (used by callers too)
from qorgau.throttle import store


def counter_key(request, scope, window, now=None):
    """The shared counter's key for this client in `scope` in the current window, and when the window ends.

    Windows are aligned to the epoch: with a window of 86400 seconds, a window is a UTC day.
    """
    index = int((time.time() if now is None else now) // window)
    secret = f"{settings.SECRET_KEY}:{scope}:{index}".encode()
    bucket = hmac.new(secret, client_network(client_address(request)).encode(), hashlib.sha256).hexdigest()[:40]
    scope_tag = hashlib.sha256(scope.encode()).hexdigest()[:16]
    return f"rl:{scope_tag}:{index}:{bucket}", (index + 1) * window


def allow(request, scope, limit, window, amount=1):
    """True if this client's total in `scope` in the current window, `amount` included, is at most `limit`."""
    if limit <= 0:
        return True
    key, expires = counter_key(request, scope, window)
    return store.increment(key, expires=expires, amount=amount) <= limit
