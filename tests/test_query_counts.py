"""Every public page costs the same few queries however much content there is."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from statutes.models import HANDLING_REGULATIONS, Article
from statutes.models import SOCIAL_INSURANCE_LAW as SIL

from . import factories

pytestmark = [pytest.mark.django_db, pytest.mark.every_database]

PAGES = [
    "/en/",
    "/zh-hans/guide/question/situation/",
    "/en/guide/question/flexible-lapse/?situation=flexible&flexible-scheme=employee-insurance",
    "/en/guide/question/situation/?next=1",
    "/en/guide/result/flexible-employee/?situation=flexible&flexible-scheme=employee-insurance&flexible-lapse=no",
    "/zh-hans/guide/result/employer-not-paying/?situation=employee&employer-paying=no",
    "/zh-hans/guide/result/employer-not-paying/card/?situation=employee&employer-paying=no",
    "/en/guide/result/flexible-employee/card/?situation=flexible&flexible-scheme=employee-insurance&flexible-lapse=no",
    "/en/guide/result/residents/?situation=resident&resident-lapse=no&text=large",
    "/en/law/social-insurance-law/",
    "/en/law/social-insurance-law/?date=2015-01-01",
    "/zh-hans/law/social-insurance-law/chapter-3/",
    "/en/law/social-insurance-law/article-23/",
    "/en/law/social-insurance-law/article-64/?date=2012-01-01",
    "/en/search/?q=late+fee",
    "/zh-hans/search/?q=%E8%A1%A5%E7%BC%B4",
    "/zh-hans/search/?q=%E6%80%8E%E4%B9%88%E4%BA%A4%E5%8C%BB%E4%BF%9D",  # 怎么交医保
    "/en/search/?q=how+do+I+pay+for+medical+insurance&page=2",
    "/api/law/social-insurance-law/",
    "/api/law/social-insurance-law/article-57/",
    "/en/law/social-insurance-law/article-404/",
    "/en/law/",
    "/zh-hans/law/social-insurance-handling-regulations/",
    "/en/law/social-insurance-handling-regulations/chapter-2/",
    "/en/law/social-insurance-handling-regulations/article-1/",
    "/zh-hans/law/social-insurance-handling-regulations/article-13/",
    "/api/law/",
    "/api/law/social-insurance-handling-regulations/article-13/",
]
MOST_QUERIES_A_PAGE = 10  # counting the test transaction's SAVEPOINT and RELEASE


@pytest.fixture(autouse=True)
def cache_outside_the_database(settings):
    """As in production, where the page cache is Redis: only the content's own queries reach the database.
    Each page is asked for once before the content changes and once after, so each is drawn afresh; and
    nothing is kept of the parts pages share (caching/local.py), so each page is counted whole."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "local": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code in (200, 404), path
    return len(queries)


def add_ten_times_the_content():
    guide = factories.shipped_guide()
    shown = guide.outcomes.get(slug="flexible-employee")
    for _ in range(40):
        factories.step(shown)
    shown_elsewhere = guide.outcomes.get(slug="employer-not-paying")
    for _ in range(40):
        factories.step(shown_elsewhere, cites=(63, 82, 83, 86))
    extra_outcomes = [factories.outcome(guide) for _ in range(60)]
    for extra in extra_outcomes[:45]:
        factories.question(guide, leads_to=extra)
    for article in Article.objects.filter(law__slug=SIL, number__in=[4, 23, 58, 60, 63, 86]):
        for year in range(2030, 2040):
            factories.article_version(article, year=year)
    for article in Article.objects.filter(law__slug=HANDLING_REGULATIONS, number__in=[1, 13, 16, 29]):
        for year in range(2030, 2040):
            factories.article_version(article, year=year)


def test_public_pages_need_few_queries_whatever_the_content(client):
    """Ten times the questions, outcomes, steps, citations and versions cost no extra query."""
    for path in PAGES:  # what a process looks up once (whatever tests ran in it before) is no page's cost
        client.get(path)
    cache.clear()
    before = {path: count_queries(client, path) for path in PAGES}
    add_ten_times_the_content()
    after = {path: count_queries(client, path) for path in PAGES}
    assert after == before
    assert max(before.values()) <= MOST_QUERIES_A_PAGE, before
