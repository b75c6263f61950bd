"""Whole public pages from the shared cache: the same bytes for every visitor, until the content changes.

A page is cached when a visitor without a staff session asks for it (GET or HEAD) and the answer is one
anybody may share: status 200 or 404, no cookie, not marked private, the same whatever the request's
headers but the language (a page outside the language prefixes speaks the browser's language). Its key
is the address (scheme, host, path and query) and the language the page is drawn in (from the path, else
as Django's LocaleMiddleware chooses it); it is used only while the content version (`caching.version`)
is the one it was drawn under, both read in one round trip. It is stored once, gzip-compressed (nearly
every browser takes it so; it is unpacked for one that does not), with an ETag, and sent with Cache-Control
so that a CDN or a browser may keep it for a short while. A page drawn afresh may reuse the parts it shares
with other pages under the same version (`caching.local`). Signed-in staff get fresh pages marked private.
"""

import gzip
import hashlib
import logging
import re

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.middleware.http import ConditionalGetMiddleware
from django.utils.cache import cc_delim_re, patch_cache_control
from django.utils.text import compress_string
from django.utils.translation import get_language_from_request

from . import local, version
from .signals import page_served

CACHEABLE_STATUS = {200, 404}
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
logger = logging.getLogger(__name__)


class PublicPageCacheMiddleware:
    """First after the health checks: a page from the cache needs none of the other middleware, because its
    entry holds every header they added when it was drawn (the security headers included). Only an HTTPS
    address with an allowed Host is ever kept: a plain HTTP request is redirected, and a forged Host
    refused, before anything is drawn."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.conditional = ConditionalGetMiddleware(get_response)  # 304 for a browser or CDN that has the page

    def __call__(self, request):
        if not _public(request):
            response = self.get_response(request)
            if settings.SESSION_COOKIE_NAME in request.COOKIES:
                patch_cache_control(response, private=True, no_cache=True)
            return response
        try:
            address = request.build_absolute_uri()
        except DisallowedHost:  # refused further in, where the answer gets the security headers
            return self.get_response(request)
        language = get_language_from_request(request, check_path=True)
        key = "page:" + hashlib.sha256(f"{language}:{address}".encode()).hexdigest()
        takes_gzip = bool(ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")))
        try:  # the version and the page in one round trip
            found = cache.get_many([version.KEY, key])
        except Exception:
            logger.warning("The cache cannot be reached; the page is drawn afresh.", exc_info=True)
            return _served(self.get_response(request))
        current = version.current(found.get(version.KEY))
        entry = found.get(key)
        if current is None:
            return _served(self.get_response(request))
        if entry is not None and entry["version"] == current:
            _tallied(entry.get("tally"))
            return self.conditional.process_response(request, _response(entry, "hit", takes_gzip))
        with local.drawing_page(current):
            response = _served(self.get_response(request))
        if not _shareable(response):
            return response
        entry = _entry(response, current)
        try:
            cache.set(key, entry, settings.PAGE_CACHE_SECONDS)
        except Exception:
            logger.warning("The cache cannot be reached; the page is not kept.", exc_info=True)
        return self.conditional.process_response(request, _response(entry, "miss", takes_gzip))


def _served(response):
    _tallied(getattr(response, "tally", None))
    return response


def _tallied(tally):
    if tally is not None:
        page_served.send(sender=PublicPageCacheMiddleware, tally=tally)


def _public(request):
    return (
        request.method in ("GET", "HEAD")
        and not request.path.startswith(("/admin/", settings.STATIC_URL))
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def _shareable(response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code in CACHEABLE_STATUS
        and not response.streaming
        and not response.cookies
        and "private" not in cache_control
        and "no-store" not in cache_control
        and set(cc_delim_re.split(response.get("Vary", "").lower())) <= {"", "accept-language"}
    )


def _entry(response, current):
    """What the cache keeps of a page, used only while the content version is `current`: its headers ready
    to send and its body, gzip-compressed when that is smaller."""
    body = response.content
    headers = [
        (name, value)
        for name, value in response.items()
        if name.lower() not in ("content-length", "cache-control", "etag", "vary")
    ]
    vary = ", ".join(filter(None, [response.get("Vary"), "Accept-Encoding"]))
    headers += [
        ("Vary", vary),
        ("ETag", f'W/"{hashlib.md5(body, usedforsecurity=False).hexdigest()}"'),
        ("Cache-Control", _cache_control()),
    ]
    entry = {"version": current, "status": response.status_code, "headers": headers, "body": body}
    if (tally := getattr(response, "tally", None)) is not None:
        entry["tally"] = tally
    compressed = compress_string(body)
    if len(compressed) < len(body):
        entry.update(body=compressed, gzip=True)
    return entry


def _cache_control():
    """Cache-Control for a public page, as `settings.PAGE_CACHE_CONTROL` says."""
    response = HttpResponse()
    patch_cache_control(response, **settings.PAGE_CACHE_CONTROL)
    return response["Cache-Control"]


def _response(entry, outcome, takes_gzip):
    """The kept page as this browser takes it: compressed, or unpacked for one that does not take gzip."""
    body = entry["body"]
    packed = entry.get("gzip", False)
    if packed and not takes_gzip:
        body, packed = gzip.decompress(body), False
    response = HttpResponse(body, status=entry["status"])
    for name, value in entry["headers"]:
        response[name] = value
    if packed:
        response["Content-Encoding"] = "gzip"
    response["X-Cache"] = outcome
    return response
