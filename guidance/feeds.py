"""An Atom feed of the guide's editions: each edition as it was published, newest first, with the
publisher's note on what it changes."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from .models import GUIDE_SLUG, Guide

MOST = 50


class GuideEditions(Feed):
    feed_type = Atom1Feed

    def get_object(self, request):
        return request.build_absolute_uri(reverse("guidance:start"))  # entry ids are absolute addresses

    def title(self):
        return _("Editions of the guide: how do I pay my medical insurance?")

    def subtitle(self):
        return _("Each edition of the guide as it was published, newest first, with what it changes.")

    def link(self):
        return reverse("guidance:start")

    def items(self, start):
        published = Guide.objects.filter(slug=GUIDE_SLUG, published_at__isnull=False)
        editions = list(published.order_by("-published_at")[:MOST])
        for edition in editions:
            edition.guide_url = start
        return editions

    def item_title(self, edition):
        return _("Edition %(number)s, published %(date)s") % {
            "number": edition.edition,
            "date": f"{edition.published_at:%Y-%m-%d}",
        }

    def item_description(self, edition):
        return edition.note or _("A new edition of the guide.")

    def item_link(self, edition):
        return reverse("guidance:start")  # the edition citizens see now: earlier ones are not kept public

    def item_guid(self, edition):
        return f"{edition.guide_url}#edition-{edition.edition}"

    item_guid_is_permalink = False

    def item_pubdate(self, edition):
        return edition.published_at

    def item_updateddate(self, edition):
        return edition.published_at
