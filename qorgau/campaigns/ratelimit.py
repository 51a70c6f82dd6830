"""Rate limiting per client for the public reporting endpoint.

Invariant: no client address is stored. The counter's key is an HMAC of the
address with a key that changes every window, so a key cannot be turned back
into an address, nor linked to the same client in the next window, and it
expires with its window. Counters live in Django's cache (per process with the
default local-memory cache; set a shared cache for several processes).
"""

import hashlib
import hmac
import time

from django.conf import settings
from django.core.cache import cache


def client_address(request):
    """The client's address; behind N trusted proxies, the Nth address from the right of X-Forwarded-For."""
    proxies = settings.QORGAU_TRUSTED_PROXIES
    if proxies:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def allow(request, scope, limit, window):
    """True if this client has made fewer than `limit` requests in `scope` in the current window."""
    if limit <= 0:
        return True
    index = int(time.time() // window)
    secret = f"{settings.SECRET_KEY}:{scope}:{index}".encode()
    bucket = hmac.new(secret, client_address(request).encode(), hashlib.sha256).hexdigest()[:32]
    key = f"rl:{scope}:{index}:{bucket}"
    if cache.add(key, 1, timeout=window):
        return True
    try:
        return cache.incr(key) <= limit
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
        return True
