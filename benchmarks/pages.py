"""How fast each public page renders, and how many queries it needs, as content grows.

Run with `make benchmark`: a fresh database (SQLite unless DATABASE_URL says otherwise), the shipped
law and guide, each page requested many times in-process; then again with ten times the content.
"""

import logging
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "insurance_site.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402

from tests.test_query_counts import PAGES, add_ten_times_the_content  # noqa: E402

ROUNDS = int(os.environ.get("ROUNDS", 200))


# Each page three ways, with a shared cache in memory as in production with Redis: drawn afresh with
# nothing kept (as just after a publish), drawn afresh with the parts pages share kept (caching/local.py:
# as for a new address), and from the page cache.
SHARED = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "benchmark"}
NOTHING_KEPT = {
    "CACHES": {
        **settings.CACHES,
        "default": SHARED,
        "local": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    },
    "PAGE_CACHE_SECONDS": 0,
}
PARTS_KEPT = {"CACHES": {**settings.CACHES, "default": SHARED}, "PAGE_CACHE_SECONDS": 0}
PAGE_CACHE = {"CACHES": {**settings.CACHES, "default": SHARED}}


def timings(client, path):
    taken = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        client.get(path)
        taken.append((time.perf_counter() - start) * 1000)
    return statistics.median(taken), sorted(taken)[int(ROUNDS * 0.95)]


def measure(client):
    rows = []
    with override_settings(**PAGE_CACHE):
        cache.clear()  # nothing kept from the last measure: its content was different
    for path in PAGES:
        with override_settings(**NOTHING_KEPT):
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path)
            assert response.status_code in (200, 404), (path, response.status_code)
            query_count = len(queries)  # now: the next request clears the connection's query log
            miss = timings(client, path)
        with override_settings(**PARTS_KEPT):
            client.get(path)
            parts_kept = timings(client, path)
        with override_settings(**PAGE_CACHE):
            client.get(path)
            hit = timings(client, path)
        rows.append((path, query_count, *miss, parts_kept[0], hit[0]))
    return rows


def report(title, rows):
    print(f"\n{title} ({ROUNDS} requests a page, {connection.vendor}; medians and the 95th percentile, ms)")
    print(f"{'queries':>7} {'miss':>7} {'miss p95':>8} {'parts kept':>10} {'hit':>5}  page")
    for path, queries, median, p95, parts_kept, hit in rows:
        print(f"{queries:>7} {median:>7.2f} {p95:>8.2f} {parts_kept:>10.2f} {hit:>5.2f}  {path}")


def main():
    # As in production: no query log kept, and no log line for each deliberate 404.
    settings.DEBUG = False
    logging.getLogger("django.request").setLevel(logging.ERROR)
    # The test client's host; templates are left as in production (no test instrumentation).
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        call_command("load_law", verbosity=0)
        call_command("load_guide", verbosity=0)
        client = Client()
        report("Shipped content", measure(client))
        add_ten_times_the_content()
        report("Ten times the content", measure(client))
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
