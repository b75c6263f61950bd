"""The content version: one number in the shared cache that changes whenever what citizens see changes.

Every cached page's key holds it, so a change reaches every worker and every server on their next request
and nobody flushes anything. It changes on any save or delete of a row of the content apps (the law, the
guide, search synonyms), whoever makes it: the admin, a publish, a loader, a revert. Today's date (Beijing
time) is part of the key too, so a law version that comes into force at midnight is shown from midnight;
and the build (`release`), so a deploy draws every page afresh.
"""

import functools
import hashlib
import logging
import os
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

KEY = "content-version"
# The apps whose rows citizens read, and their rows that are not content.
CONTENT_APPS = {"statutes", "guidance", "search"}
NOT_CONTENT = {
    "guidance.Feedback",  # what visitors send: it must not be a way to empty the cache
    "guidance.ReviewFlag",  # staff's reminders to check a step: citizens never see them
    "search.Document",  # the search index, written with the content it indexes
    "search.Posting",
    "search.SearchCount",  # what visitors searched for, counted: it must not be a way to empty the cache
}

# What a build is made of, and the folders that are not the build (the virtualenv, collected static files,
# the embedded page cache).
BUILD_FILES = {".py", ".html", ".txt", ".mo", ".css", ".js", ".svg", ".png", ".json"}
BUILT_ELSEWHERE = {
    ".venv",
    ".git",
    "staticfiles",
    "cache",
    "node_modules",
    "__pycache__",
    ".pytest_cache",
    ".ruff_cache",
}

logger = logging.getLogger(__name__)


def current(known=None):
    """The content version and today's date, as a cache key part; None when the cache cannot be reached,
    or cannot keep a version (Django's dummy cache). `known` is the version as just read from the cache, if
    the caller read it with other keys."""
    try:
        version = known if known is not None else cache.get(KEY)
        if version is None:  # a new or emptied cache: start a version, so nothing older is reused
            cache.add(KEY, time.time_ns(), timeout=None)
            version = cache.get(KEY)
    except Exception:  # a cache outage only makes every request a miss
        logger.warning("The cache cannot be reached; pages are not cached.", exc_info=True)
        return None
    if version is None:  # nothing kept: a version that never changes would keep stale parts (caching.local)
        return None
    return f"{version}:{timezone.localdate():%Y%m%d}:{release()}"


@functools.cache
def release(root=settings.BASE_DIR):
    """What identifies this build of the site: a digest of its code, templates, translations and static
    files. A deploy that changes any of them draws every page afresh, so no page is served that links to
    static files the new build no longer has."""
    digest = hashlib.sha256()
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(name for name in subfolders if name not in BUILT_ELSEWHERE)
        for name in sorted(files):
            if os.path.splitext(name)[1] in BUILD_FILES:
                path = Path(folder, name)
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def changed():
    """Start a new version now, and again when the transaction commits: a request that reads the version
    between the two renders what is not yet committed, and the second change makes what it cached unused.
    A transaction that changes many rows (a loader, a publish) asks for the second only once."""
    _new_version()
    connection = transaction.get_connection()
    if not any(func is _new_version for _ids, func, _robust in connection.run_on_commit):
        transaction.on_commit(_new_version)


def is_content(model):
    """Whether citizens read the model's rows."""
    return model._meta.app_label in CONTENT_APPS and model._meta.label not in NOT_CONTENT


def content_saved(sender, **kwargs):
    changed()


def _new_version():
    try:
        cache.set(KEY, time.time_ns(), timeout=None)
    except Exception:
        logger.error("The content changed but the cache cannot be reached: cached pages may be stale.", exc_info=True)
