"""Atom feeds of changes, read as a feed reader reads them (feedparser): one for each legal text, one for
the guide's editions, each linked from the pages and kept current through the page cache."""

import re

import feedparser
import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.test import Client

from guidance import editions
from guidance.models import Guide
from statutes import drafts
from statutes.models import Article

pytestmark = [pytest.mark.django_db, pytest.mark.every_database]
SIL_FEED = "/{language}/law/social-insurance-law/changes.atom"
GUIDE_FEED = "/{language}/guide/editions.atom"


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed


@pytest.fixture
def publisher():
    return User.objects.create_user("publisher-user", password="a-long-password-1", is_staff=True)


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_laws_feed_lists_the_2018_amendments_each_linked_to_what_changed(client, language):
    """The 2018 amendment changed Articles 57, 64 and 66: three entries dated the day it took effect, each
    linking to the article's version, where the page shows what changed."""
    feed = read(client, SIL_FEED.format(language=language))
    assert feed.feed.title and feed.feed.link.endswith(f"/{language}/law/social-insurance-law/")
    numbers = sorted(int(re.search(r"article-(\d+)", entry.link).group(1)) for entry in feed.entries)
    assert numbers == [57, 64, 66]
    for entry in feed.entries:
        assert entry.updated.startswith("2018-12-29") and entry.id.startswith("http") and entry.title
        path, anchor = entry.link.split("testserver", 1)[1].split("#")
        assert anchor == "version-2018-12-29" and f'id="{anchor}"' in client.get(path).content.decode()


def test_a_published_correction_comes_first_with_the_publishers_note(client, publisher):
    """Once a publisher publishes a correction, the feed leads with it, with their note, at once (the feed
    is served from the page cache and drawn afresh when the law changes)."""
    cache.clear()
    before = read(Client(), SIL_FEED.format(language="en"))
    article = Article.objects.get(law__slug="social-insurance-law", number=23)
    draft = drafts.start(article, publisher, replaces=article.versions.last())
    draft.text_en = draft.text_en.replace("shall", "must", 1)
    draft.save()
    drafts.publish(draft, publisher, "Corrected a word of the translation.")
    after = read(Client(), SIL_FEED.format(language="en"))
    assert len(after.entries) == len(before.entries) + 1
    first = after.entries[0]
    assert "article-23" in first.link and "Corrected a word of the translation." in first.summary
    assert "corrected" in first.title


def test_the_guides_feed_lists_each_published_edition_with_its_note(client, publisher):
    feed = read(client, GUIDE_FEED.format(language="zh-hans"))
    assert len(feed.entries) == Guide.objects.filter(published_at__isnull=False).count() >= 1
    draft = editions.create_draft(Guide.objects.live())
    editions.publish(draft, publisher, note="Checked every practice note against the 2026 notices.")
    cache.clear()
    feed = read(client, GUIDE_FEED.format(language="en"))
    assert "2026 notices" in feed.entries[0].summary and f"Edition {draft.edition}" in feed.entries[0].title
    assert len({entry.id for entry in feed.entries}) == len(feed.entries)


def test_pages_link_their_feeds(client):
    """Every page names the guide's feed; the law's pages also name their text's feed."""
    article = client.get("/en/law/social-insurance-law/article-23/").content.decode()
    assert 'type="application/atom+xml" href="/en/law/social-insurance-law/changes.atom"' in article
    for path in ["/zh-hans/", "/en/law/social-insurance-law/article-23/"]:
        assert 'rel="alternate" type="application/atom+xml" href="/' in client.get(path).content.decode()
    assert GUIDE_FEED.format(language="zh-hans") in client.get("/zh-hans/").content.decode()
