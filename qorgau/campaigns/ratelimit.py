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
import ipaddress
import time

from django.conf import settings

from qorgau.throttle import store


def client_address(request):
    """The client's address; behind N trusted proxies, the Nth address from the right of X-Forwarded-For."""
    proxies = settings.QORGAU_TRUSTED_PROXIES
    if proxies:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def client_network(address):
    """What one client is counted as: an IPv4 address, or an IPv6 /64 network."""
    try:
        ip = ipaddress.ip_address(address.strip().strip("[]").split("%")[0])
    except ValueError:
        return address.strip()[:100]
    if ip.version == 6:
        if ip.ipv4_mapped:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def allow(request, scope, limit, window):
    """True if this client has made fewer than `limit` requests in `scope` in the current window.

    Windows are aligned to the epoch: with a window of 86400 seconds, a window is a UTC day.
    """
    if limit <= 0:
        return True
    index = int(time.time() // window)
    secret = f"{settings.SECRET_KEY}:{scope}:{index}".encode()
    bucket = hmac.new(secret, client_network(client_address(request)).encode(), hashlib.sha256).hexdigest()[:40]
    scope_tag = hashlib.sha256(scope.encode()).hexdigest()[:16]
    return store.increment(f"rl:{scope_tag}:{index}:{bucket}", expires=(index + 1) * window) <= limit
