"""What people search for, counted for staff: each first page of results sent to a visitor, drawn afresh or
from the page cache, adds one to its normalised words' count for the week, with how many results it had.

Nothing about the visitor is kept: no address, no cookie, no time finer than the week, and no word with a
run of five digits or more (a phone, ID or card number). Counts gather in this process's memory, so a page
from the cache costs no round trip, and are written to the database at most every SEARCH_COUNTS_SECONDS,
by the next search served after that; those of a process that stops before are lost. Staff's list writes this
process's counts before it is shown.
"""

import logging
import re
import threading
import time
from collections import Counter
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, transaction
from django.utils import timezone

from .models import SearchCount

MOST_SEARCHES = 10_000  # different searches held between writes; more are not counted
PERSONAL = re.compile(r"\d{5,}")

logger = logging.getLogger(__name__)
_counts = Counter()  # (words, results) -> searches since the last write
_lock = threading.Lock()
_written = time.monotonic()


def tally_of(words, results):
    """What a page of results counts when it is sent: its words without any that look personal, and how many
    results it had; None when no word is left."""
    kept = " ".join(word for word in words.split() if not PERSONAL.search(word))
    return (kept[: SearchCount._meta.get_field("words").max_length], results) if kept else None


def count(sender, tally, **kwargs):
    """Receives `caching.signals.page_served`: one more search of these words."""
    with _lock:
        if tally in _counts or len(_counts) < MOST_SEARCHES:
            _counts[tally] += 1
        due = time.monotonic() - _written >= settings.SEARCH_COUNTS_SECONDS
    if due:
        flush()


def flush():
    """Add the counts gathered here to the database, in one transaction; when it cannot be written (an
    outage, or another process adding the same words at the same moment) they wait for the next time."""
    global _written
    with _lock:
        taken = dict(_counts)
        _counts.clear()
        _written = time.monotonic()
    if not taken:
        return
    week = this_week()
    latest = {words: results for words, results in taken}  # how many results each had, last
    added = Counter()
    for (words, _results), number in taken.items():
        added[words] += number
    try:
        with transaction.atomic():
            rows = SearchCount.objects.select_for_update().filter(week=week, words__in=list(added))
            existing = {row.words: row for row in rows}
            for words, row in existing.items():
                row.count += added[words]
                row.results = latest[words]
            SearchCount.objects.bulk_update(existing.values(), ["count", "results"])
            SearchCount.objects.bulk_create(
                SearchCount(week=week, words=words, results=latest[words], count=number)
                for words, number in added.items()
                if words not in existing
            )
    except DatabaseError:
        logger.warning("Search counts could not be written; they are kept for the next try.", exc_info=True)
        with _lock:
            for tally, number in taken.items():
                if tally in _counts or len(_counts) < MOST_SEARCHES:
                    _counts[tally] += number


def this_week():
    """The Monday of this week, Beijing time: the week a count is kept under."""
    today = timezone.localdate()
    return today - timedelta(days=today.weekday())
