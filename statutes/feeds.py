"""An Atom feed of each legal text's changes: every new wording of an article (an amendment) and every
correction a publisher published, newest first, each linking to the article's versions, where what
changed is shown."""

from dataclasses import dataclass
from datetime import date, datetime, time

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from .models import Article, ArticleDraft, ArticleVersion, Law

MOST = 50


@dataclass
class Change:
    article: Article
    effective_from: date  # the wording's date, which names its place among the article's versions
    when: datetime  # when the change was made public
    note: str
    corrected: bool
    site: str = ""  # the site's address, for the entry's id

    def link(self):
        return f"{self.article.get_absolute_url()}#version-{self.effective_from:%Y-%m-%d}"


class TextChanges(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, law):
        law = get_object_or_404(Law, slug=law)
        law.site = request.build_absolute_uri("/")  # entry ids are absolute addresses
        return law

    def title(self, law):
        return _("Changes to %(title)s") % {"title": law.title}

    def subtitle(self, law):
        return _(
            "Each new or corrected wording of an article, newest first. The Chinese text is the only "
            "authoritative text; the English is an unofficial translation."
        )

    def link(self, law):
        return law.get_absolute_url()

    def items(self, law):
        found = changes(law)[:MOST]
        for change in found:
            change.site = law.site
        return found

    def item_title(self, change):
        if change.corrected:
            return _("%(article)s: the wording in force from %(date)s corrected") % {
                "article": change.article.label,
                "date": f"{change.effective_from:%Y-%m-%d}",
            }
        return _("%(article)s: new wording in force from %(date)s") % {
            "article": change.article.label,
            "date": f"{change.effective_from:%Y-%m-%d}",
        }

    def item_description(self, change):
        return change.note or _("See what changed on the article's page.")

    def item_link(self, change):
        return change.link()

    def item_guid(self, change):
        return f"{change.site.rstrip('/')}{change.link()}@{change.when.isoformat()}"

    item_guid_is_permalink = False

    def item_pubdate(self, change):
        return change.when

    def item_updateddate(self, change):
        return change.when


def changes(law):
    """Every change to `law`'s articles, newest first: each wording a publisher published from a draft (a new
    one, or a correction), with their note, and each version after an article's first that came with the
    text (an amendment), from the day it took effect."""
    published = ArticleDraft.objects.filter(article__law=law, status=ArticleDraft.Status.PUBLISHED)
    found, made = [], set()
    for draft in published.select_related("article__law"):
        corrected = bool(draft.replaces_id)
        found.append(Change(draft.article, draft.effective_from, draft.published_at, draft.publish_note, corrected))
        made.add((draft.article_id, draft.effective_from))
    versions = ArticleVersion.objects.filter(article__law=law).select_related("article__law")
    seen = set()
    for version in versions.order_by("article__number", "effective_from"):
        key = (version.article_id, version.effective_from)
        if version.article_id in seen and key not in made:
            when = timezone.make_aware(datetime.combine(version.effective_from, time()))
            found.append(Change(version.article, version.effective_from, when, version.note, corrected=False))
        seen.add(version.article_id)
    return sorted(found, key=lambda change: (change.when, change.article.number), reverse=True)
