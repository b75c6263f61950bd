"""The visitor's address, for the feedback limit and the staff sign-in lockout.

Behind a reverse proxy the connection comes from the proxy; the visitor's address is in X-Forwarded-For,
which each proxy extends with the address it was connected from. A visitor can write anything there
themselves, so the header is read only when `TRUSTED_PROXIES` says how many proxies of ours stand in front,
and then only the entry the outermost of them added.
"""

import ipaddress

from django.conf import settings


def client_address(request):
    """The address of whoever connected to our outermost proxy (or to this server, without one)."""
    if settings.TRUSTED_PROXIES:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        if len(forwarded) >= settings.TRUSTED_PROXIES:
            candidate = forwarded[-settings.TRUSTED_PROXIES]
            try:
                return str(ipaddress.ip_address(candidate))
            except ValueError:
                pass  # not written by a proxy of ours: the connection's own address is all we know
    return request.META.get("REMOTE_ADDR", "")
