"""A database outage, for real: gunicorn with production settings on a throwaway PostgreSQL that the test
stops and starts. While it is down every page not kept in the page cache, the staff site's included, is a
503 in the visitor's language with Retry-After, and a page kept is still served; once it is back the same
workers serve pages again, without a restart."""

import pytest

from .test_production import get as fetch
from .test_production import gunicorn_server, production_env, set_up_site
from .throwaway_postgres import throwaway_postgres

pytestmark = pytest.mark.outage

RESULT = "/en/guide/result/residents/?situation=resident&resident-lapse=no"
PAGES = ["/en/", "/zh-hans/law/social-insurance-law/article-23/", RESULT, "/admin/login/"]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """gunicorn (two workers) on a throwaway PostgreSQL, with the embedded page cache (files)."""
    with throwaway_postgres("outage-") as postgres:
        env = {**production_env(tmp_path_factory.mktemp("outage")), "DATABASE_URL": postgres.url}
        set_up_site(env)
        with gunicorn_server(env, workers=2) as base:
            yield base, postgres


def get(url, **headers):
    status, found, body = fetch(url, **headers)
    return status, {name.lower(): value for name, value in found.items()}, body.decode()


@pytest.mark.parametrize(
    ("path", "accept_language", "lang", "heading"),
    [
        ("/en/law/", "zh-CN", "en", "Sorry, the service is unavailable"),
        ("/zh-hans/law/", "en", "zh-Hans", "抱歉，服务暂时无法使用"),
        ("/", "en-GB,en;q=0.9", "en", "Sorry, the service is unavailable"),
        ("/", "zh-CN,zh;q=0.9", "zh-Hans", "抱歉，服务暂时无法使用"),
        ("/admin/", "en", "en", "Sorry, the service is unavailable"),
        ("/admin/login/", "zh-CN", "zh-Hans", "抱歉，服务暂时无法使用"),
    ],
)
def test_with_the_database_stopped_every_page_is_a_503_in_the_visitors_language(
    site, path, accept_language, lang, heading
):
    """The language comes from the address's prefix, else from the browser; the page needs no database."""
    base, postgres = site
    postgres.stop()
    try:
        status, headers, body = get(base + path, **{"Accept-Language": accept_language})
        assert status == 503, body[:300]
        assert int(headers["retry-after"]) > 0
        assert f'lang="{lang}"' in body and heading in body
        assert "no-store" in headers["cache-control"]  # no CDN or browser keeps the outage
        status, _, body = get(base + "/readyz")
        assert (status, body.strip()) == (503, "unavailable: database")
        assert get(base + "/healthz")[0] == 200
    finally:
        postgres.start()


def test_once_the_database_is_back_every_worker_serves_pages_again(site):
    """After an outage, the same gunicorn workers answer every page without a restart."""
    base, postgres = site
    postgres.stop()
    try:
        assert {get(base + path)[0] for path in PAGES} == {503}
    finally:
        postgres.start()
    for _ in range(3):  # more requests than workers: each worker has seen the outage and must recover
        assert [get(base + path)[0] for path in PAGES] == [200] * len(PAGES)
    assert get(base + "/readyz")[0] == 200


def test_a_page_kept_before_the_outage_is_still_served_during_it(site):
    """The page cache is not in the database: what a visitor saw before the outage, the next visitor still
    gets while the database is down."""
    base, postgres = site
    assert get(base + RESULT)[0] == 200
    postgres.stop()
    try:
        status, headers, body = get(base + RESULT)
        assert (status, headers["x-cache"]) == (200, "hit") and "<h1" in body
        assert get(base + "/en/law/social-insurance-law/article-86/")[0] == 503
    finally:
        postgres.start()
