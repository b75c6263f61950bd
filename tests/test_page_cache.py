"""Public pages come whole from the shared cache, the same for every visitor, until the content changes."""

import datetime
import gzip
import os

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from caching import version
from guidance import editions
from guidance.models import Guide, Step
from insurance_site.settings import env
from search.models import Synonym
from statutes.models import SOCIAL_INSURANCE_LAW as SIL
from statutes.models import Article, ArticleVersion

pytestmark = [pytest.mark.django_db, pytest.mark.every_database]

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")  # a database of its own, emptied
RESULT = "/en/guide/result/residents/?situation=resident&resident-lapse=no"
PAGES = [
    "/zh-hans/guide/",
    "/en/guide/result/residents/?situation=resident&resident-lapse=no",
    "/zh-hans/law/social-insurance-law/",
    "/en/law/social-insurance-law/article-23/",
    "/zh-hans/search/?q=怎么交医保",
    "/api/law/social-insurance-law/article-23/",
    "/en/guide/no-such-page/",
]


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


@pytest.mark.parametrize("path", PAGES)
def test_the_second_visitor_gets_the_first_visitors_page_from_the_cache(path):
    """No cookie, the same bytes, and headers that let a browser or a CDN keep it a minute."""
    first, second = Client().get(path), Client().get(path)
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert first.content == second.content and first.status_code == second.status_code
    for response in (first, second):
        assert not response.cookies
        assert response["Cache-Control"] == ("public, max-age=60, stale-while-revalidate=600, stale-if-error=86400")
        assert "Cookie" not in response["Vary"]
        assert response["ETag"] == first["ETag"]


def test_a_page_in_the_browsers_language_goes_only_to_browsers_of_that_language():
    """Outside the language prefixes a 404 speaks the browser's language: it is kept once per language."""
    for _ in range(2):
        chinese = Client().get("/no-such-page/", headers={"Accept-Language": "zh-CN"})
        english = Client().get("/no-such-page/", headers={"Accept-Language": "en"})
        assert chinese.status_code == english.status_code == 404
        assert "找不到页面" in chinese.content.decode() and "找不到页面" not in english.content.decode()
        assert "Accept-Language" in english["Vary"]
    assert english["X-Cache"] == "hit"


def test_a_browser_that_has_the_page_gets_304():
    etag = Client().get(RESULT)["ETag"]
    again = Client().get(RESULT, headers={"If-None-Match": etag})
    assert again.status_code == 304 and not again.content


def test_pages_are_sent_compressed_to_browsers_that_accept_it():
    """Drawn once, a page is sent compressed to browsers that take it, and unpacked for the rest."""
    packed = [Client().get(RESULT, headers={"Accept-Encoding": "gzip, deflate, br"}) for _ in range(2)]
    plain = Client().get(RESULT)
    assert [response["X-Cache"] for response in [*packed, plain]] == ["miss", "hit", "hit"]
    assert "Content-Encoding" not in plain
    for response in packed:
        assert response["Content-Encoding"] == "gzip" and "Accept-Encoding" in response["Vary"]
        assert gzip.decompress(response.content) == plain.content
        assert len(response.content) < len(plain.content) / 3
        assert response["ETag"] == plain["ETag"]


def test_a_new_build_draws_every_page_afresh(monkeypatch):
    """After a deploy, no page drawn by the old build (linking its static files) is served."""
    Client().get(RESULT)
    assert Client().get(RESULT)["X-Cache"] == "hit"
    monkeypatch.setattr(version, "release", lambda: "the next build")
    assert Client().get(RESULT)["X-Cache"] == "miss"


def test_the_build_is_its_code_templates_and_static_files_not_its_virtualenv(tmp_path):
    build = version.release.__wrapped__  # uncached, for a folder of one's own
    (tmp_path / "templates").mkdir()
    (tmp_path / ".venv").mkdir()
    (tmp_path / "templates" / "page.html").write_text("<p>one</p>")
    (tmp_path / ".venv" / "library.py").write_text("ONE = 1")
    first = build(tmp_path)
    (tmp_path / ".venv" / "library.py").write_text("ONE = 2")
    assert build(tmp_path) == first
    (tmp_path / "templates" / "page.html").write_text("<p>two</p>")
    assert build(tmp_path) != first


def test_redis_keeps_the_pages(settings):
    """With Redis as the shared cache (as CACHE_URL=redis://… sets it), pages come from Redis."""
    settings.CACHES = {**settings.CACHES, "default": env.cache_url_config(REDIS_URL)}
    assert settings.CACHES["default"]["BACKEND"] == "caching.redis.RedisCache"
    cache.clear()
    try:
        drawn, kept = Client().get(RESULT), Client().get(RESULT, headers={"Accept-Encoding": "gzip"})
        again = Client().get(RESULT)
        assert (drawn["X-Cache"], kept["X-Cache"], again["X-Cache"]) == ("miss", "hit", "hit"), (
            f"Redis at {REDIS_URL} must be running for this test"
        )
        assert gzip.decompress(kept.content) == drawn.content == again.content
    finally:
        cache.clear()


def test_a_publish_shows_at_once():
    """A step changed in a draft and published is on the next request; nobody flushes anything."""
    old = Client().get(RESULT)
    assert Client().get(RESULT)["X-Cache"] == "hit"
    draft = editions.create_draft(Guide.objects.live())
    step = Step.objects.filter(outcome__guide=draft, outcome__slug="residents").first()
    step.title_en = "A step that was just published"
    step.save()
    assert "just published" not in Client().get(RESULT).content.decode()  # a draft changes nothing seen…
    editions.publish(draft)
    new = Client().get(RESULT)
    assert new["X-Cache"] == "miss" and "A step that was just published" in new.content.decode()
    assert new["ETag"] != old["ETag"]


def test_a_staff_synonym_changes_search_at_once():
    path = "/en/search/?q=zymurgy"
    assert Client().get(path).context["count"] == 0
    Synonym.objects.create(words="zymurgy, pension")
    assert Client().get(path).context["count"] > 0


def test_a_law_version_in_force_from_midnight_shows_from_midnight(monkeypatch):
    """Nobody saves anything at midnight (Beijing time): the date in the key draws the page afresh."""
    article = Article.objects.get(law__slug=SIL, number=23)
    today = timezone.localdate()
    current = article.versions.latest()
    ArticleVersion.objects.create(
        article=article,
        effective_from=today + datetime.timedelta(days=1),
        text_zh=current.text_zh,
        text_en=current.text_en + " Zymurgy.",
    )
    path = "/en/law/social-insurance-law/article-23/"
    Client().get(path)
    before = Client().get(path)
    assert before["X-Cache"] == "hit"
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: today + datetime.timedelta(days=1))
    after = Client().get(path)
    assert after["X-Cache"] == "miss" and after.content != before.content
    assert after.context["version"].effective_from == today + datetime.timedelta(days=1)


def test_what_visitors_send_does_not_empty_the_cache():
    """Feedback is not content: after a visitor's answer, the page still comes from the cache."""
    Client().get(RESULT)
    sent = Client(headers={"Origin": "http://testserver"}).post(
        "/en/guide/result/residents/feedback/", {"useful": "yes"}
    )
    assert sent.status_code == 302
    assert Client().get(RESULT)["X-Cache"] == "hit"


def test_signed_in_staff_get_fresh_private_pages_and_citizens_never_get_theirs():
    """Staff see the "Edit this page" link on a page drawn for them; it is never kept for others."""
    staff = Client()
    staff.force_login(User.objects.create_user("editor", is_staff=True))
    for _ in range(2):
        mine = staff.get(RESULT)
        assert "X-Cache" not in mine and "private" in mine["Cache-Control"]
        assert "Edit this page (staff)" in mine.content.decode()
    citizen = Client().get(RESULT)
    assert citizen["X-Cache"] == "miss" and "Edit this page" not in citizen.content.decode()


def test_an_unreachable_cache_only_makes_pages_slower(settings):
    """With the cache down (here: a Redis nobody listens on) every page is drawn afresh, never an error."""
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:9/0"},
    }
    response = Client().get(RESULT)
    assert response.status_code == 200 and "X-Cache" not in response
