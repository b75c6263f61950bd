"""What every page carries besides its content, as a search engine, a link card and a visitor without
JavaScript meet it: title and description, Open Graph tags, and larger text kept by the address."""

import re
from html import unescape
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.core.cache import cache
from django.test import Client

from guidance.models import Outcome
from statutes.models import SOCIAL_INSURANCE_LAW as SIL
from statutes.models import Article

pytestmark = pytest.mark.django_db

RESIDENTS = "/en/guide/result/residents/?situation=resident&resident-lapse=no"
# One page of every kind a visitor can land on, in both languages between them.
PAGES = [
    ("/zh-hans/", 200),
    ("/en/guide/question/situation/", 200),
    ("/zh-hans/guide/question/resident-lapse/?situation=resident", 200),
    (RESIDENTS, 200),
    ("/zh-hans/guide/result/residents/?situation=resident&resident-lapse=no", 200),
    ("/en/guide/result/residents/card/?situation=resident&resident-lapse=no", 200),
    ("/zh-hans/guide/result/employee/card/?situation=employee&employer-paying=yes", 200),
    ("/en/law/", 200),
    ("/zh-hans/law/social-insurance-law/", 200),
    ("/en/law/social-insurance-handling-regulations/chapter-2/", 200),
    ("/zh-hans/law/social-insurance-law/article-23/", 200),
    ("/en/law/social-insurance-law/article-23/", 200),
    ("/en/search/?q=retired", 200),
    ("/zh-hans/search/?q=", 200),
    ("/en/law/social-insurance-law/article-404/", 404),
    ("/zh-hans/guide/question/situation/?situation=forged", 400),
]


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def meta(html, attribute, name):
    found = re.findall(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)">', html)
    assert len(found) == 1, f"{name}: {found}"
    return unescape(found[0])


@pytest.mark.parametrize(("path", "status"), PAGES)
def test_every_page_has_a_description_and_a_link_card(client, path, status):
    """Search results and shared links show the page's own title and a summary, with the site's image."""
    response = client.get(path)
    assert response.status_code == status
    html = response.content.decode()
    title = unescape(re.search(r"<title>(.*?)</title>", html, re.S)[1])
    description = meta(html, "name", "description")
    assert 50 <= len(description) <= 151 if path.startswith("/en/") else 20 <= len(description) <= 151
    assert "\n" not in description and "<" not in description
    assert meta(html, "property", "og:title") in title
    assert meta(html, "property", "og:description") == description
    assert meta(html, "property", "og:image").endswith("/static/img/share.png")
    assert meta(html, "property", "og:image").startswith("http://testserver/")


def test_a_result_is_described_by_its_summary_and_an_article_by_its_opening_words(client):
    """The description comes from the content staff write, so each page reads differently in a search."""
    outcome = Outcome.objects.get(guide__status="published", slug="residents")
    description = meta(client.get(RESIDENTS).content.decode(), "name", "description")
    assert description.startswith(outcome.summary_en.split()[0])
    article = Article.objects.get(law__slug=SIL, number=23)
    opening = article.version_on().text_zh.splitlines()[0][:20]
    page = client.get("/zh-hans/law/social-insurance-law/article-23/").content.decode()
    assert meta(page, "name", "description").startswith(opening)
    descriptions = {meta(client.get(path).content.decode(), "name", "description") for path, _ in PAGES[:12]}
    assert len(descriptions) >= 10, "most pages describe themselves, not the site"


def test_a_title_with_an_apostrophe_reads_as_written(client):
    """The browser tab and the link card show "residents' insurance", not the escaped "residents&#x27;"."""
    html = client.get(RESIDENTS).content.decode()
    title = unescape(re.search(r"<title>(.*?)</title>", html).group(1))
    outcome = Outcome.objects.get(guide__status="published", slug="residents")
    assert title.startswith(outcome.title_en) and "'" in outcome.title_en
    assert unescape(meta(html, "property", "og:title")) == outcome.title_en


def internal_links(html):
    return [unescape(href) for href in re.findall(r'\shref="(/[^"]*)"', html) if not href.startswith("/static/")]


def test_larger_text_from_the_address_stays_on_every_link_and_form():
    """Without JavaScript, ?text=large draws the page large, and every link and search form of the site keeps it."""
    html = Client().get(RESIDENTS + "&text=large").content.decode()
    assert re.search(r'<html lang="en" class="text-large">', html)
    links = internal_links(html)
    assert len(links) > 10
    for link in links:
        query = dict(parse_qsl(urlsplit(link).query))
        assert query.get("text") in ("large", "standard"), link
    assert html.count('<input type="hidden" name="text" value="large">') == html.count('method="get"') >= 1
    switch = re.search(r'<a id="text-size"[^>]*href="([^"]*)"', html)[1]
    assert "text=standard" in unescape(switch), "the switch turns it off"


def test_a_page_in_standard_text_is_untouched():
    """Without the parameter (or with text=standard) no link carries it and the switch offers larger text."""
    for path in (RESIDENTS, RESIDENTS + "&text=standard"):
        html = Client().get(path).content.decode()
        assert 'class="text-large"' not in html
        links = internal_links(html)
        switch = "/en/guide/result/residents/?situation=resident&resident-lapse=no&text=large#text-size"
        assert [link for link in links if "text=" in link] == [switch]


def test_answering_in_larger_text_keeps_it_through_the_redirects():
    """The guide's own redirects (an answer sent, a missing language prefix) keep the larger text."""
    client = Client()
    sent = client.get("/en/guide/question/situation/?situation=resident&next=1&text=large")
    assert sent.status_code == 302
    assert dict(parse_qsl(urlsplit(sent["Location"]).query)) == {"situation": "resident", "text": "large"}
    unprefixed = client.get("/guide/question/situation/?text=large", headers={"Accept-Language": "en"})
    assert unprefixed.status_code == 302 and "text=large" in unprefixed["Location"]


def test_larger_text_is_a_page_of_its_own_in_the_cache_and_sets_no_cookie():
    """The same address gives every visitor the same bytes; the two sizes are two addresses."""
    first, second = Client().get(RESIDENTS + "&text=large"), Client().get(RESIDENTS + "&text=large")
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert first.content == second.content
    assert not first.cookies and "Cookie" not in first.get("Vary", "")
    assert Client().get(RESIDENTS).content != first.content
