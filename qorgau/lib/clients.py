"""Who a request comes from: the client's address behind trusted proxies, and what one client is counted as.

Used by the reporting endpoint's rate limiter and by sign-in lockouts (django-axes).
"""

import ipaddress

from django.conf import settings


def client_address(request):
    """The client's address; behind N trusted proxies, the Nth address from the right of X-Forwarded-For.

    X-Forwarded-For is believed only from the trusted proxy's own address: a client that reaches the server
    directly cannot choose the address it is counted as.
    """
    proxies = settings.QORGAU_TRUSTED_PROXIES
    if proxies and request.META.get("REMOTE_ADDR", "") == settings.QORGAU_TRUSTED_PROXY_ADDRESS:
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
