"""Parts that many public pages share, drawn once in each process and kept in its memory while the content
version stays the same: a guide's questions and where each answer leads, a cited paragraph with its text,
the search index's entries for a term.

A page missing from the page cache (a new address, or every address just after a publish) then costs only
what is its own. The key of every part holds the content version its page was started under, as the page
cache read it (`caching.middleware`), so a change anywhere is never shown from here: the next page asks
for parts under the new version, and parts under old versions age out of the store (`caches["local"]`,
Django's local-memory cache). Only public pages use it: staff, the preview, forms and commands draw
everything afresh, as does a page drawn while the shared cache cannot be reached.
"""

import contextlib
import contextvars
import hashlib
import threading

from django.core.cache import caches

# The content version of the public page being drawn in this thread, if any.
_page_version = contextvars.ContextVar("page_version", default=None)
_NOT_KEPT = object()  # what the store answers for a part not kept (None may be kept)
_held = {}  # (content version, parts) -> an object `held` keeps, for the newest version only
_holding = threading.Lock()


@contextlib.contextmanager
def drawing_page(version):
    """While a public page is drawn under `version` (the page cache's key part), its parts may be kept."""
    token = _page_version.set(version)
    try:
        yield
    finally:
        _page_version.reset(token)


def kept(parts, draw):
    """What `draw()` returns, kept under `parts` (a tuple of strings and numbers that, with the content
    version, names everything the result depends on); drawn afresh outside a public page."""
    version = _page_version.get()
    if version is None:
        return draw()
    store = caches["local"]
    name = _name(version, *parts)
    found = store.get(name, _NOT_KEPT)
    if found is _NOT_KEPT:
        found = draw()
        store.set(name, found)
    return found


def held(parts, make):
    """The object `make()` returns, kept in this process as it is (not copied, so it may fill itself in as
    pages use it) under `parts` while the content version stays the same; made afresh outside a public page.
    Objects of an older version are let go as soon as a page is drawn under a newer one."""
    version = _page_version.get()
    if version is None:
        return make()
    with _holding:
        found = _held.get((version, parts))
        if found is None:
            for key in [key for key in _held if key[0] != version]:
                del _held[key]
            found = _held[version, parts] = make()
    return found


def _name(*parts):
    return hashlib.sha256(repr(parts).encode()).hexdigest()
